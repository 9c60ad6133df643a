package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.weight.Binarisation;
import org.pluralstats.weight.GroupedScores;
import org.pluralstats.weight.InvalidWeights;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.StreamingScores;
import org.pluralstats.weight.WeightSpec;

/**
 * The parallel CSV path of {@link StreamedScores} equals the sequential one ({@link CsvReader} batches)
 * to the byte, on hostile delimited files cut into many small blocks: quoted populations holding
 * delimiters, quotes and line breaks across block boundaries, CRLF, missing texts, WVS missing codes,
 * decimals, a last line without a line break and trailing blank lines; and it hands every malformed
 * file back to the sequential reader, whose located error the user then sees.
 */
class StreamedScoresTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        StreamedScores.csvBlockSize = 0;
        StreamedScores.csvThreads = Runtime.getRuntime().availableProcessors();
    }

    private static final String[] COUNTRIES = {"DNK", "NLD", "\"Côte d'Ivoire, \"\"CI\"\"\"", "\"New\nZealand\"", "", "\"\"",
        "USA", "\"BRA\""};

    /** A seeded hostile WVS-like file: id, country, language, weight, items Q1..Qk, a trailing text column. */
    private Path hostile(long seed, int rows, boolean crlf) throws IOException {
        Random r = new Random(seed);
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder("D_INTERVIEW,B_COUNTRY_ALPHA,LNGE_ISO,W_WEIGHT,Q1,Q2,Q3,Q4,Q5,NOTE" + nl);
        for (int i = 0; i < rows; i++) {
            sb.append(i + 1).append(',').append(COUNTRIES[r.nextInt(COUNTRIES.length)]).append(',')
                    .append(new String[] {"da", "en", "\"nl\"", ""}[r.nextInt(4)]).append(',');
            sb.append(String.format(java.util.Locale.ROOT, "%.5f", 0.2 + 2 * r.nextDouble())).append(',');
            for (int q = 1; q <= 5; q++) {
                int kind = r.nextInt(20);
                String v = switch (kind) {
                    case 0 -> "";
                    case 1 -> "NA";
                    case 2 -> "-" + (1 + r.nextInt(5));
                    case 3 -> "\"" + (1 + r.nextInt(4)) + "\"";
                    case 4 -> q == 5 ? "10" : Integer.toString(1 + r.nextInt(4));
                    case 5 -> q == 4 ? "2.0" : ".";
                    default -> Integer.toString(1 + r.nextInt(q == 5 ? 10 : 4));
                };
                sb.append(v).append(',');
            }
            sb.append(new String[] {"", "ok", "\"a, \"\"quoted\"\"\nnote\"", "x\"y"}[r.nextInt(4)]);
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(nl);
            }
        }
        if (r.nextBoolean()) {
            sb.append(nl).append(nl);
        }
        Path p = dir.resolve("hostile-" + seed + (crlf ? "-crlf" : "") + ".csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static StreamingScores scorer(List<PopulationSpec> groupings, InvalidWeights invalid) {
        List<ItemCoding> items = new ArrayList<>();
        for (int q = 1; q <= 5; q++) {
            items.add(ItemCoding.of("Q" + q));
        }
        return StreamingScores.of(Binarisation.paper().withItems(items), groupings, WeightSpec.design(), invalid);
    }

    private static String sequential(StreamingScores s, Path file) {
        try (CaseReader reader = SurveyFiles.open(file)) {
            return ResultTableWriters.csv(StreamedScores.estimateAll(s, reader).table());
        }
    }

    private static String parallel(StreamingScores s, Path file, long blockSize, int threads) {
        StreamedScores.csvBlockSize = blockSize;
        StreamedScores.csvThreads = threads;
        String out = ResultTableWriters.csv(StreamedScores.estimate(s, file, w -> { }).table());
        assertThat(StreamedScores.lastParallel).as("the parallel path was taken").isTrue();
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void manySmallBlocksEqualTheSequentialReaderToTheByte(long seed) throws IOException {
        Path file = hostile(seed, 400, seed % 2 == 0);
        StreamingScores s = scorer(List.of(PopulationSpec.by("B_COUNTRY_ALPHA"), PopulationSpec.by("LNGE_ISO"),
                PopulationSpec.global()), InvalidWeights.FAIL);
        String expected = sequential(s, file);
        assertThat(expected).contains("Côte d'Ivoire, \"\"CI\"\"").contains("New\nZealand");
        for (long block : new long[] {1, 7, 61, 256, 4096, 0}) {
            for (int threads : new int[] {1, 3}) {
                assertThat(parallel(s, file, block, threads)).as("block %d, %d threads", block, threads)
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LNGE_ISO,global,B_COUNTRY_ALPHA", "B_COUNTRY_ALPHA,LNGE_ISO", "global,LNGE_ISO"})
    void severalGroupingsEqualOneRunPerGrouping(String groupings) throws IOException {
        Path file = hostile(11, 300, false);
        StreamedScores.csvBlockSize = 97;
        List<PopulationSpec> specs = java.util.Arrays.stream(groupings.split(",")).map(PopulationSpec::parse).toList();
        GroupedScores all = StreamedScores.estimate(scorer(specs, InvalidWeights.FAIL), file, w -> { });
        assertThat(all.groupings()).containsExactly(groupings.split(","));
        for (Map.Entry<String, org.pluralstats.weight.ScoreTable> e : all.byGrouping().entrySet()) {
            GroupedScores one = StreamedScores.estimate(scorer(List.of(PopulationSpec.parse(e.getKey())),
                    InvalidWeights.FAIL), file, w -> { });
            assertThat(ResultTableWriters.csv(e.getValue().table())).isEqualTo(ResultTableWriters.csv(one.table()));
        }
        assertThat(ResultTableWriters.csv(all.table())).startsWith("grouping,population,item,vps,");
    }

    @Test
    void aMappedGroupingKeepsOnlyMappedValues() throws IOException {
        Path file = hostile(12, 200, false);
        PopulationSpec mapped = PopulationSpec.mapped("B_COUNTRY_ALPHA", Map.of("dnk", "Nordic", "USA", "Americas",
                "BRA", "Americas"));
        StreamingScores s = scorer(List.of(mapped), InvalidWeights.FAIL);
        String expected = sequential(s, file);
        assertThat(parallel(s, file, 53, 2)).isEqualTo(expected);
        assertThat(expected.lines().skip(1).map(l -> l.split(",")[0]).distinct()).containsExactlyInAnyOrder("Nordic",
                "Americas");
    }

    @Test
    void malformedFilesGiveTheSequentialReadersLocatedError() throws IOException {
        StreamingScores s = scorer(List.of(PopulationSpec.by("B_COUNTRY_ALPHA")), InvalidWeights.FAIL);
        String good = Files.readString(hostile(21, 300, false));
        String[] lines = good.split("\n", -1);
        List<String> broken = new ArrayList<>();
        broken.add(good.replace(lines[250], lines[250] + ",extra"));         // a long row far into the file
        broken.add(good.replace(lines[200], "DNK,da"));                     // a short row
        broken.add(good + "\n9999,DNK,da,1,1,2,3,4,\"5,unterminated\n");   // a quote left open at the end
        broken.add(good.replace(lines[240], lines[240].replaceFirst(",[0-9.]+,", ",0,")));   // a zero weight
        for (String text : broken) {
            Path p = Files.writeString(dir.resolve("broken.csv"), text);
            Throwable expected = catchThrowable(() -> sequential(s, p));
            StreamedScores.csvBlockSize = 101;
            StreamedScores.csvThreads = 2;
            if (expected == null) {
                assertThat(parallel(s, p, 101, 2)).isEqualTo(sequential(s, p));
            } else {
                assertThatThrownBy(() -> StreamedScores.estimate(s, p, w -> { })).isInstanceOf(expected.getClass())
                        .hasMessage(expected.getMessage());
                assertThat(StreamedScores.lastParallel).isFalse();
            }
        }
    }

    @Test
    void textLateInAnItemColumnIsHandledAsTheSequentialReaderHandlesIt() throws IOException {
        StreamingScores s = scorer(List.of(PopulationSpec.by("B_COUNTRY_ALPHA")), InvalidWeights.FAIL);
        StringBuilder sb = new StringBuilder("B_COUNTRY_ALPHA,W_WEIGHT,Q1,Q2,Q3,Q4,Q5\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(i % 2 == 0 ? "DNK" : "NLD").append(",1,").append(1 + i % 3).append(",1,2,1,").append(i == 2500 ? "oops" : "2")
                    .append('\n');
        }
        Path p = Files.writeString(dir.resolve("late.csv"), sb.toString());
        Throwable expected = catchThrowable(() -> sequential(s, p));
        if (expected == null) {
            assertThat(parallel(s, p, 4096, 2)).isEqualTo(sequential(s, p));
        } else {
            assertThatThrownBy(() -> parallel(s, p, 4096, 2)).isInstanceOf(expected.getClass())
                    .hasMessage(expected.getMessage());
        }
    }

    @Test
    void excludedWeightsAreCountedOncePerRespondentInBothPaths() throws IOException {
        Path file = Files.writeString(dir.resolve("w.csv"), "B_COUNTRY_ALPHA,W_WEIGHT,Q1,Q2\nDNK,1,1,2\nDNK,0,2,1\n"
                + "NLD,,1,1\nNLD,2,2,2\n,0,1,1\n");
        StreamingScores s = StreamingScores.of(Binarisation.of(List.of(ItemCoding.of("Q1", 1), ItemCoding.of("Q2", 1))),
                List.of(PopulationSpec.by("B_COUNTRY_ALPHA")), WeightSpec.design(), InvalidWeights.EXCLUDE);
        StreamedScores.csvBlockSize = 9;
        GroupedScores g = StreamedScores.estimate(s, file, w -> { });
        assertThat(StreamedScores.lastParallel).isTrue();
        assertThat(g.exclusionReasons()).containsExactly(Map.entry("zero weight", 1), Map.entry("missing weight", 1));
        assertThat(g.weightExpression()).isEqualTo("W_WEIGHT");
        assertThat(ResultTableWriters.csv(g.table())).isEqualTo(sequential(s, file));
    }

    @Test
    void mutatedFilesGiveTheSequentialResultOrItsError() throws IOException {
        // seeded byte mutations of a hostile file: stray quotes, line breaks, delimiters, digits, invalid
        // UTF-8, truncation; whatever the parallel path does must be what the sequential reader does
        byte[] good = Files.readAllBytes(hostile(31, 120, false));
        byte[] alphabet = {'"', '\n', '\r', ',', '-', '1', '9', '.', 'N', 'A', ' ', (byte) 0xC3, (byte) 0xFF, 0};
        StreamingScores s = scorer(List.of(PopulationSpec.by("B_COUNTRY_ALPHA"), PopulationSpec.global()),
                InvalidWeights.EXCLUDE);
        Random r = new Random(99);
        int parallel = 0;
        for (int round = 0; round < 150; round++) {
            byte[] b = good.clone();
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits; k++) {
                b[40 + r.nextInt(b.length - 40)] = alphabet[r.nextInt(alphabet.length)];
            }
            if (round % 10 == 0) {
                b = java.util.Arrays.copyOf(b, 60 + r.nextInt(b.length - 60));
            }
            Path p = Files.write(dir.resolve("mutated.csv"), b);
            Throwable expected = catchThrowable(() -> sequential(s, p));
            StreamedScores.csvBlockSize = 1 + r.nextInt(300);
            StreamedScores.csvThreads = 1 + r.nextInt(3);
            if (expected == null) {
                String got = ResultTableWriters.csv(StreamedScores.estimate(s, p, w -> { }).table());
                assertThat(got).as("round %d", round).isEqualTo(sequential(s, p));
                parallel += StreamedScores.lastParallel ? 1 : 0;
            } else {
                assertThatThrownBy(() -> StreamedScores.estimate(s, p, w -> { })).as("round %d", round)
                        .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
            }
        }
        assertThat(parallel).as("mutated files the parallel path took whole").isGreaterThan(10);
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
