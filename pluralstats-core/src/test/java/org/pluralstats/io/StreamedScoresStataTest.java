package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.weight.Binarisation;
import org.pluralstats.weight.InvalidWeights;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.StreamingScores;
import org.pluralstats.weight.WeightSpec;

/**
 * The parallel Stata path of {@link StreamedScores} ({@code DtaScores}) equals the sequential one
 * ({@code StataReader} batches) to the byte: on the WVS sample and on the files R haven writes in
 * every release (str# populations with UTF-8 text and empty values, numeric populations with
 * {@code .} and {@code .a}-{@code .z}, items with extended missing values, decimals and large values),
 * cut into blocks of a few rows, on one thread and on three, with one grouping and several, weighted
 * and not. A strL population goes to the sequential reader.
 */
class StreamedScoresStataTest {
    private static final Path WVS = Path.of("data-samples", "wvs-sample", "wvs7-sample.dta");

    private static Path fixture(String name) {
        try {
            return Path.of(StreamedScoresStataTest.class.getResource("/org/pluralstats/io/stata/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void restore() {
        StreamedScores.dtaBlockRows = 0;
        StreamedScores.dtaThreads = Runtime.getRuntime().availableProcessors();
        StreamedScores.prefetch = true;
    }

    private static String sequential(StreamingScores s, Path file) {
        try (CaseReader reader = SurveyFiles.open(file)) {
            return ResultTableWriters.csv(StreamedScores.estimateAll(s, reader).table());
        }
    }

    private static String parallel(StreamingScores s, Path file, long blockRows, int threads, boolean expectParallel) {
        StreamedScores.dtaBlockRows = blockRows;
        StreamedScores.dtaThreads = threads;
        String out = ResultTableWriters.csv(StreamedScores.estimate(s, file, w -> { }).table());
        assertThat(StreamedScores.lastParallel).as("the parallel path was taken").isEqualTo(expectParallel);
        return out;
    }

    private static void assertSame(StreamingScores s, Path file, boolean expectParallel) {
        String expected = sequential(s, file);
        for (long block : new long[] {1, 3, 7, 100, 0}) {
            for (int threads : new int[] {1, 3}) {
                assertThat(parallel(s, file, block, threads, expectParallel))
                        .as("%s, block %d, %d threads", file.getFileName(), block, threads).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"B_COUNTRY_ALPHA", "B_COUNTRY", "B_COUNTRY_ALPHA,S_INTLANGUAGE,global",
        "global,B_COUNTRY", "global"})
    void theWvsSampleGivesTheSequentialResultToTheByte(String groupings) {
        List<PopulationSpec> specs = java.util.Arrays.stream(groupings.split(",")).map(PopulationSpec::parse).toList();
        List<ItemCoding> items = java.util.stream.Stream.of("Q1", "Q2", "Q6", "Q33", "Q57", "Q164", "Q182", "Q184",
                "Q199", "Q235", "Q240", "Q46").map(ItemCoding::of).toList();
        for (WeightSpec weight : List.of(WeightSpec.none(), WeightSpec.parse("W_WEIGHT"), WeightSpec.parse("W_WEIGHT*S018"))) {
            for (Binarisation b : List.of(Binarisation.paper().withItems(items), Binarisation.paper())) {
                StreamingScores s = StreamingScores.of(b, specs, weight, InvalidWeights.FAIL);
                String expected = sequential(s, WVS);
                assertThat(expected.lines().count()).isGreaterThan(10);
                assertSame(s, WVS, true);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"haven_110.dta", "haven_111.dta", "haven_114.dta", "haven_115.dta", "haven_118.dta",
        "haven_119.dta", "haven_115_tagged_labels.dta", "haven_118_tagged_labels.dta"})
    void filesWrittenByHavenGiveTheSequentialResultToTheByte(String name) {
        Path file = fixture(name);
        boolean tagged = name.contains("tagged");
        // score holds decimals, 1e10 and negative values: listed positive codes, not the paper rule
        Binarisation b = tagged ? Binarisation.paper().withItems(List.of(ItemCoding.of("answer")))
                : Binarisation.of(List.of(ItemCoding.of("agree", 1), ItemCoding.of("score", 1.5, -2.25, 1e10, 0),
                        ItemCoding.of("id", 1, 2, 3, 5, 8)));
        List<List<PopulationSpec>> groupings = tagged
                ? List.of(List.of(PopulationSpec.by("id")), List.of(PopulationSpec.global()))
                : List.of(List.of(PopulationSpec.by("name")), List.of(PopulationSpec.by("flag")),
                        List.of(PopulationSpec.by("name"), PopulationSpec.by("flag"), PopulationSpec.global()),
                        List.of(PopulationSpec.global(), PopulationSpec.by("agree")));
        for (List<PopulationSpec> g : groupings) {
            for (WeightSpec weight : tagged ? List.of(WeightSpec.none())
                    : List.of(WeightSpec.none(), WeightSpec.parse("id"))) {
                StreamingScores s = StreamingScores.of(b, g, weight,
                        InvalidWeights.EXCLUDE);
                assertSame(s, file, true);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"haven_118.dta", "haven_119.dta"})
    void aStrLPopulationIsReadSequentially(String name) {
        Path file = fixture(name);
        StreamingScores s = StreamingScores.of(Binarisation.paper().withItems(List.of(ItemCoding.of("agree"))),
                List.of(PopulationSpec.by("essay"), PopulationSpec.global()), WeightSpec.none(), InvalidWeights.FAIL);
        assertSame(s, file, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.csv", "wvs7-sample.dta"})
    void readingAheadOnAThreadGivesTheSameResult(String name) {
        Path file = WVS.resolveSibling(name);
        for (List<PopulationSpec> g : List.of(List.of(PopulationSpec.by("B_COUNTRY_ALPHA")),
                List.of(PopulationSpec.by("S_INTLANGUAGE"), PopulationSpec.by("B_COUNTRY"), PopulationSpec.global()))) {
            for (WeightSpec weight : List.of(WeightSpec.none(), WeightSpec.parse("W_WEIGHT"))) {
                StreamingScores s = StreamingScores.of(Binarisation.paper(), g, weight, InvalidWeights.EXCLUDE);
                StreamedScores.prefetch = false;
                String alone = sequential(s, file);
                StreamedScores.prefetch = true;
                assertThat(sequential(s, file)).as("%s %s %s", name, g, weight).isEqualTo(alone);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void textThatIsNotUtf8InAUtf8FileIsReadSequentiallyWithItsWarning() {
        Path file = fixture("encoding/latin1_in_utf8_118.dta");
        StreamingScores s = StreamingScores.of(Binarisation.of(List.of(ItemCoding.of("n", 1))),
                List.of(PopulationSpec.by("place")), WeightSpec.none(), InvalidWeights.FAIL);
        List<ReadWarning> warnings = new java.util.ArrayList<>();
        StreamedScores.dtaBlockRows = 1;
        String out = ResultTableWriters.csv(StreamedScores.estimate(s, file, warnings::add).table());
        assertThat(StreamedScores.lastParallel).isFalse();
        assertThat(out).isEqualTo(sequential(s, file)).contains("Caf\u00e9");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).message()).contains("not valid UTF-8");
    }

    @org.junit.jupiter.api.Test
    void anUnusableWeightIsTheSequentialReadersErrorOrAnExclusion() {
        Path file = fixture("haven_118.dta");
        List<PopulationSpec> g = List.of(PopulationSpec.by("name"), PopulationSpec.global());
        Binarisation b = Binarisation.of(List.of(ItemCoding.of("agree", 1)));
        StreamingScores fail = StreamingScores.of(b, g, WeightSpec.parse("score"), InvalidWeights.FAIL);
        RuntimeException expected = null;
        try {
            sequential(fail, file);
        } catch (RuntimeException e) {
            expected = e;
        }
        assertThat(expected).isNotNull();
        for (int threads : new int[] {1, 3}) {
            StreamedScores.dtaBlockRows = 2;
            StreamedScores.dtaThreads = threads;
            RuntimeException e = expected;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamedScores.estimate(fail, file, w -> { }))
                    .isInstanceOf(e.getClass()).hasMessage(e.getMessage());
            assertThat(StreamedScores.lastParallel).isFalse();
        }
        StreamingScores exclude = StreamingScores.of(b, g, WeightSpec.parse("score"), InvalidWeights.EXCLUDE);
        String alone;
        java.util.Map<String, Integer> reasons;
        try (CaseReader reader = SurveyFiles.open(file)) {
            org.pluralstats.weight.GroupedScores all = StreamedScores.estimateAll(exclude, reader);
            alone = ResultTableWriters.csv(all.table());
            reasons = all.exclusionReasons();
        }
        assertThat(reasons).isNotEmpty();
        for (int threads : new int[] {1, 3}) {
            StreamedScores.dtaBlockRows = 2;
            StreamedScores.dtaThreads = threads;
            org.pluralstats.weight.GroupedScores all = StreamedScores.estimate(exclude, file, w -> { });
            assertThat(StreamedScores.lastParallel).isTrue();
            assertThat(ResultTableWriters.csv(all.table())).isEqualTo(alone);
            assertThat(all.exclusionReasons()).containsExactlyEntriesOf(reasons);
        }
    }

    @org.junit.jupiter.api.Test
    void aMappedGroupingGivesTheSequentialResult() {
        PopulationSpec mapped = PopulationSpec.mapped("B_COUNTRY_ALPHA", java.util.Map.of("dnk", "Nordic", "NLD", "Low"));
        StreamingScores s = StreamingScores.of(Binarisation.paper(), List.of(mapped, PopulationSpec.by("B_COUNTRY")),
                WeightSpec.parse("W_WEIGHT"), InvalidWeights.FAIL);
        assertSame(s, WVS, true);
        assertThat(sequential(s, WVS)).contains("Nordic").contains("Low");
    }
}
