/**
 * Reading model outputs: generations of language models for survey items, as JSONL with the judge's
 * stance labels per statement (scored by Eq. 2 of seed paper 003, {@link
 * org.pluralstats.align.StanceCounts}) or as CSV with a precomputed score per generation ({@link
 * org.pluralstats.io.llm.ModelCsvColumns}; the paper's released file loads with the defaults). {@link
 * org.pluralstats.io.llm.ModelOutputFiles} accounts for every input row, into {@link
 * org.pluralstats.align.ModelOutputs}.
 */
package org.pluralstats.io.llm;
