/**
 * Answer distributions from survey microdata: the weighted share of every option of a question per
 * population, with the linearised standard errors and logit confidence intervals of R survey's
 * {@code svymean(~factor(Q), design)} and {@code svyciprop(method = "logit")}, Kish's effective n, and
 * the don't-know / no-answer / other missing shares reported apart ({@link org.pluralstats.distribution.AnswerDistributions}).
 */
package org.pluralstats.distribution;
