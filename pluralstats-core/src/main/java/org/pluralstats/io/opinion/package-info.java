/**
 * Readers of the standard opinion datasets of distributional alignment: GlobalOpinionQA's per-country
 * answer shares ({@link org.pluralstats.io.opinion.GlobalOpinionQa}) and the Python literals its cells hold
 * ({@link org.pluralstats.io.opinion.PythonLiteral}).
 */
package org.pluralstats.io.opinion;
