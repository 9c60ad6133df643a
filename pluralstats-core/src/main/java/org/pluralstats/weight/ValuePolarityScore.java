package org.pluralstats.weight;

import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.stats.ConfidenceInterval;

/**
 * The value polarity score of one population on one item, with its design-based uncertainty. Over the
 * {@code m = n} respondents of population P who answered item q, with weights {@code w} and positive
 * indicator {@code A}:
 *
 * <ul>
 *   <li>{@code vps = Σ wA / Σ w} (Eq. 1 of the seed paper);</li>
 *   <li>{@code se = sqrt( m/(m-1) · Σ w²(A - vps)² ) / Σ w}, the linearised standard error, equal to
 *       R survey's {@code SE(svymean(~A, svydesign(ids=~1, weights=~w, data=<those m respondents>)))};</li>
 *   <li>{@code nEff = (Σ w)² / Σ w²} (Kish);</li>
 *   <li>{@code interval}: the logit interval of {@code svyciprop(method = "logit")} on
 *       {@code m - 1} degrees of freedom ({@link LogitInterval}).</li>
 * </ul>
 *
 * Undefined numbers are {@code NaN} (written {@code null} in JSON), an undefined interval is empty:
 * every score when {@code n = 0}; {@code se} and the interval when {@code n < 2}; the interval when
 * {@code vps} is 0 or 1. Its table ({@link ScoreTable#table()}) shows the interval as {@code ciLow} and
 * {@code ciHigh}.
 *
 * @param population the population name ({@code global} for all respondents)
 * @param item the item id
 * @param n the number of respondents of P who answered q (and were not excluded)
 * @param weightSum {@code Σ w} over them (0 when {@code n = 0})
 * @param vps the value polarity score
 * @param se its linearised standard error
 * @param nEff Kish's effective sample size
 * @param interval the 95% (or configured) logit interval, empty when undefined
 * @param excluded respondents of P who answered q but were left out for an invalid weight
 */
public record ValuePolarityScore(String population, String item, int n, double weightSum, double vps, double se,
                                 double nEff, Optional<ConfidenceInterval> interval, int excluded) {

    /**
     * @param population the population name
     * @param item the item id
     * @param excluded the exclusions
     * @return the row of a population with no answers to the item: {@code n = 0}, scores undefined
     */
    public static ValuePolarityScore empty(String population, String item, int excluded) {
        return new ValuePolarityScore(population, item, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Optional.empty(), excluded);
    }

    /** @return the score, empty when {@code n = 0} */
    public OptionalDouble score() {
        return Double.isNaN(vps) ? OptionalDouble.empty() : OptionalDouble.of(vps);
    }
}
