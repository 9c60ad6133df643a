/**
 * Reading Stata {@code .dta} files: {@link org.pluralstats.io.stata.StataReader}, a streaming
 * {@link org.pluralstats.io.CaseReader} for releases 102-119, written from Stata's format documentation
 * (and, for releases before 110, pandas' reader).
 */
package org.pluralstats.io.stata;
