package org.pluralstats.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pluralstats.io.llm.ModelOutputFiles;
import org.pluralstats.stats.Correlation;
import org.pluralstats.table.ResultTable;

/**
 * Within- versus between-language consistency: the fixtures of {@code tools/language_consistency_reference.py}
 * (explicit pairs, scipy, a port of SplittableRandom), the released self-consistency, explicit pairs in
 * Java, a language shift the test must find, reproducibility.
 */
class LanguageConsistencyTest {
    private static final double TOL = 1e-12;

    private static JsonNode fixture() {
        try (InputStream in = LanguageConsistencyTest.class.getResourceAsStream("/org/pluralstats/align/language-consistency.json")) {
            assertThat(in).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            assertThat(root.path("generator").path("script").asText()).isEqualTo("tools/language_consistency_reference.py");
            assertThat(root.path("generator").path("scipy").asText()).isEqualTo("1.10.1");
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ModelOutputs outputs(JsonNode generations) {
        List<Generation> gens = new ArrayList<>();
        Map<String, Integer> counter = new HashMap<>();
        for (JsonNode g : generations) {
            String m = g.get("model").asText();
            String l = g.get("language").asText();
            String q = g.get("item").asText();
            gens.add(Generation.ofScore(m, "", l, q, counter.merge(m + '\u0000' + l + '\u0000' + q, 1, Integer::sum),
                    g.get("score").asDouble()));
        }
        return ModelOutputs.of(gens);
    }

    private static void close(double actual, JsonNode expected, String what) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected.asDouble(), within(TOL));
        }
    }

    @Test
    void equalsTheExplicitPairsOfTheReference() {
        int compared = 0;
        for (JsonNode c : fixture().get("cases")) {
            LanguageConsistencies result = LanguageConsistency.withDefaults().withResamples(c.get("resamples").asInt())
                    .withPermutations(c.get("permutations").asInt()).withSeed(c.get("seed").asLong())
                    .withConfidence(c.get("confidence").asDouble()).estimate(outputs(c.get("generations")));
            for (JsonNode r : c.get("results")) {
                String model = r.get("model").asText();
                String langs = r.get("languages").asText();
                String what = c.get("name").asText() + " " + model + " " + langs;
                boolean multi = r.has("betweenPairs");
                LanguageConsistencyRow w = multi ? null : find(result, model, langs, PairKind.WITHIN);
                if (!multi) {
                    assertThat(w.items()).as(what).isEqualTo(r.get("items").asInt());
                    assertThat(w.generations()).as(what).isEqualTo(r.get("generations").asInt());
                    assertThat(w.pairs()).as(what).isEqualTo(r.get("withinPairs").asLong());
                    close(w.observed(), r.get("withinObserved"), what + " observed");
                    close(w.consistency(), r.get("within"), what + " within");
                    if (r.has("withinCi")) {
                        close(w.ciLow(), r.get("withinCi").get(0), what + " ciLow");
                        close(w.ciHigh(), r.get("withinCi").get(1), what + " ciHigh");
                        assertThat(w.undefinedResamples()).as(what).isEqualTo(r.get("withinUndefined").asInt());
                    }
                    compared++;
                    continue;
                }
                LanguageConsistencyRow b = find(result, model, langs, PairKind.BETWEEN);
                LanguageConsistencyDifference d = result.differences().stream()
                        .filter(x -> x.model().equals(model) && x.languages().equals(langs)).findFirst().orElseThrow();
                assertThat(b.items()).as(what).isEqualTo(r.get("items").asInt());
                assertThat(b.generations()).as(what).isEqualTo(r.get("generations").asInt());
                assertThat(b.pairs()).as(what).isEqualTo(r.get("betweenPairs").asLong());
                assertThat(d.withinPairs()).as(what).isEqualTo(r.get("withinPairs").asLong());
                close(b.observed(), r.get("betweenObserved"), what + " between observed");
                close(b.consistency(), r.get("between"), what + " between");
                close(d.within(), r.get("within"), what + " within");
                close(d.difference(), r.get("difference"), what + " difference");
                if (r.has("betweenCi")) {
                    close(b.ciLow(), r.get("betweenCi").get(0), what + " between ciLow");
                    close(b.ciHigh(), r.get("betweenCi").get(1), what + " between ciHigh");
                    close(d.ciLow(), r.get("differenceCi").get(0), what + " difference ciLow");
                    close(d.ciHigh(), r.get("differenceCi").get(1), what + " difference ciHigh");
                    assertThat(b.undefinedResamples()).as(what).isEqualTo(r.get("betweenUndefined").asInt());
                    assertThat(d.undefinedResamples()).as(what).isEqualTo(r.get("differenceUndefined").asInt());
                    if (langs.equals(LanguageConsistency.ALL)) {
                        LanguageConsistencyRow wa = find(result, model, langs, PairKind.WITHIN);
                        close(wa.ciLow(), r.get("withinCi").get(0), what + " within ciLow");
                        close(wa.ciHigh(), r.get("withinCi").get(1), what + " within ciHigh");
                    }
                }
                if (r.has("p")) {
                    close(d.p(), r.get("p"), what + " p");
                    close(d.pTwoSided(), r.get("pTwoSided"), what + " pTwoSided");
                    close(d.nullDifference(), r.get("nullDifference"), what + " nullDifference");
                    assertThat(d.undefinedPermutations()).as(what).isEqualTo(r.get("undefinedPermutations").asInt());
                } else {
                    assertThat(d.p()).as(what).isNaN();
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(7 + 22);
    }

    private static LanguageConsistencyRow find(LanguageConsistencies r, String model, String languages, PairKind kind) {
        return r.rows().stream().filter(x -> x.model().equals(model) && x.languages().equals(languages) && x.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + model + " " + languages + " " + kind));
    }

    /** A one-language scope is the released self-consistency: same pairs, same value, on the whole released file. */
    @Test
    void withinOneLanguageIsTheReleasedSelfConsistency() {
        ModelOutputs o = ModelOutputFiles.read(AlignFixtures.GENERATIONS);
        LanguageConsistencies lc = LanguageConsistency.withDefaults().estimate(o);
        int n = 0;
        for (ModelConsistency c : ModelSelfConsistency.withDefaults().estimate(o)) {
            LanguageConsistencyRow w = find(lc, c.model(), c.language(), PairKind.WITHIN);
            assertThat(w.pairs()).isEqualTo(c.pairs());
            assertThat(w.generations()).isEqualTo(c.generations());
            assertThat(w.consistency()).isCloseTo(c.selfConsistency(), within(TOL));
            n++;
        }
        assertThat(n).isEqualTo(36);
    }

    /** The closed form against Spearman over pair vectors written out in Java, on random data with ties. */
    @Test
    void closedFormEqualsExplicitPairs() {
        SplittableRandom rng = new SplittableRandom(11);
        String[] langs = {"da", "en", "nl"};
        for (int rep = 0; rep < 20; rep++) {
            int n = 10 + rng.nextInt(40);
            double[] s = new double[n];
            String[] it = new String[n];
            String[] la = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(11) / 10.0;
                it[i] = "Q" + rng.nextInt(6);
                la[i] = langs[rng.nextInt(3)];
            }
            for (PairKind kind : PairKind.values()) {
                List<double[]> pairs = new ArrayList<>();
                for (int g = 0; g < n; g++) {
                    for (int h = 0; h < n; h++) {
                        if (g != h && it[g].equals(it[h]) && la[g].equals(la[h]) == (kind == PairKind.WITHIN)) {
                            pairs.add(new double[] {s[g], s[h]});
                        }
                    }
                }
                double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
                double expected = x.length < 2 ? Double.NaN : Correlation.spearmanCoefficient(x, y);
                double actual = LanguageConsistency.pairedCorrelation(s, it, la, kind);
                if (Double.isNaN(expected)) {
                    assertThat(actual).isNaN();
                } else {
                    assertThat(actual).as("rep %d %s", rep, kind).isCloseTo(expected, within(TOL));
                }
            }
        }
    }

    /**
     * Model "shifted" answers item q in English with the Danish answer of another item (a language
     * that changes the output); model "same" answers both languages from the same item means. The test
     * must find the first (within ≫ between, small p, interval above 0) and not the second.
     */
    @Test
    void findsALanguageShiftAndNotItsAbsence() {
        SplittableRandom rng = new SplittableRandom(5);
        List<Generation> gens = new ArrayList<>();
        int items = 20;
        for (String model : List.of("shifted", "same")) {
            for (int q = 0; q < items; q++) {
                double da = q / (double) items;
                double en = model.equals("shifted") ? ((q * 7) % items) / (double) items : da;
                for (int k = 0; k < 6; k++) {
                    gens.add(Generation.ofScore(model, "", "da", "Q" + q, k, clamp(da + rng.nextGaussian() * 0.05)));
                    gens.add(Generation.ofScore(model, "", "en", "Q" + q, k, clamp(en + rng.nextGaussian() * 0.05)));
                }
            }
        }
        LanguageConsistencies r = LanguageConsistency.withDefaults().withResamples(200).withPermutations(200)
                .estimate(ModelOutputs.of(gens));
        LanguageConsistencyDifference shifted = r.differences().stream()
                .filter(d -> d.model().equals("shifted") && d.languages().equals("all")).findFirst().orElseThrow();
        LanguageConsistencyDifference same = r.differences().stream()
                .filter(d -> d.model().equals("same") && d.languages().equals("all")).findFirst().orElseThrow();
        assertThat(shifted.within()).isGreaterThan(0.9);
        assertThat(shifted.between()).isLessThan(0.5);
        assertThat(shifted.ciLow()).isGreaterThan(0);
        assertThat(shifted.p()).isEqualTo(1.0 / 201);
        assertThat(same.difference()).isLessThan(0.05);
        assertThat(same.p()).isGreaterThan(0.05);
        assertThat(same.ciLow()).isLessThan(0);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Test
    void sameSeedSameOutputAndIndependentOfOtherModels() {
        ModelOutputs o = ModelOutputFiles.read(AlignFixtures.GENERATIONS);
        LanguageConsistency lc = LanguageConsistency.withDefaults().withResamples(50).withPermutations(50).withSeed(3);
        LanguageConsistencies a = lc.estimate(o);
        LanguageConsistencies b = lc.estimate(o);
        assertThat(a.table()).isEqualTo(b.table());
        assertThat(a.differenceTable()).isEqualTo(b.differenceTable());
        ModelOutputs one = ModelOutputs.of(o.generations().stream().filter(g -> g.model().equals("gpt-4o")).toList());
        LanguageConsistencies alone = lc.estimate(one);
        assertThat(alone.differences()).isEqualTo(a.differences().stream().filter(d -> d.model().equals("gpt-4o")).toList());
        assertThat(alone.rows()).isEqualTo(a.rows().stream().filter(d -> d.model().equals("gpt-4o")).toList());
        LanguageConsistencies other = lc.withSeed(4).estimate(one);
        assertThat(other.differences().get(0).ciLow()).isNotEqualTo(alone.differences().get(0).ciLow());
    }

    @Test
    void tablesAndToString() {
        LanguageConsistencies r = LanguageConsistency.withDefaults().withResamples(10).withPermutations(10)
                .estimate(outputs(fixture().get("cases").get(1).get("generations")));
        ResultTable t = r.table();
        assertThat(t.columns().stream().map(c -> c.name()).toList()).startsWith("model", "languages", "kind", "pairs",
                "consistency", "ciLow", "ciHigh");
        // per model: 4 within, 6 between pairs, within and between over all
        assertThat(t.rows()).isEqualTo(2 * (4 + 6 + 2));
        assertThat(r.differenceTable().rows()).isEqualTo(2 * (6 + 1));
        assertThat(r.differenceTable().columnIndex("p")).isPresent();
        assertThat(r.toString()).isEqualTo(t.toString());
    }

    @Test
    void twoLanguagesGiveAllAsThePair() {
        List<Generation> gens = new ArrayList<>();
        double[][] s = {{0.1, 0.2, 0.3}, {0.5, 0.6, 0.4}, {0.9, 0.8, 1.0}};
        for (int q = 0; q < 3; q++) {
            for (int k = 0; k < 3; k++) {
                gens.add(Generation.ofScore("m", "", "da", "Q" + q, k, s[q][k]));
                gens.add(Generation.ofScore("m", "", "en", "Q" + q, k, s[(q + 1) % 3][k]));
            }
        }
        LanguageConsistencies r = LanguageConsistency.withDefaults().withPermutations(20).estimate(ModelOutputs.of(gens));
        assertThat(r.differences()).hasSize(2);
        LanguageConsistencyDifference pair = r.differences().get(0);
        LanguageConsistencyDifference all = r.differences().get(1);
        assertThat(pair.languages()).isEqualTo("da|en");
        assertThat(all.languages()).isEqualTo("all");
        assertThat(all.difference()).isEqualTo(pair.difference());
        assertThat(all.p()).isEqualTo(pair.p());
        assertThat(pair.difference()).isGreaterThan(1);
    }
}
