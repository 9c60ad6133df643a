/**
 * Survey designs as R's {@code survey} package has them (Lumley, <i>Complex Surveys</i>, Wiley 2010;
 * issue 14): a design describes how respondents were sampled — weights, clusters in one or more
 * stages, strata, finite-population corrections ({@link org.pluralstats.design.SurveyDesign}), or
 * replicate weights — and its estimators give means, totals, ratios, proportions and quantiles with
 * standard errors that respect it ({@link org.pluralstats.design.DesignEstimate}), for the whole
 * sample or for domains (subpopulations estimated on the whole design, as {@code svyby}).
 *
 * <p>{@link org.pluralstats.design.TaylorDesign} is the Taylor-linearisation design ({@code svydesign}):
 * means, totals, ratios, proportions ({@code svyciprop}) and quantiles ({@code svyquantile}) with
 * linearised standard errors, design effects and {@code degf}; groups as domains of the whole design or as
 * separate designs ({@link org.pluralstats.design.DomainMethod}, {@link org.pluralstats.design.DesignEstimates}).
 *
 * <p>A Taylor design can be calibrated to population margins — {@code postStratify} and {@code rake} with
 * their residual variances ({@link org.pluralstats.design.TaylorDesign#raked},
 * {@link org.pluralstats.design.RakingControl}, {@link org.pluralstats.design.RakingConvergence}).
 *
 * <p>Arrays in, estimates out: no files. The {@code cli} and {@code run} packages build designs from a
 * {@code SurveyData}'s columns.
 */
package org.pluralstats.design;
