package org.pluralstats.align;

import org.pluralstats.PluralstatsException;

/**
 * Random halves of one population's respondents to one question, for the human ceiling of
 * {@link DistributionalAlignment}: how close two halves of the same population come to each other,
 * so a model's score can be read against the sampling noise of the human data.
 *
 * @param population the population
 * @param question the question
 * @param first {@code first[s][k]}: the weighted answers of option {@code k} in split {@code s}'s first half,
 *     options in the order of the population's human distribution
 * @param second the same for the second half
 */
public record SplitHalves(String population, String question, double[][] first, double[][] second) {
    /** Checks the shapes. */
    public SplitHalves {
        if (first.length != second.length) {
            throw new PluralstatsException("population " + population + ", question " + question + ": "
                    + first.length + " first halves but " + second.length + " second halves");
        }
        for (int s = 0; s < first.length; s++) {
            if (first[s].length != second[s].length) {
                throw new PluralstatsException("population " + population + ", question " + question
                        + ": the halves of split " + (s + 1) + " have different options");
            }
        }
    }
}
