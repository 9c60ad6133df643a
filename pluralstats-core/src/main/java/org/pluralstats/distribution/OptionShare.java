package org.pluralstats.distribution;

import java.util.Optional;
import org.pluralstats.stats.ConfidenceInterval;

/**
 * One row of an answer distribution: a valid option's weighted share ({@link ShareBase#VALID}) or a
 * missing reason's weighted share ({@link ShareBase#ALL}) in one population for one question.
 *
 * @param population the population (intersections of columns: the values joined by {@code " × "})
 * @param question the question (variable) id
 * @param code the option's code as in the file ({@code 3}, a level text), or for a missing reason its
 *     name ({@code dont_know}, {@code no_answer}, {@code not_applicable}, {@code not_asked},
 *     {@code unknown}, {@code user_missing}, {@code system_missing}, {@code skipped}, {@code invalid})
 * @param label the option's value label (empty when the file has none), or the missing reason in words
 * @param base what the share is a share of
 * @param share the weighted share {@code Σ_{i∈k} w_i / Σ_{i∈base} w_i}
 * @param se its linearised standard error (R survey {@code SE(svymean(...))})
 * @param interval the 95% logit interval ({@code svyciprop(method = "logit")}); empty when the share is 0
 *     or 1 or the base has fewer than 2 respondents
 * @param n the unweighted size of the base: respondents with a valid answer, or all respondents
 * @param count the unweighted respondents in this option or with this missing reason
 * @param nEff Kish's effective size of the base, {@code (Σ w)² / Σ w²}
 */
public record OptionShare(String population, String question, String code, String label, ShareBase base,
                          double share, double se, Optional<ConfidenceInterval> interval, int n, int count, double nEff) {
}
