/**
 * Agreement between raters, such as human annotators and an LLM judge (issue 13, "Judge and annotation
 * reliability"; seed paper 003 §2.2, which validates its judge by 91% agreement and a 4.5% mean
 * absolute error against 200 human-annotated statements): arrays in, numbers out.
 * <ul>
 * <li>{@link org.pluralstats.agreement.PercentAgreement}: the share of agreeing pairs of ratings;</li>
 * <li>{@link org.pluralstats.agreement.CohensKappa}: two raters, unweighted or linear/quadratic
 * weights, with the standard errors and interval of statsmodels' {@code cohens_kappa};</li>
 * <li>{@link org.pluralstats.agreement.FleissKappa}: many raters, statsmodels' {@code fleiss_kappa}
 * ({@code fleiss} and {@code randolph});</li>
 * <li>{@link org.pluralstats.agreement.KrippendorffAlpha}: any number of raters with missing
 * ratings, nominal, ordinal, interval and ratio (Krippendorff 2011);</li>
 * <li>{@link org.pluralstats.agreement.MeanAbsoluteError}: two numeric score vectors;</li>
 * <li>{@link org.pluralstats.agreement.Agreement}: all of these for one ratings matrix, as an
 * {@link org.pluralstats.agreement.AgreementReport};</li>
 * <li>{@link org.pluralstats.agreement.JudgeReliability}: the reliability factor that model
 * self-consistency is divided by, {@code 1 − MAE} of judge against human scores.</li>
 * </ul>
 * Ratings are a units × raters matrix of doubles, {@code NaN} for a missing rating; nominal labels are
 * coded as numbers ({@link org.pluralstats.agreement.Ratings}). Undefined statistics are {@code NaN}
 * with the reason in the row's note, written {@code null} in JSON. Formulas: {@code docs/agreement.md}.
 */
package org.pluralstats.agreement;
