package org.pluralstats.agreement;

import java.util.List;
import org.pluralstats.PluralstatsException;

/**
 * A units × raters matrix of ratings, as an annotation file holds them: one row per rated unit, one
 * column per rater (human annotators, an LLM judge). Missing ratings are {@code NaN}. Text labels
 * (e.g. {@code pro, con, neutral}) are coded as {@code 1 … L} in the order of {@link #labels()}; numeric
 * ratings keep their values and have no labels.
 *
 * @param source where the ratings come from (a file name), for messages
 * @param units the unit of each row (an id, or the row number)
 * @param raters the rater of each column
 * @param values units × raters
 * @param labels the text labels coded 1, 2, …, or empty for numeric ratings
 */
public record Ratings(String source, List<String> units, List<String> raters, double[][] values, List<String> labels) {
    /** Checks the shape and copies the lists. */
    public Ratings {
        units = List.copyOf(units);
        raters = List.copyOf(raters);
        labels = List.copyOf(labels);
        if (values.length != units.size()) {
            throw new PluralstatsException(source + ": " + values.length + " rows of ratings for " + units.size() + " units");
        }
        for (double[] row : values) {
            if (row.length != raters.size()) {
                throw new PluralstatsException(source + ": a row has " + row.length + " ratings for " + raters.size() + " raters");
            }
        }
    }

    /** @return whether the ratings were text labels (coded 1, 2, …) rather than numbers */
    public boolean labelled() {
        return !labels.isEmpty();
    }

    /**
     * @param rater a rater's name
     * @return that rater's ratings, one per unit ({@code NaN} missing)
     * @throws PluralstatsException for an unknown rater
     */
    public double[] column(String rater) {
        int j = raters.indexOf(rater);
        if (j < 0) {
            throw new PluralstatsException(source + ": no rater " + rater + "; raters: " + String.join(", ", raters));
        }
        double[] c = new double[values.length];
        for (int u = 0; u < values.length; u++) {
            c[u] = values[u][j];
        }
        return c;
    }
}
