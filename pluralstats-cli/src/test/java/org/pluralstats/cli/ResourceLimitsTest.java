package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.PluralstatsException;
import org.pluralstats.align.Alignment;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Resources are bounded by the input, not by a number in it (issue 10, item 9): each case either works
 * within memory proportional to what the input holds or stops at once with a one-line limit message.
 */
class ResourceLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aBootstrapCountBeyondTheLimitIsRefusedBeforeAnythingIsRead() {
        // The input files do not exist: the limit is checked first, so it is the message.
        String[] align = WeightCommandsTest.run(2, "align", "--model", "missing.jsonl", "--population", "missing.csv",
                "--bootstrap", "2147483647");
        assertThat(align[1]).contains("--bootstrap must be from 0 to 1000000").contains("2147483647")
                .doesNotContain("OutOfMemoryError");
        String[] similarity = WeightCommandsTest.run(2, "similarity", "--human", "missing.csv", "--model", "missing.json",
                "--bootstrap", "1000001");
        assertThat(similarity[1]).contains("--bootstrap must be from 0 to 1000000");
        String[] report = WeightCommandsTest.run(2, "report", "--model", "missing.jsonl", "--bootstrap", "2147483647");
        assertThat(report[1]).contains("--bootstrap must be from 0 to 1000000");
    }

    @Test
    void theLibraryRefusesTheSameCounts() {
        assertThatThrownBy(() -> Alignment.withDefaults().withResamples(Integer.MAX_VALUE))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("from 0 to 1000000");
        assertThatThrownBy(() -> DistributionSimilarity.withDefaults().withResamples(-1))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("not -1");
        assertThatThrownBy(() -> PercentileBootstrap.withDefaults().withResamples(PercentileBootstrap.MAX_RESAMPLES + 1))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("from 1 to 1000000");
        assertThat(PercentileBootstrap.withDefaults().withResamples(PercentileBootstrap.MAX_RESAMPLES).resamples())
                .isEqualTo(1_000_000);
    }

    @Test
    void aScaleIsAtMostMaxPointsAndLabelsSpreadWiderLeaveAnItemNumeric() {
        assertThatThrownBy(() -> org.pluralstats.data.Scale.of(0, Integer.MAX_VALUE))
                .hasMessageContaining("more than 10001 points");
        assertThatThrownBy(() -> org.pluralstats.data.Scale.of(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .hasMessageContaining("more than 10001 points");
        assertThat(org.pluralstats.data.Scale.of(0, 10_000).points()).isEqualTo(org.pluralstats.data.Scale.MAX_POINTS);
        org.pluralstats.io.Variable wide = new org.pluralstats.io.Variable(0, "v", "", org.pluralstats.io.VariableType.NUMERIC,
                8, java.util.Map.of(1.0, "low", 2147483647.0, "high"), java.util.Map.of(), null);
        assertThat(org.pluralstats.io.SurveyFiles.itemOf(wide).kind()).isEqualTo(org.pluralstats.data.ItemKind.NUMERIC);
        assertThat(org.pluralstats.io.SurveyFiles.itemOf(wide).valueLabels()).hasSize(2);
        org.pluralstats.io.Variable narrow = new org.pluralstats.io.Variable(0, "v", "", org.pluralstats.io.VariableType.NUMERIC,
                8, java.util.Map.of(1.0, "low", 10.0, "high"), java.util.Map.of(), null);
        assertThat(org.pluralstats.io.SurveyFiles.itemOf(narrow).scale()).contains(
                org.pluralstats.data.Scale.of(1, 10).withLabels(java.util.Map.of(1, "low", 10, "high")));
    }

    @Test
    void aFormsExportLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(GoogleFormsReader.MAX_EXPORT_BYTES + 1); // sparse: no disk space, nothing to read
        }
        assertThatThrownBy(() -> GoogleFormsReader.read("g", big, FormsReadOptions.defaults()))
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("a Google Forms export larger than the limit of 256 MiB")
                .hasMessageContaining((GoogleFormsReader.MAX_EXPORT_BYTES + 1) + " bytes");
        String[] cli = WeightCommandsTest.run(1, "forms", "--group", "g=" + big);
        assertThat(cli[1]).contains("larger than the limit").doesNotContain("OutOfMemoryError");
    }

    @Test
    void aFormsExportWithMoreColumnsThanGoogleSheetsAllowsIsRefused() throws IOException {
        StringBuilder b = new StringBuilder("Timestamp");
        for (int i = 1; i <= GoogleFormsReader.MAX_COLUMNS; i++) {
            b.append(",Q").append(i);
        }
        Path wide = Files.writeString(dir.resolve("wide.csv"), b + "\n2025/05/14 1:07:13 PM GMT+2" + ",1".repeat(
                GoogleFormsReader.MAX_COLUMNS) + "\n");
        assertThatThrownBy(() -> GoogleFormsReader.read("g", wide, FormsReadOptions.defaults()))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("line 1")
                .hasMessageContaining("found \"18279 columns\"").hasMessageContaining("at most 18278 columns");
    }

    @Test
    void vpsScoresInOnePassWhatEverTheHeapWithOrWithoutMap() throws IOException {
        // vps never holds the rows (one pass, StreamedScores): --stream is kept for old scripts and changes
        // nothing, and --map, which once needed the rows in memory, is scored in the same pass
        String sample = "data-samples/wvs-sample/wvs7-sample.sav";
        String items = "data-samples/wvs-sample/items.json";
        String[] plain = WeightCommandsTest.run(0, "vps", "--data", sample, "--items", items, "--by", "B_COUNTRY_ALPHA",
                "--format", "csv");
        String[] streamed = WeightCommandsTest.run(0, "vps", "--data", sample, "--items", items, "--by",
                "B_COUNTRY_ALPHA", "--format", "csv", "--stream");
        assertThat(streamed[0]).isEqualTo(plain[0]);
        Path map = Files.writeString(dir.resolve("map.csv"), "value,population\nDNK,Nordic\nNLD,West\n");
        String[] mapped = WeightCommandsTest.run(0, "vps", "--data", sample, "--items", items, "--by",
                "B_COUNTRY_ALPHA", "--map", map.toString(), "--format", "csv");
        assertThat(mapped[0].lines().map(l -> l.split(",")[0]).distinct())
                .containsExactly("population", "Nordic", "West");
        assertThat(mapped[0]).contains("\nNordic,").doesNotContain("DNK").doesNotContain("BRA");
    }
}
