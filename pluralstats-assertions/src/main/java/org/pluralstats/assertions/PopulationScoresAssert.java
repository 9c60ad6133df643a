package org.pluralstats.assertions;

import org.assertj.core.api.AbstractAssert;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/** Assertions on one population's value polarity scores; {@link #item} narrows to one score. */
public final class PopulationScoresAssert extends AbstractAssert<PopulationScoresAssert, ScoreTable> {
    private final String population;

    PopulationScoresAssert(ScoreTable actual, String population) {
        super(actual, PopulationScoresAssert.class);
        this.population = population;
    }

    /**
     * @param item an item id ({@code Q164}, {@code F120})
     * @return assertions on the population's score of that item; fails when there is none
     */
    public ScoreAssert item(String item) {
        ValuePolarityScore s = actual.get(population, item).orElse(null);
        if (s == null) {
            failWithMessage("Expected a score of population %s on item <%s> but the table has items %s", population, item,
                    actual.items());
        }
        return new ScoreAssert(s);
    }
}
