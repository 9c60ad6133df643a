/**
 * Value polarity scores and weighting: binarisation of answers into stances ({@link
 * org.pluralstats.weight.Binarisation}), populations and weights ({@link
 * org.pluralstats.weight.PolarityDesign}), Eq. 1 of the seed paper with linearised standard errors,
 * Kish effective sizes and logit intervals equal to R survey's ({@link
 * org.pluralstats.weight.ValuePolarityScores}), cross-population correlations ({@link
 * org.pluralstats.weight.ScoreCorrelations}), human self-consistency as the paper's released code
 * computes it ({@link org.pluralstats.weight.HumanSelfConsistency}), and raking ({@link
 * org.pluralstats.weight.Raking}).
 */
package org.pluralstats.weight;
