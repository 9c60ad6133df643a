package org.pluralstats.align;

import org.pluralstats.io.sidefile.PopulationScoreFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;

/**
 * Alignment of the seed paper's released per-generation scores with its ground truth, at item and
 * response level, against pandas + scipy (tools/align_reference.py, released-alignment.json), and the
 * handling of bad input.
 */
class AlignmentTest {
    static ModelOutputs outputs;
    static PopulationScores populations;

    @BeforeAll
    static void load() {
        outputs = ModelOutputFiles.read(AlignFixtures.GENERATIONS);
        populations = PopulationScoreFiles.read(AlignFixtures.GLOBAL, AlignFixtures.LANGUAGE, AlignFixtures.COUNTRY);
    }

    @Test
    void populationFilesAreReadAsDocumented() {
        assertThat(populations.populations()).hasSize(1 + 4 + 13).startsWith("global", "da", "en", "nl", "pt");
        assertThat(populations.scores("global")).hasSize(83);
        assertThat(populations.scores("US")).hasSize(80);
        assertThat(populations.score("DK", "f120")).isPresent();
        assertThat(populations.score("da", "F120").getAsDouble()).isEqualTo(0.8441041599591297);
    }

    @Test
    void releasedDataEqualPandasAndScipyAtItemAndResponseLevel() {
        JsonNode ref = AlignFixtures.load("released-alignment.json");
        Map<String, AlignmentResult> got = new HashMap<>();
        for (AlignmentLevel level : AlignmentLevel.values()) {
            for (AlignmentResult r : Alignment.withDefaults().withLevel(level).withResamples(0).compare(outputs, populations)) {
                got.put(key(level.jsonName(), r.model(), r.language(), r.population()), r);
            }
        }
        assertThat(got).hasSize(2 * 9 * 4 * 18);
        double maxStat = 0;
        double maxP = 0;
        int checked = 0;
        for (JsonNode c : ref.get("cases")) {
            AlignmentResult r = got.get(key(c.get("level").asText(), c.get("model").asText(), c.get("language").asText(),
                    c.get("population").asText()));
            assertThat(r).as("row for %s", c).isNotNull();
            assertThat(r.n()).isEqualTo(c.get("n").asInt());
            double[] stat = {AlignFixtures.relative(r.rho(), AlignFixtures.num(c.get("rho"))),
                AlignFixtures.relative(r.pearson(), AlignFixtures.num(c.get("pearson"))),
                AlignFixtures.relative(r.meanAlignment(), AlignFixtures.num(c.get("meanAlignment")))};
            double[] p = {AlignFixtures.relative(r.p(), AlignFixtures.num(c.get("p"))),
                AlignFixtures.relative(r.pearsonP(), AlignFixtures.num(c.get("pearsonP")))};
            for (double d : stat) {
                assertThat(d).as("%s", c).isLessThanOrEqualTo(AlignFixtures.STATISTIC);
                maxStat = Math.max(maxStat, d);
            }
            for (double d : p) {
                assertThat(d).as("%s", c).isLessThanOrEqualTo(AlignFixtures.P_VALUE);
                maxP = Math.max(maxP, d);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(432);
        double maxSc = 0;
        for (JsonNode c : ref.get("selfConsistency")) {
            AlignmentResult r = got.get(key("item", c.get("model").asText(), c.get("language").asText(), "global"));
            double d = AlignFixtures.relative(r.selfConsistency(), c.get("selfConsistency").asDouble());
            assertThat(d).isLessThanOrEqualTo(AlignFixtures.STATISTIC);
            maxSc = Math.max(maxSc, d);
        }
        System.out.printf(Locale.ROOT, "released data: %d rows vs pandas/scipy, max relative difference: statistics %.3g,"
                + " p-values %.3g, self-consistency %.3g%n", checked, maxStat, maxP, maxSc);
        // the 5 items without any ground truth are counted, not silently dropped
        AlignmentResult gemma = got.get(key("item", "gemma-2-9b-it", "da", "global"));
        assertThat(gemma.itemsWithoutScore()).isEqualTo(5);
        AlignmentResult resp = got.get(key("response", "gemma-2-9b-it", "da", "global"));
        assertThat(resp.generationsWithoutScore()).isPositive();
        assertThat(resp.n() + resp.generationsWithoutScore()).isEqualTo(212);
    }

    private static String key(String level, String model, String language, String population) {
        return level + "|" + model + "|" + language + "|" + population;
    }

    @Test
    void resamplesAreTheValuesBehindTheIntervalsWithConsistencyOnTheSameResample() {
        Alignment a = Alignment.withDefaults().withLevel(AlignmentLevel.RESPONSE).withResamples(40).withSeed(3);
        PopulationScores da = PopulationScoreFiles.read(AlignFixtures.LANGUAGE);
        List<AlignmentResult> summary = a.compare(outputs, da).rows();
        List<AlignmentResample> rows = a.resamples(outputs, da).rows();
        assertThat(rows).hasSize(summary.size() * 40).isEqualTo(a.resamples(outputs, da).rows());
        for (int g = 0; g < summary.size(); g++) {
            AlignmentResult r = summary.get(g);
            List<AlignmentResample> mine = rows.subList(40 * g, 40 * (g + 1));
            assertThat(mine).allSatisfy(x -> {
                assertThat(x.model()).isEqualTo(r.model());
                assertThat(x.language()).isEqualTo(r.language());
                assertThat(x.population()).isEqualTo(r.population());
                assertThat(x.n()).isEqualTo(r.n());
            });
            assertThat(mine.stream().map(AlignmentResample::resample).toList()).isEqualTo(
                    java.util.stream.IntStream.range(0, 40).boxed().toList());
            double[] rho = mine.stream().mapToDouble(AlignmentResample::rho).filter(v -> !Double.isNaN(v)).sorted().toArray();
            assertThat(rho.length).isEqualTo(40 - r.undefinedResamples());
            assertThat(quantile7(rho, 0.025)).isCloseTo(r.ciLow(), within(1e-14));
            assertThat(quantile7(rho, 0.975)).isCloseTo(r.ciHigh(), within(1e-14));
        }
        // self-consistency of a resample = the released definition on the materialised resample: every
        // drawn copy of a generation is a row of its own (copies of one generation pair with each other)
        AlignmentResult first = summary.get(0);
        ModelGroup g = ModelGroup.of(outputs).get(0);
        ModelGroup.Units u = g.units(AlignmentLevel.RESPONSE, da, first.population());
        java.util.SplittableRandom rng = new java.util.SplittableRandom(org.pluralstats.stats.PercentileBootstrap.seedFor(3,
                g.model + '\u001f' + g.language + '\u001f' + first.population() + "\u001fresponse"));
        int n = u.n();
        for (int b = 0; b < 3; b++) {
            double[] scores = new double[n];
            String[] items = new String[n];
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                scores[i] = u.model()[k];
                items[i] = u.items()[k];
            }
            double expected = ModelSelfConsistency.pairedCorrelation(scores, items, org.pluralstats.stats.Correlation.Method.SPEARMAN)
                    / ModelSelfConsistency.DEFAULT_RELIABILITY;
            assertThat(rows.get(b).selfConsistency()).isCloseTo(expected, within(1e-12));
        }
        // Pearson without the correction, and nothing at item level
        List<AlignmentResample> pearson = a.withSelfConsistency(ModelSelfConsistency.withDefaults()
                .withMethod(org.pluralstats.stats.Correlation.Method.PEARSON).withReliability(1)).resamples(outputs, da).rows();
        assertThat(pearson.get(0).rho()).isEqualTo(rows.get(0).rho());
        assertThat(pearson.get(0).selfConsistency()).isNotEqualTo(rows.get(0).selfConsistency());
        assertThat(a.withLevel(AlignmentLevel.ITEM).resamples(outputs, da).rows())
                .allSatisfy(x -> assertThat(x.selfConsistency()).isNaN());
        assertThat(a.withResamples(0).resamples(outputs, da).rows()).isEmpty();
    }

    private static double quantile7(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        double d = sorted[lo + 1] - sorted[lo];
        double f = h - lo;
        return f >= 0.5 ? sorted[lo + 1] - d * (1 - f) : sorted[lo] + d * f;
    }

    @Test
    void bootstrapIsReproducibleAndBracketsTheEstimate() {
        Alignment a = Alignment.withDefaults().withLevel(AlignmentLevel.RESPONSE).withResamples(150).withSeed(11);
        List<String> pops = List.of("global", "US", "DK");
        Alignments all = a.compare(outputs, populations, pops);
        List<AlignmentResult> r1 = all.rows();
        List<AlignmentResult> r2 = a.compare(outputs, populations, pops).rows();
        assertThat(r1).isEqualTo(r2).hasSize(9 * 4 * 3);
        // JShell shows the head of its table: the settings in the metadata, then the first rows
        assertThat(all.toString()).isEqualTo(all.table().toString())
                .startsWith("Alignment per model × language × population (108 rows × 23 columns)\n")
                .contains("level: response\nbootstrap resamples: 150\nseed: 11\nconfidence level: 0.95\n", "… 98 more rows");
        assertThat(a.withSeed(12).compare(outputs, populations, pops).rows()).isNotEqualTo(r1);
        // one group's interval does not depend on which other populations are compared
        AlignmentResult alone = a.compare(outputs, populations, List.of("DK")).rows().get(0);
        assertThat(alone).isEqualTo(r1.get(2));
        assertThat(r1).allSatisfy(r -> {
            assertThat(r.resamples()).isEqualTo(150);
            assertThat(r.ciLow()).isLessThan(r.ciHigh());
            assertThat(r.meanAlignmentCiLow()).isLessThanOrEqualTo(r.meanAlignment());
            assertThat(r.meanAlignmentCiHigh()).isGreaterThanOrEqualTo(r.meanAlignment());
        });
    }

    @Test
    void aModelWithASingleItemHasNoCorrelation() {
        ModelOutputs one = ModelOutputs.of(List.of(Generation.ofScore("tiny", "", "da", "F120", 1, 0.4),
                Generation.ofScore("tiny", "", "da", "F120", 2, 0.6), Generation.ofScore("tiny", "", "da", "NOPE", 1, 0.2)));
        AlignmentResult r = Alignment.withDefaults().compare(one, populations, List.of("DK")).rows().get(0);
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.itemsWithoutScore()).isEqualTo(1);
        assertThat(r.rho()).isNaN();
        assertThat(r.p()).isNaN();
        assertThat(r.ciLow()).isNaN();
        assertThat(r.resamples()).isZero();
        assertThat(r.meanAlignment()).isCloseTo(1 - Math.abs(0.5 - populations.score("DK", "F120").getAsDouble()), within(1e-15));
        AlignmentResult g = Alignment.withDefaults().withLevel(AlignmentLevel.RESPONSE).compare(one, populations, List.of("DK")).rows().get(0);
        assertThat(g.n()).isEqualTo(2);
        assertThat(g.generationsWithoutScore()).isEqualTo(1);
        assertThat(g.rho()).isNaN(); // the population side is constant
    }

    @Test
    void unknownPopulationIsAnError() {
        assertThatThrownBy(() -> Alignment.withDefaults().compare(outputs, populations, List.of("FR")))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("no scores for population FR");
    }
}
