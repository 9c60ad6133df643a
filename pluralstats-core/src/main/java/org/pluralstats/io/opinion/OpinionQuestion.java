package org.pluralstats.io.opinion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pluralstats.PluralstatsException;

/**
 * One question of GlobalOpinionQA (Durmus et al. 2023, "Towards Measuring the Representation of Subjective
 * Global Opinions in Language Models"): its text, its answer options in the survey's order, the survey it
 * comes from ({@code source}: {@code GAS} for Pew's Global Attitudes Surveys, {@code WVS} for the World
 * Values Survey) and, per country, the share of respondents who chose each option, in option order, as
 * released. Countries keep the dataset's order. Immutable.
 *
 * @param question the question text
 * @param options the answer options, in order
 * @param source the source survey, as released
 * @param shares country → shares of the options (same length as {@code options}, each in [0, 1])
 */
public record OpinionQuestion(String question, List<String> options, String source, Map<String, List<Double>> shares) {

    /** Copies the lists and the map; checks that every country has one finite, non-negative share per option. */
    public OpinionQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(source, "source");
        options = List.copyOf(options);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : shares.entrySet()) {
            List<Double> s = e.getValue();
            if (s.size() != options.size()) {
                throw new PluralstatsException(e.getKey() + " has " + s.size() + " shares for " + options.size() + " options");
            }
            for (Double v : s) {
                if (v == null || !(v >= 0) || Double.isInfinite(v)) {
                    throw new PluralstatsException(e.getKey() + " has the share " + v + "; a share is a finite number ≥ 0");
                }
            }
            copy.put(e.getKey(), List.copyOf(s));
        }
        shares = Collections.unmodifiableMap(copy);
    }

    /**
     * @param country a country as the dataset names it
     * @return the sum of its shares (1 up to rounding in the release), or NaN for a country without data
     */
    public double total(String country) {
        List<Double> s = shares.get(country);
        if (s == null) {
            return Double.NaN;
        }
        double t = 0;
        for (double v : s) {
            t += v;
        }
        return t;
    }
}
