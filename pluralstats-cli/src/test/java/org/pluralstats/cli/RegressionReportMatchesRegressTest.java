package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's regression section shows exactly what {@code pluralstats regress} prints for the same data and
 * options: its {@code tables/ID.csv} and {@code .json} (without the provenance member) are the command's
 * {@code --format csv} and {@code --format json} bytes — for WLS with HC3, cluster-robust OLS, and a mixed model,
 * given on the command line and in an analysis file.
 */
class RegressionReportMatchesRegressTest {
    private static final Path RES = RegressCommandTest.RES;
    private static final String FORMULA = "alignment ~ consistency + multilingual + C(language)";

    @Test
    void weightedHc3FromTheCommandLine(@TempDir Path dir) throws IOException {
        String data = RES.resolve("wls_synthetic.csv").toString();
        Path out = dir.resolve("r");
        CliRunner.Result r = CliRunner.run("report", "--regress-data", data, "--formula", FORMULA, "--weights", "w",
                "--cov", "HC3", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] regress = {"regress", "--data", data, "--formula", FORMULA, "--weights", "w", "--cov", "HC3"};
        same(out, "regression-coefficients", regress);
        same(out, "regression-fit", AlignTablesMatchReportTest.concat(regress, "--table", "fit"));
        same(out, "regression-diagnostics", AlignTablesMatchReportTest.concat(regress, "--table", "diagnostics"));
        assertThat(Files.readString(out.resolve("tables/regression-coefficients.csv"))).startsWith("term,estimate,se,z,p,");
        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("regression-coefficient-plot", "regression-residuals-fitted",
                "Weighted residuals √w × (y − x′β)", "HC3 heteroskedasticity-robust covariance");
        assertThat(r.out()).contains("WLS (weights w): " + FORMULA + ", 748 rows, 6 coefficients.");
    }

    @Test
    void clusterOlsAndMixedModelFromAnAnalysisFile(@TempDir Path dir) throws IOException {
        Path data = RES.resolve("mixed_synthetic.csv").toAbsolutePath();
        Path file = dir.resolve("analysis.json");
        Files.writeString(file, "{\"format\": \"pluralstats-analysis\", \"regression\": ["
                + "{\"data\": \"" + data.toString().replace("\\", "\\\\") + "\", \"formula\": \"" + FORMULA
                + "\", \"cov\": \"cluster\", \"cluster\": \"model_name\"},"
                + "{\"data\": \"" + data.toString().replace("\\", "\\\\") + "\", \"formula\": \"alignment ~ consistency\","
                + " \"groups\": \"model_name\", \"reml\": false}]}");
        Path out = dir.resolve("r");
        CliRunner.Result r = CliRunner.run("report", "--analysis", file.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] ols = {"regress", "--data", data.toString(), "--formula", FORMULA, "--cov", "cluster", "--cluster",
            "model_name"};
        same(out, "regression-coefficients", ols);
        same(out, "regression-fit", AlignTablesMatchReportTest.concat(ols, "--table", "fit"));
        same(out, "regression-diagnostics", AlignTablesMatchReportTest.concat(ols, "--table", "diagnostics"));
        String[] mixed = {"regress", "--data", data.toString(), "--formula", "alignment ~ consistency", "--groups",
            "model_name", "--ml"};
        same(out, "regression-2-coefficients", mixed);
        same(out, "regression-2-fit", AlignTablesMatchReportTest.concat(mixed, "--table", "fit"));
        same(out, "regression-2-variance-components", AlignTablesMatchReportTest.concat(mixed, "--table",
                "variance-components"));
        same(out, "regression-2-random-effects", AlignTablesMatchReportTest.concat(mixed, "--table", "random-effects"));
        assertThat(Files.readString(out.resolve("index.html"))).contains("regression-2-random-effects-plot",
                "Random intercepts per model_name: conditional modes");
        assertThat(out.resolve("tables/regression-2-diagnostics.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("tables/regression-2-fit.json"))).contains("\"method\" : \"ML\"");
    }

    @Test
    void theDefaultReportFitsEq3AsRegressDoes() throws IOException {
        // the analysis file's first regression, fitted by regress on the same committed CSV
        String data = "data-samples/regression/eq3-10-rounds.csv";
        String eq3 = "alignment ~ 0 + consistency:language + multilingual:family:language";
        org.pluralstats.run.Analysis a = org.pluralstats.run.Analysis.read(Path.of("data-samples/analysis.json"));
        assertThat(a.regressions()).hasSize(2);
        assertThat(a.regressions().get(0).formula()).isEqualTo(eq3);
        org.pluralstats.run.RegressionRun fit = org.pluralstats.run.RegressionRun.fit(a.regressions().get(0));
        String[] run = {"regress", "--data", data, "--formula", eq3, "--groups", "model_name"};
        assertThat(CliRunner.run(run).out()).isEqualTo(org.pluralstats.report.ResultTableWriters.json(fit.coefficientTable()));
        assertThat(CliRunner.run(AlignTablesMatchReportTest.concat(run, "--table", "fit", "--format", "csv")).out())
                .isEqualTo(org.pluralstats.report.html.ReportTable.of("x", fit.fitTable(), false).csv());
        assertThat(fit.nobs()).isEqualTo(360);
    }

    @Test
    void optionsAreCheckedAsRegressChecksThem() {
        String data = RES.resolve("mixed_synthetic.csv").toString();
        for (List<String> bad : List.of(
                List.of("--regress-data", data),
                List.of("--formula", "y ~ x"),
                List.of("--regress-data", data, "--formula", FORMULA, "--cov", "HC9"),
                List.of("--regress-data", data, "--formula", FORMULA, "--cov", "cluster"),
                List.of("--regress-data", data, "--formula", FORMULA, "--groups", "model_name", "--cov", "HC1"),
                List.of("--regress-data", data, "--formula", FORMULA, "--ml"),
                List.of("--regress-data", data, "--formula", "alignment ~ ~"))) {
            List<String> args = new java.util.ArrayList<>(List.of("report"));
            args.addAll(bad);
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(bad.toString()).isEqualTo(2);
            assertThat(r.err()).as(bad.toString()).doesNotContain("Exception", "\tat ");
        }
    }

    private static void same(Path report, String id, String... args) throws IOException {
        for (String format : List.of("csv", "json")) {
            CliRunner.Result r = CliRunner.run(AlignTablesMatchReportTest.concat(args, "--format", format));
            assertThat(r.exitCode()).as(r.err()).isZero();
            String written = Files.readString(report.resolve("tables/" + id + "." + format));
            assertThat(r.out()).as(id + "." + format)
                    .isEqualTo(format.equals("json") ? ReportJson.withoutProvenance(written) : written);
        }
    }
}
