package org.pluralstats.align;

import java.util.List;
import org.pluralstats.PluralstatsException;

/**
 * The distribution of answers of one population (human respondents, or a model prompted for that
 * population) over the options of one question, plus the outputs that could not be classified as any
 * option (seed paper 002: "unclassifiable outputs", left out of the distribution and reported as a
 * share).
 *
 * @param population the population (e.g. a country)
 * @param question the question id
 * @param options the options in scale order, with counts or shares (empty for a model question whose
 *     outputs were all unclassifiable)
 * @param unclassifiable outputs (count or share) that matched no option; 0 for human data
 */
public record OptionDistribution(String population, String question, List<OptionCount> options, double unclassifiable) {

    /** Checks the counts and copies the list. */
    public OptionDistribution {
        options = List.copyOf(options);
        for (OptionCount o : options) {
            if (!(o.count() >= 0) || Double.isInfinite(o.count()) || !Double.isFinite(o.ordinal())) {
                throw new PluralstatsException("question " + question + " of " + population + ", option " + o.option()
                        + ": count must be finite and non-negative and the ordinal finite, got " + o.count() + " at "
                        + o.ordinal());
            }
        }
        if (!(unclassifiable >= 0) || Double.isInfinite(unclassifiable)) {
            throw new PluralstatsException("question " + question + " of " + population
                    + ": the unclassifiable count must be finite and non-negative, got " + unclassifiable);
        }
    }

    /** @return the classified answers, {@code Σ count} */
    public double classified() {
        double s = 0;
        for (OptionCount o : options) {
            s += o.count();
        }
        return s;
    }
}
