/**
 * Reading Stata {@code .dta} files: {@link org.pluralstats.io.stata.StataReader}, a streaming
 * {@link org.pluralstats.io.CaseReader} for releases 110-119 written from Stata's format documentation.
 */
package org.pluralstats.io.stata;
