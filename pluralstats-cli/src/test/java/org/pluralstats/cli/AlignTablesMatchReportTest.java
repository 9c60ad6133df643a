package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.regress.MixedModel;
import org.pluralstats.regress.MixedModelResult;
import org.pluralstats.io.csv.RegressionDataFiles;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.report.html.ReportTable;

/**
 * The CLI's {@code align}, {@code similarity} and {@code regress} tables and the report's tables of the
 * same results are written by the same generic writers from the same {@code ResultTable}, so they are
 * byte-identical.
 */
class AlignTablesMatchReportTest {
    private static final String M = "data-samples/model-outputs/";
    private static final String COUNTRIES = "data-samples/multicultural-alignment/country_languages.csv";

    @Test
    void alignBiasAndSimilarityEqualTheReportTables(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        CliRunner.Result r = CliRunner.run("report", "--model", M + "outputs.jsonl", "--population", M + "populations.csv",
                "--countries", COUNTRIES, "--align-with", "da", "--align-with", "en", "--align-with", "DK", "--align-with", "GB",
                "--align-with", "US", "--bootstrap", "100", "--seed", "7", "--human", M + "human-distributions.csv",
                "--answers", M + "model-distributions.json", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] align = {"align", "--model", M + "outputs.jsonl", "--population", M + "populations.csv", "--bootstrap", "100",
            "--seed", "7"};
        same(out, "alignment-rows", align);
        same(out, "alignment-self-consistency", concat(align, "--table", "consistency"));
        // the report draws as many permutations as resamples
        same(out, "alignment-language-consistency", concat(align, "--table", "language-consistency", "--permutations", "100"));
        same(out, "alignment-language-difference", concat(align, "--table", "language-difference", "--permutations", "100"));
        same(out, "us-bias-rows", concat(align, "--table", "us-bias", "--countries", COUNTRIES));
        String[] similarity = {"similarity", "--human", M + "human-distributions.csv", "--model", M + "model-distributions.json",
            "--bootstrap", "100", "--seed", "7"};
        same(out, "similarity-summary", similarity);
        same(out, "similarity-summary-jsd", concat(similarity, "--metric", "jsd"));
        same(out, "similarity-questions", concat(similarity, "--per-question"));
        assertThat(Files.readString(out.resolve("tables/alignment-rows.csv")))
                .startsWith("model,language,population,n,rho,p,ciLow,ciHigh,level,family,items,");
        assertThat(Files.readString(out.resolve("tables/alignment-rows.json"))).contains("\"seed\" : \"7\"",
                "\"bootstrap resamples\" : \"100\"", "\"confidence level\" : \"0.95\"");
    }

    @Test
    void regressTablesAreTheFitsTables() throws IOException {
        Path data = RegressCommandTest.RES.resolve("boundary_synthetic.csv");
        MixedModelResult fit = MixedModel.withDefaults().fit("y ~ x", RegressionDataFiles.read(data, List.of("y", "x", "g")), "g");
        String[] run = {"regress", "--data", data.toString(), "--formula", "y ~ x", "--groups", "g"};
        assertThat(CliRunner.run(run).out()).isEqualTo(ResultTableWriters.json(fit.table()));
        assertThat(CliRunner.run(concat(run, "--table", "fit", "--format", "csv")).out())
                .isEqualTo(ReportTable.of("fit", fit.fitTable(), false).csv());
        assertThat(CliRunner.run(concat(run, "--table", "random-effects", "--format", "md")).out())
                .isEqualTo(ResultTableWriters.markdown(fit.randomEffectsTable()));
        assertThat(fit.toString()).isEqualTo(fit.table().toString()).startsWith("Mixed linear model (REML): y ~ x");
    }

    /** The CLI's CSV and JSON of {@code args} are the report's {@code tables/ID.csv} and {@code .json}. */
    private static void same(Path report, String id, String... args) throws IOException {
        for (String format : List.of("csv", "json")) {
            CliRunner.Result r = CliRunner.run(concat(args, "--format", format));
            assertThat(r.exitCode()).as(r.err()).isZero();
            String written = Files.readString(report.resolve("tables/" + id + "." + format));
            assertThat(r.out()).as(id + "." + format).isEqualTo(format.equals("json") ? ReportJson.withoutProvenance(written) : written);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
