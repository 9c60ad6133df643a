package org.pluralstats.cli;

import org.pluralstats.io.sidefile.ItemCodingFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.report.ScoreSections;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.stats.Correlation;
import org.pluralstats.weight.HumanSelfConsistency;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ScoreCorrelations;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.SelfConsistencies;
import org.pluralstats.weight.ValuePolarityScores;
import org.pluralstats.weight.WeightSpec;

/**
 * The CLI's {@code vps} and {@code correlate} tables and the report's tables of the same scores are
 * written by the same generic writers, so they are byte-identical.
 */
class WeightTablesMatchReportTest {

    @Test
    void vpsAndCorrelateEqualTheReportTables(@TempDir Path dir) throws IOException {
        PolarityDesign design = PolarityDesign.builder(SurveyFiles.read(Path.of(WeightCommandsTest.DATA)))
                .binarisation(ItemCodingFiles.read(Path.of(WeightCommandsTest.ITEMS)).binarisation())
                .populations(PopulationSpec.by("B_COUNTRY_ALPHA")).weight(WeightSpec.parse("W_WEIGHT")).build();
        ScoreTable scores = ValuePolarityScores.withDefaults().estimate(design);
        ReportSection section = ScoreSections.of("scores", "Scores", design, scores, Map.of(), List.of(), List.of());
        ReportTable vps = table(section, "scores-vps");
        ReportTable correlations = table(section, "scores-correlations");

        String[] args = {"vps", "--data", WeightCommandsTest.DATA, "--items", WeightCommandsTest.ITEMS,
                "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT"};
        String csv = WeightCommandsTest.run(0, concat(args, "--format", "csv"))[0];
        String json = WeightCommandsTest.run(0, concat(args, "--format", "json"))[0];
        assertThat(csv).isEqualTo(vps.csv()).startsWith("population,item,vps,n,weightSum,se,nEff,ciLow,ciHigh,excluded\n");
        assertThat(json).isEqualTo(vps.json());
        assertThat(scores.toString()).isEqualTo(scores.table().toString()).startsWith("Value polarity scores");

        Path file = dir.resolve("vps.json");
        Files.writeString(file, json);
        assertThat(WeightCommandsTest.run(0, "correlate", "--vps", file.toString(), "--format", "csv")[0])
                .isEqualTo(correlations.csv()).startsWith("a,b,method,items,r\n");
        assertThat(WeightCommandsTest.run(0, "correlate", "--vps", file.toString(), "--format", "json")[0])
                .isEqualTo(correlations.json());
        assertThat(ScoreCorrelations.of(scores, Correlation.Method.PEARSON).toString())
                .startsWith("Correlations between populations' value polarity scores, over shared items (36 rows × 5 columns)\n"
                        + "method: pearson\n");
    }

    @Test
    void consistencyPrintsItsResultsTable() {
        PolarityDesign design = PolarityDesign.builder(SurveyFiles.read(Path.of(WeightCommandsTest.DATA)))
                .binarisation(ItemCodingFiles.read(Path.of(WeightCommandsTest.ITEMS)).binarisation())
                .populations(PopulationSpec.by("B_COUNTRY_ALPHA")).weight(WeightSpec.parse("W_WEIGHT")).build();
        SelfConsistencies values = HumanSelfConsistency.withDefaults().withSeed(3).estimate(design);
        assertThat(WeightCommandsTest.run(0, "consistency", "--data", WeightCommandsTest.DATA, "--items",
                WeightCommandsTest.ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT", "--seed", "3", "--format", "md")[0])
                .isEqualTo(ResultTableWriters.markdown(values.table()));
        assertThat(values.toString()).contains("seed: 3\n").contains("population  selfConsistency  items  draws  sampleSize\n");
    }

    private static ReportTable table(ReportSection section, String id) {
        return section.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
