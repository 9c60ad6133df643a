/**
 * Readers of the standard opinion datasets of distributional alignment: GlobalOpinionQA's per-country
 * answer shares ({@link org.pluralstats.io.opinion.GlobalOpinionQa}), OpinionQA's Pew American Trends Panel
 * waves with the group distributions its reference code computes ({@link org.pluralstats.io.opinion.OpinionQa}),
 * and the Python literals their cells hold ({@link org.pluralstats.io.opinion.PythonLiteral}).
 */
package org.pluralstats.io.opinion;
