package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small slice of the Java steps of {@code tools/reproduce_alignment.py} (docs/reproduction.md), so
 * that the pipeline cannot rot silently: {@code align --table resamples} at response level on two
 * models × two languages of the released data, reshaped as the script reshapes it, then the Eq. 4 OLS and
 * an Eq. 3-shaped mixed model with {@code regress}.
 */
class ReproductionSliceTest {
    static final String D = "data-samples/multicultural-alignment/";
    static final ObjectMapper M = new ObjectMapper();
    static final int ROUNDS = 20;

    @Test
    void alignResamplesFeedTheEq4AndEq3Regressions(@TempDir Path dir) throws IOException {
        // two models x two languages of the released generations
        List<String> lines = Files.readAllLines(Path.of(D + "all_lang_model_responses_with_scores.csv"));
        List<String> slice = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            if (Set.of("gpt-4o", "gemma-2-9b-it").contains(f[0]) && Set.of("da", "en").contains(f[3])) {
                slice.add(l);
            }
        }
        Path gens = dir.resolve("slice.csv");
        Files.write(gens, slice);
        Path country = dir.resolve("country.csv");
        Path language = dir.resolve("language.csv");
        String[] common = {"align", "--model", gens.toString(), "--column", "language=response_language", "--level",
            "response", "--table", "resamples", "--bootstrap", "" + ROUNDS, "--seed", "20250225", "--format", "csv"};
        WeightCommandsTest.run(0, concat(common, "--population", D + "ground_truth_every_country.csv", "--out",
                country.toString()));
        WeightCommandsTest.run(0, concat(common, "--population", D + "ground_truth_per_language.csv", "--out",
                language.toString()));

        // Eq. 4 data: the language's own countries (us = False) and the US (us = True)
        Map<String, String> countryLanguage = new HashMap<>();
        for (String l : Files.readAllLines(Path.of(D + "country_languages.csv")).subList(1, 14)) {
            String[] f = l.split(",");
            countryLanguage.put(f[0], f[1]);
        }
        List<String> eq4 = new ArrayList<>(List.of("metric_value,us,model_name,language"));
        List<String[]> rows = rows(country);
        for (String[] r : rows) {
            String pop = r[2];
            if (pop.equals("US") || r[1].equals(countryLanguage.get(pop))) {
                eq4.add(r[4] + "," + (pop.equals("US") ? "True" : "False") + "," + r[0] + "," + r[1]);
            }
        }
        // da: DK + US; en: the 9 English-speaking countries, the US among them as us = True
        assertThat(eq4).hasSize(1 + 2 * ROUNDS * (2 + 9));
        Path eq4csv = dir.resolve("eq4.csv");
        Files.write(eq4csv, eq4);
        JsonNode fit4 = M.readTree(WeightCommandsTest.run(0, "regress", "--data", eq4csv.toString(), "--formula",
                "metric_value ~ us*model_name:language", "--format", "json", "--table", "fit")[0]).get("rows").get(0);
        assertThat(fit4.get("nobs").asInt()).isEqualTo(2 * ROUNDS * 11);
        JsonNode coef4 = M.readTree(WeightCommandsTest.run(0, "regress", "--data", eq4csv.toString(), "--formula",
                "metric_value ~ us*model_name:language", "--format", "json")[0]).get("rows");
        List<String> names = new ArrayList<>();
        coef4.forEach(c -> names.add(c.get("term").asText()));
        assertThat(names).contains("Intercept", "us[T.True]", "model_name[T.gpt-4o]:language[da]",
                "us[T.True]:model_name[T.gpt-4o]:language[en]");
        coef4.forEach(c -> assertThat(c.get("estimate").isNumber()).as(c.toString()).isTrue());

        // Eq. 3 shape: the language's own speakers, self-consistency of the same resample, random intercept per model
        List<String> eq3 = new ArrayList<>(List.of("alignment,consistency,language,model_name"));
        for (String[] r : rows(language)) {
            if (r[2].equals(r[1])) {
                eq3.add(r[4] + "," + r[7] + "," + r[1] + "," + r[0]);
            }
        }
        assertThat(eq3).hasSize(1 + 2 * 2 * ROUNDS);
        Path eq3csv = dir.resolve("eq3.csv");
        Files.write(eq3csv, eq3);
        String[] eq3run = {"regress", "--data", eq3csv.toString(), "--formula", "alignment ~ 0 + consistency:language",
            "--groups", "model_name", "--reml", "--format", "json"};
        JsonNode fit3 = M.readTree(WeightCommandsTest.run(0, concat(eq3run, "--table", "fit"))[0]).get("rows").get(0);
        assertThat(fit3.get("nobs").asInt()).isEqualTo(2 * 2 * ROUNDS);
        assertThat(fit3.get("groups").asInt()).isEqualTo(2);
        assertThat(M.readTree(WeightCommandsTest.run(0, eq3run)[0]).get("rows")).hasSize(2);
    }

    @Test
    void resamplesNeedsABootstrapAndAKnownConsistencyMethod() {
        String[] base = {"align", "--model", D + "all_lang_model_responses_with_scores.csv", "--population",
            D + "ground_truth_global.csv", "--table", "resamples"};
        assertThat(WeightCommandsTest.run(2, concat(base, "--bootstrap", "0"))[1]).contains("--table resamples needs");
        assertThat(WeightCommandsTest.run(2, concat(base, "--consistency-method", "kendall"))[1])
                .contains("expected spearman or pearson");
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("model,language,population,resample,rho,pearson,meanAlignment,selfConsistency,n,"
                + "level,family");
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.split(",", -1));
        }
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
