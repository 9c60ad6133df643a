package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of {@code pluralstats regress}, checked against the statsmodels and lme4 fixtures of
 * {@code tools/regress_reference.py} / {@code tools/regress_reference.R}.
 */
class RegressCommandTest {
    static final Path RES = Path.of("src/test/resources/org/pluralstats/regress");
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

    @Test
    void olsJsonEqualsStatsmodelsOnThePaperShape() throws IOException {
        CliRunner.Result r = CliRunner.run("regress", "--data", RES.resolve("us_bias_synthetic.csv").toString(),
                "--formula", "metric_value ~ us*model_name:language");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN");
        JsonNode out = M.readTree(r.out());
        JsonNode ref = referenceCase("ols_statsmodels.json", "eq4_synthetic");
        assertThat(out.get("model").asText()).isEqualTo("OLS");
        assertThat(out.get("nobs").asInt()).isEqualTo(ref.get("nobs").asInt());
        for (String[] k : new String[][] {{"rsquared", "rsquared"}, {"rsquaredAdj", "rsquared_adj"},
            {"llf", "llf"}, {"aic", "aic"}, {"bic", "bic"}, {"fvalue", "fvalue"}}) {
            close(out.get(k[0]).asDouble(), ref.get(k[1]).asDouble(), 1e-8);
        }
        JsonNode coefs = out.get("coefficients");
        assertThat(coefs.size()).isEqualTo(ref.get("names").size()).isEqualTo(80);
        for (int j = 0; j < coefs.size(); j++) {
            JsonNode c = coefs.get(j);
            assertThat(c.get("name").asText()).isEqualTo(ref.get("names").get(j).asText());
            close(c.get("coef").asDouble(), ref.get("params").get(j).asDouble(), 1e-8);
            close(c.get("se").asDouble(), ref.get("bse").get(j).asDouble(), 1e-8);
            close(c.get("stat").asDouble(), ref.get("tvalues").get(j).asDouble(), 1e-8);
            close(c.get("p").asDouble(), ref.get("pvalues").get(j).asDouble(), 1e-8);
            close(c.get("ciLow").asDouble(), ref.get("ci_low").get(j).asDouble(), 1e-8);
            close(c.get("ciHigh").asDouble(), ref.get("ci_high").get(j).asDouble(), 1e-8);
        }
        assertThat(out.get("fitted").size()).isEqualTo(ref.get("fitted").size());
        close(out.get("fitted").get(7).asDouble(), ref.get("fitted").get(7).asDouble(), 1e-8);
    }

    @Test
    void mixedJsonEqualsLme4() throws IOException {
        for (String[] run : new String[][] {{"--reml", "eq3_synthetic_reml"}, {"--ml", "eq3_synthetic_ml"}}) {
            CliRunner.Result r = CliRunner.run("regress", "--data", RES.resolve("mixed_synthetic.csv").toString(),
                    "--formula", "alignment ~ 0 + consistency:language + multilingual:family:language",
                    "--groups", "model_name", run[0]);
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = M.readTree(r.out());
            JsonNode ref = referenceCase("mixed_lme4.json", run[1]);
            assertThat(out.get("model").asText()).isEqualTo("MixedLM");
            assertThat(out.get("method").asText()).isEqualTo(run[0].substring(2).toUpperCase());
            assertThat(out.get("groups").asInt()).isEqualTo(20);
            close(out.get("groupVar").asDouble(), ref.get("group_var").asDouble(), 0.002);
            close(out.get("scale").asDouble(), ref.get("sigma2").asDouble(), 0.002);
            close(out.get("llf").asDouble(), ref.get("llf").asDouble(), 1e-6);
            JsonNode coefs = out.get("coefficients");
            assertThat(coefs.size()).isEqualTo(28);
            for (int j = 0; j < coefs.size(); j++) {
                assertThat(coefs.get(j).get("name").asText()).isEqualTo(ref.get("names").get(j).asText());
                close(coefs.get(j).get("coef").asDouble(), ref.get("fixef").get(j).asDouble(), 1e-5);
                close(coefs.get(j).get("se").asDouble(), ref.get("se").get(j).asDouble(), 1e-5);
            }
            assertThat(out.get("randomEffects").size()).isEqualTo(20);
            assertThat(out.get("fitted").size()).isEqualTo(out.get("nobs").asInt());
        }
    }

    @Test
    void markdownLooksLikeAStatsmodelsSummary(@TempDir Path tmp) throws IOException {
        Path md = tmp.resolve("ols.md");
        CliRunner.Result r = CliRunner.run("regress", "--data", RES.resolve("us_bias_synthetic.csv").toString(),
                "--formula", "metric_value ~ us + language", "--format", "md", "--out", md.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = Files.readString(md);
        assertThat(text).contains("## OLS Regression Results", "| Dep. Variable: | metric_value | R-squared: |",
                "| Df Model: | 4 | AIC: |", "| | coef | std err | t | P>\\|t\\| | [0.025 | 0.975] |", "| us[T.True] | ");
        CliRunner.Result m = CliRunner.run("regress", "--data", RES.resolve("boundary_synthetic.csv").toString(),
                "--formula", "y ~ x", "--groups", "g", "--format", "md");
        assertThat(m.exitCode()).as(m.err()).isZero();
        assertThat(m.out()).contains("## Mixed Linear Model Regression Results", "| No. Groups: | 8 | Scale: |",
                "| | coef | std err | z | P>\\|z\\| | [0.025 | 0.975] |", "| g Var | 0.000 |", "singular fit");
    }

    @Test
    void undefinedNumbersAreNullNotNaN() throws IOException {
        CliRunner.Result r = CliRunner.run("regress", "--data", RES.resolve("us_bias_synthetic.csv").toString(),
                "--formula", "metric_value ~ 1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("NaN").contains("\"fvalue\" : null", "\"fPvalue\" : null");
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

        assertThat(CliRunner.run("regress", "--data", data, "--formula", "alignment ~ consistency", "--ml").exitCode())
                .isEqualTo(2);
        assertThat(CliRunner.run("regress", "--data", data, "--formula", "alignment ~ consistency", "--format", "csv")
                .exitCode()).isEqualTo(2);
    }
}
