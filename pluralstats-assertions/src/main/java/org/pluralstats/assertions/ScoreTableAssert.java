package org.pluralstats.assertions;

import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.pluralstats.stats.Correlation;
import org.pluralstats.weight.PopulationCorrelation;
import org.pluralstats.weight.ScoreCorrelations;
import org.pluralstats.weight.ScoreTable;

/**
 * Assertions on a {@link ScoreTable} of value polarity scores: its populations and items, one
 * population's scores ({@link #population}), and correlations between populations.
 */
public final class ScoreTableAssert extends AbstractAssert<ScoreTableAssert, ScoreTable> {

    ScoreTableAssert(ScoreTable actual) {
        super(actual, ScoreTableAssert.class);
    }

    /**
     * @param population a population name ({@code DNK}, {@code global})
     * @return assertions on that population's scores; fails when the table has no such population
     */
    public PopulationScoresAssert population(String population) {
        isNotNull();
        if (!actual.populations().contains(population)) {
            failWithMessage("Expected scores for population <%s> but the table has only %s", population,
                    actual.populations());
        }
        return new PopulationScoresAssert(actual, population);
    }

    /**
     * @param populations the populations, in order
     * @return this
     */
    public ScoreTableAssert hasPopulations(String... populations) {
        isNotNull();
        if (!actual.populations().equals(java.util.List.of(populations))) {
            failWithMessage("Expected populations %s but were %s", java.util.List.of(populations), actual.populations());
        }
        return this;
    }

    /**
     * @param items the items, in order
     * @return this
     */
    public ScoreTableAssert hasItems(String... items) {
        isNotNull();
        if (!actual.items().equals(java.util.List.of(items))) {
            failWithMessage("Expected items %s but were %s", java.util.List.of(items), actual.items());
        }
        return this;
    }

    /**
     * The Pearson correlation of two populations' score vectors over their shared items (Figure 2).
     *
     * @param a first population
     * @param b second population
     * @param expected the expected correlation
     * @param offset the tolerance
     * @return this
     */
    public ScoreTableAssert hasCorrelation(String a, String b, double expected, Offset<Double> offset) {
        return hasCorrelation(a, b, Correlation.Method.PEARSON, expected, offset);
    }

    /**
     * @param a first population
     * @param b second population
     * @param method Pearson or Spearman
     * @param expected the expected correlation
     * @param offset the tolerance
     * @return this
     */
    public ScoreTableAssert hasCorrelation(String a, String b, Correlation.Method method, double expected,
                                           Offset<Double> offset) {
        population(a);
        population(b);
        PopulationCorrelation c = ScoreCorrelations.pair(a, b, actual.vector(a), actual.vector(b), method);
        if (!Checks.close(c.r(), expected, offset)) {
            failWithMessage("Expected the %s correlation of %s and %s to be %s but was %s (over %d shared items)",
                    method.name().toLowerCase(Locale.ROOT), a, b, Checks.describe(expected, offset), c.r(), c.items());
        }
        return this;
    }
}
