package org.pluralstats.align;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** The fixtures of tools/align_reference.py and the released data of seed paper 003. */
final class AlignFixtures {
    static final double STATISTIC = 1e-12;
    static final double P_VALUE = 1e-10;
    static final Path RELEASED = Path.of("data-samples/multicultural-alignment");
    static final Path GENERATIONS = RELEASED.resolve("all_lang_model_responses_with_scores.csv");
    static final Path COUNTRY = RELEASED.resolve("ground_truth_every_country.csv");
    static final Path LANGUAGE = RELEASED.resolve("ground_truth_per_language.csv");
    static final Path GLOBAL = RELEASED.resolve("ground_truth_global.csv");
    static final Path COUNTRY_LANGUAGES = RELEASED.resolve("country_languages.csv");

    private AlignFixtures() {
    }

    static JsonNode load(String name) {
        return org.pluralstats.AlignReferenceFixtures.load(name);
    }

    static double num(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    /** @return |a − e| / |e| (|a| when e = 0); 0 when both are NaN; +∞ when only one is */
    static double relative(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        }
        return expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
    }
}
