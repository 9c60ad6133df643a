package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of {@code pluralstats regress}, checked against the statsmodels and lme4 fixtures of
 * {@code tools/regress_reference.py} / {@code tools/regress_reference.R}.
 */
class RegressCommandTest {
    static final Path RES = Path.of("pluralstats-core/src/test/resources/org/pluralstats/regress");
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode referenceCase(String fixture, String name) throws IOException {
        try (InputStream in = RegressCommandTest.class.getResourceAsStream("/org/pluralstats/regress/" + fixture)) {
            for (JsonNode c : M.readTree(in).get("cases")) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no case " + name + " in " + fixture);
    }

    static void close(double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(tolerance * Math.max(1.0, Math.abs(expected)));
    }

    /** Runs {@code regress} with {@code args}, checks it succeeded, and returns the JSON table it printed. */
    static JsonNode table(String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN");
        return M.readTree(r.out());
    }

    static String[] with(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void olsJsonEqualsStatsmodelsOnThePaperShape() throws IOException {
        String[] run = {"regress", "--data", RES.resolve("us_bias_synthetic.csv").toString(),
            "--formula", "metric_value ~ us*model_name:language"};
        JsonNode coefficients = table(run);
        JsonNode fitTable = table(with(run, "--table", "fit"));
        JsonNode out = fitTable.get("rows").get(0);
        JsonNode ref = referenceCase("ols_statsmodels.json", "eq4_synthetic");
        assertThat(coefficients.get("metadata").get("method").asText()).isEqualTo("OLS");
        assertThat(fitTable.get("metadata").get("model").asText()).isEqualTo("OLS");
        assertThat(out.get("nobs").asInt()).isEqualTo(ref.get("nobs").asInt());
        for (String[] k : new String[][] {{"rsquared", "rsquared"}, {"rsquaredAdj", "rsquared_adj"},
            {"llf", "llf"}, {"aic", "aic"}, {"bic", "bic"}, {"fvalue", "fvalue"}}) {
            close(out.get(k[0]).asDouble(), ref.get(k[1]).asDouble(), 1e-8);
        }
        JsonNode coefs = coefficients.get("rows");
        assertThat(coefs.size()).isEqualTo(ref.get("names").size()).isEqualTo(80);
        for (int j = 0; j < coefs.size(); j++) {
            JsonNode c = coefs.get(j);
            assertThat(c.get("term").asText()).isEqualTo(ref.get("names").get(j).asText());
            close(c.get("estimate").asDouble(), ref.get("params").get(j).asDouble(), 1e-8);
            close(c.get("se").asDouble(), ref.get("bse").get(j).asDouble(), 1e-8);
            close(c.get("t").asDouble(), ref.get("tvalues").get(j).asDouble(), 1e-8);
            close(c.get("p").asDouble(), ref.get("pvalues").get(j).asDouble(), 1e-8);
            close(c.get("ci_lower").asDouble(), ref.get("ci_low").get(j).asDouble(), 1e-8);
            close(c.get("ci_upper").asDouble(), ref.get("ci_high").get(j).asDouble(), 1e-8);
        }
        JsonNode fitted = table(with(run, "--table", "fitted")).get("rows");
        assertThat(fitted.size()).isEqualTo(ref.get("fitted").size());
        close(fitted.get(7).get("fitted").asDouble(), ref.get("fitted").get(7).asDouble(), 1e-8);
    }

    static void coefficientsEqual(JsonNode coefs, JsonNode ref, String statistic, double tolerance) {
        assertThat(coefs.size()).isEqualTo(ref.get("names").size());
        for (int j = 0; j < coefs.size(); j++) {
            JsonNode c = coefs.get(j);
            assertThat(c.get("term").asText()).isEqualTo(ref.get("names").get(j).asText());
            close(c.get("estimate").asDouble(), ref.get("params").get(j).asDouble(), tolerance);
            close(c.get("se").asDouble(), ref.get("bse").get(j).asDouble(), tolerance);
            close(c.get(statistic).asDouble(), ref.get("tvalues").get(j).asDouble(), tolerance);
            close(c.get("p").asDouble(), ref.get("pvalues").get(j).asDouble(), tolerance);
            close(c.get("ci_lower").asDouble(), ref.get("ci_low").get(j).asDouble(), tolerance);
            close(c.get("ci_upper").asDouble(), ref.get("ci_high").get(j).asDouble(), tolerance);
        }
    }

    @Test
    void robustWeightedDiagnosticsAndResidualsEqualStatsmodels() throws IOException {
        String mixed = RES.resolve("mixed_synthetic.csv").toString();
        String formula = "alignment ~ consistency*language + multilingual";
        for (String cov : new String[] {"HC0", "HC1", "HC2", "HC3", "cluster"}) {
            String[] run = {"regress", "--data", mixed, "--formula", formula, "--cov", cov};
            JsonNode coefficients = table(cov.equals("cluster") ? with(run, "--cluster", "model_name") : run);
            assertThat(coefficients.get("metadata").get("covariance").asText()).isEqualTo(cov);
            assertThat(coefficients.get("rows").get(0).has("df")).isFalse();
            coefficientsEqual(coefficients.get("rows"), referenceCase("ols_robust_statsmodels.json",
                    "numeric_by_categorical_" + cov), "z", 1e-10);
        }

        JsonNode wlsRef = referenceCase("ols_wls_statsmodels.json", "wls_numeric");
        String[] wls = {"regress", "--data", RES.resolve("wls_synthetic.csv").toString(), "--formula", formula,
            "--weights", "w"};
        JsonNode wlsCoefficients = table(wls);
        assertThat(wlsCoefficients.get("metadata").get("method").asText()).isEqualTo("WLS");
        coefficientsEqual(wlsCoefficients.get("rows"), wlsRef, "t", 1e-10);
        JsonNode wlsFit = table(with(wls, "--table", "fit")).get("rows").get(0);
        close(wlsFit.get("rsquared").asDouble(), wlsRef.get("rsquared").asDouble(), 1e-10);
        close(wlsFit.get("fvalue").asDouble(), wlsRef.get("fvalue").asDouble(), 1e-10);

        String[] ols = {"regress", "--data", mixed, "--formula", formula};
        JsonNode diagRef = referenceCase("ols_diagnostics_statsmodels.json", "numeric_by_categorical");
        JsonNode diag = table(with(ols, "--table", "diagnostics")).get("rows").get(0);
        for (String[] k : new String[][] {{"omnibus", "omnibus"}, {"omnibusP", "omnibus_p"},
            {"durbinWatson", "durbin_watson"}, {"jarqueBera", "jarque_bera"}, {"jarqueBeraP", "jarque_bera_p"},
            {"skew", "skew"}, {"kurtosis", "kurtosis"}, {"conditionNumber", "condition_number"}}) {
            close(diag.get(k[0]).asDouble(), diagRef.get(k[1]).asDouble(), 1e-10);
        }
        JsonNode residuals = table(with(ols, "--table", "residuals")).get("rows");
        assertThat(residuals.size()).isEqualTo(diagRef.get("resid").size());
        for (int i = 0; i < residuals.size(); i++) {
            assertThat(residuals.get(i).get("row").asInt()).isEqualTo(i + 1);
            close(residuals.get(i).get("fitted").asDouble(), diagRef.get("fitted").get(i).asDouble(), 1e-10);
            close(residuals.get(i).get("residual").asDouble(), diagRef.get("resid").get(i).asDouble(), 1e-10);
        }

        CliRunner.Result noCluster = CliRunner.run(with(ols, "--cov", "cluster"));
        assertThat(noCluster.exitCode()).isEqualTo(2);
        assertThat(noCluster.err()).contains("--cov cluster needs --cluster COLUMN");
        CliRunner.Result unknown = CliRunner.run(with(ols, "--cov", "HC4"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown --cov HC4");
        CliRunner.Result mixedRobust = CliRunner.run(with(ols, "--groups", "model_name", "--cov", "HC1"));
        assertThat(mixedRobust.exitCode()).isEqualTo(2);
        assertThat(mixedRobust.err()).contains("apply to OLS, not to mixed models");
    }

    @Test
    void mixedJsonEqualsLme4() throws IOException {
        for (String[] crit : new String[][] {{"--reml", "eq3_synthetic_reml"}, {"--ml", "eq3_synthetic_ml"}}) {
            String[] run = {"regress", "--data", RES.resolve("mixed_synthetic.csv").toString(),
                "--formula", "alignment ~ 0 + consistency:language + multilingual:family:language",
                "--groups", "model_name", crit[0]};
            JsonNode fitTable = table(with(run, "--table", "fit"));
            JsonNode out = fitTable.get("rows").get(0);
            JsonNode ref = referenceCase("mixed_lme4.json", crit[1]);
            assertThat(fitTable.get("metadata").get("model").asText()).startsWith("MixedLM");
            assertThat(fitTable.get("metadata").get("method").asText()).isEqualTo(crit[0].substring(2).toUpperCase());
            assertThat(out.get("groups").asInt()).isEqualTo(20);
            close(out.get("groupVar").asDouble(), ref.get("group_var").asDouble(), 0.002);
            close(out.get("scale").asDouble(), ref.get("sigma2").asDouble(), 0.002);
            close(out.get("llf").asDouble(), ref.get("llf").asDouble(), 1e-6);
            JsonNode coefs = table(run).get("rows");
            assertThat(coefs.size()).isEqualTo(28);
            for (int j = 0; j < coefs.size(); j++) {
                assertThat(coefs.get(j).get("term").asText()).isEqualTo(ref.get("names").get(j).asText());
                close(coefs.get(j).get("estimate").asDouble(), ref.get("fixef").get(j).asDouble(), 1e-5);
                close(coefs.get(j).get("se").asDouble(), ref.get("se").get(j).asDouble(), 1e-5);
            }
            assertThat(table(with(run, "--table", "random-effects")).get("rows").size()).isEqualTo(20);
            assertThat(table(with(run, "--table", "fitted")).get("rows").size()).isEqualTo(out.get("nobs").asInt());
        }
    }

    @Test
    void randomEffectsAndVarianceComponentsEqualLme4AndStatsmodels() throws IOException {
        String[][] cases = {{"near_boundary_synthetic.csv", "y ~ x", "g", "--reml", "near_boundary_reml"},
            {"mixed_synthetic.csv", "alignment ~ consistency + language", "model_name", "--ml", "unbalanced_ml"}};
        for (String[] c : cases) {
            String[] run = {"regress", "--data", RES.resolve(c[0]).toString(), "--formula", c[1], "--groups", c[2], c[3]};
            JsonNode lme4 = referenceCase("mixed_ranef_lme4.json", c[4]);
            JsonNode sm = referenceCase("mixed_vc_statsmodels.json", c[4]);
            JsonNode re = table(with(run, "--table", "random-effects"));
            assertThat(re.get("metadata").get("confidence level").asText()).isEqualTo("0.95");
            assertThat(re.get("rows").size()).isEqualTo(lme4.get("cond_var").size());
            for (JsonNode row : re.get("rows")) {
                String g = row.get("group").asText();
                double v = lme4.get("cond_var").get(g).asDouble();
                // the fitted θ agrees with lme4's to ~5e-7 relative (a flat criterion), condVar likewise
                close(row.get("condVar").asDouble(), v, 2e-6);
                close(row.get("condSd").asDouble(), Math.sqrt(v), 2e-6);
                close(row.get("effect").asDouble(), lme4.get("ranef").get(g).asDouble(), 2e-6);
                close(row.get("pi_upper").asDouble() - row.get("pi_lower").asDouble(), 2 * 1.959963984540054 * Math.sqrt(v),
                        2e-6);
                assertThat(row.get("n").asInt()).isGreaterThan(1);
            }
            JsonNode vc = table(with(run, "--table", "variance-components"));
            JsonNode group = vc.get("rows").get(0);
            JsonNode residual = vc.get("rows").get(1);
            assertThat(group.get("component").asText()).isEqualTo(c[2] + " (Intercept)");
            assertThat(residual.get("component").asText()).isEqualTo("Residual");
            close(group.get("variance").asDouble(), lme4.get("group_var").asDouble(), 2e-6);
            close(residual.get("sd").asDouble(), lme4.get("sigma").asDouble(), 1e-8);
            close(group.get("se").asDouble(), sm.get("exact_scale").asDouble() * sm.get("exact_se_psi").asDouble(), 2e-6);
            assertThat(residual.get("se").isNull()).isTrue();
            JsonNode exact = lme4.get("profile_exact");
            close(group.get("sd_profile_lower").asDouble(), exact.get("sig01").get(0).asDouble(), 1e-9);
            close(group.get("sd_profile_upper").asDouble(), exact.get("sig01").get(1).asDouble(), 1e-9);
            close(residual.get("sd_profile_lower").asDouble(), exact.get("sigma").get(0).asDouble(), 1e-9);
            close(residual.get("sd_profile_upper").asDouble(), exact.get("sigma").get(1).asDouble(), 1e-9);
        }
        assertThat(table("regress", "--data", RES.resolve("near_boundary_synthetic.csv").toString(), "--formula", "y ~ x",
                "--groups", "g", "--table", "variance-components").get("rows").get(0).get("sd_profile_lower").asDouble())
                .isZero();
    }

    @Test
    void everyTableIsPrintedByTheGenericWriters(@TempDir Path tmp) throws IOException {
        Path md = tmp.resolve("ols.md");
        String data = RES.resolve("us_bias_synthetic.csv").toString();
        CliRunner.Result r = CliRunner.run("regress", "--data", data, "--formula", "metric_value ~ us + language",
                "--format", "md", "--out", md.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        org.pluralstats.regress.OlsResult ols = org.pluralstats.regress.Ols.fit("metric_value ~ us + language",
                org.pluralstats.io.csv.RegressionDataFiles.read(RES.resolve("us_bias_synthetic.csv"),
                        List.of("metric_value", "us", "language")));
        assertThat(Files.readString(md)).isEqualTo(org.pluralstats.report.ResultTableWriters.markdown(ols.table()))
                .contains("| term | estimate | se | t | df | p | ci_lower | ci_upper |", "| us[T.True] | ");
        assertThat(CliRunner.run("regress", "--data", data, "--formula", "metric_value ~ us + language", "--table", "fit",
                "--format", "csv").out()).isEqualTo(org.pluralstats.report.ResultTableWriters.csv(ols.fitTable()))
                .startsWith("nobs,droppedRows,dfModel,dfResid,rsquared,rsquaredAdj,fvalue,fPvalue,llf,aic,bic,scale\n");
        CliRunner.Result m = CliRunner.run("regress", "--data", RES.resolve("boundary_synthetic.csv").toString(),
                "--formula", "y ~ x", "--groups", "g", "--table", "fit", "--format", "md");
        assertThat(m.exitCode()).as(m.err()).isZero();
        assertThat(m.out()).contains("| nobs | droppedRows | groups |", "| 0.0000 |", "| true |");
        assertThat(CliRunner.run("regress", "--data", data, "--formula", "metric_value ~ us", "--table", "random-effects")
                .err()).contains("random-effects needs --groups");
        assertThat(CliRunner.run("regress", "--data", data, "--formula", "metric_value ~ us", "--table",
                "variance-components").err()).contains("variance-components needs --groups");
    }

    @Test
    void undefinedNumbersAreNullNotNaN() throws IOException {
        JsonNode fit = table("regress", "--data", RES.resolve("us_bias_synthetic.csv").toString(),
                "--formula", "metric_value ~ 1", "--table", "fit");
        assertThat(fit.get("rows").get(0).get("fvalue").isNull()).isTrue();
        assertThat(fit.get("rows").get(0).get("fPvalue").isNull()).isTrue();
    }

    @Test
    void badInputGivesOneLineErrors(@TempDir Path tmp) throws IOException {
        String data = RES.resolve("mixed_synthetic.csv").toString();
        CliRunner.Result unknown = CliRunner.run("regress", "--data", data, "--formula", "alignment ~ Language");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no column 'Language'", "did you mean 'language'?");

        CliRunner.Result singular = CliRunner.run("regress", "--data", data, "--formula",
                "alignment ~ family + model_name");
        assertThat(singular.exitCode()).isEqualTo(1);
        assertThat(singular.err()).contains("singular design matrix", "(term model_name) is a linear combination of");

        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "y,x,g,k\n1,1.5,a,u\n2,2.5,a,u\n3,oops,b,u\n4,4,b,u\n5,5,c,u\n");
        CliRunner.Result text = CliRunner.run("regress", "--data", csv.toString(), "--formula", "y ~ x");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.err()).contains("column 'x' mixes numbers and text", "line 4 of " + csv, "'oops'");

        CliRunner.Result one = CliRunner.run("regress", "--data", csv.toString(), "--formula", "y ~ k");
        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.err()).contains("categorical k has only one level ('u')");

        CliRunner.Result lonely = CliRunner.run("regress", "--data", csv.toString(), "--formula", "y ~ 1",
                "--groups", "g");
        assertThat(lonely.exitCode()).isEqualTo(1);
        assertThat(lonely.err()).contains("group 'c' of 'g' has only one observation (line 6 of " + csv);

        CliRunner.Result syntax = CliRunner.run("regress", "--data", data, "--formula", "alignment ~ (a + b");
        assertThat(syntax.exitCode()).isEqualTo(1);
        assertThat(syntax.err()).contains("expected ')'");

        CliRunner.Result ml = CliRunner.run("regress", "--data", data, "--formula", "alignment ~ consistency", "--ml");
        assertThat(ml.exitCode()).isEqualTo(2);
        assertThat(ml.err()).contains("--ml applies to mixed models: add --groups COLUMN").doesNotContain("Exception");
        assertThat(CliRunner.run("regress", "--data", data, "--formula", "alignment ~ consistency", "--reml").err())
                .contains("--reml applies to mixed models");
        assertThat(CliRunner.run("regress", "--data", data, "--formula", "alignment ~ consistency", "--format", "xml")
                .exitCode()).isEqualTo(2);
    }
}
