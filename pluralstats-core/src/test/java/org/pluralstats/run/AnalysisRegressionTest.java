package org.pluralstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;
import org.pluralstats.regress.CovarianceType;
import org.pluralstats.regress.MixedModel;

/** The analysis file's "regression" part: one object or a list, every wrong field named where it is. */
class AnalysisRegressionTest {
    @TempDir
    Path dir;

    private Analysis read(String regression) throws IOException {
        Path f = dir.resolve("a.json");
        Files.writeString(f, "{\"format\": \"pluralstats-analysis\", \"regression\": " + regression + "}");
        return Analysis.read(f);
    }

    @Test
    void oneObjectOrAList() throws IOException {
        Analysis one = read("{\"data\": \"d.csv\", \"formula\": \"y ~ x\"}");
        assertThat(one.regressions()).hasSize(1);
        Analysis.Regression r = one.regressions().get(0);
        assertThat(r.data()).isEqualTo(dir.resolve("d.csv"));
        assertThat(r.title()).isEqualTo("Regression: y ~ x");
        assertThat(r.covariance()).isEqualTo(CovarianceType.NONROBUST);
        assertThat(r.mixed()).isFalse();
        Analysis two = read("[{\"data\": \"d.csv\", \"formula\": \"y ~ x + z\", \"cov\": \"hc3\", \"weights\": \"w\","
                + " \"title\": \"T\"}, {\"data\": \"e.csv\", \"formula\": \"y ~ x\", \"groups\": \"g\", \"reml\": false}]");
        assertThat(two.regressions()).extracting(Analysis.Regression::title).containsExactly("T", "Mixed model: y ~ x");
        assertThat(two.regressions().get(0).covariance()).isEqualTo(CovarianceType.HC3);
        assertThat(two.regressions().get(0).weights()).contains("w");
        assertThat(two.regressions().get(1).criterion()).isEqualTo(MixedModel.Criterion.ML);
        assertThat(two.regressions().get(1).columns()).containsExactly("y", "x", "g");
        assertThat(read("{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"cov\": \"cluster\", \"cluster\": \"c\"}")
                .regressions().get(0).cluster()).contains("c");
    }

    @Test
    void wrongFieldsAreLocated() {
        assertError("[{\"data\": \"d.csv\", \"formula\": \"y ~ x\"}, {\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"cov\": \"HC5\"}]",
                "regression[1].cov", "HC5");
        assertError("{\"data\": \"d.csv\"}", "regression.formula", "missing");
        assertError("{\"data\": \"d.csv\", \"formula\": \"y ~ \"}", "regression.formula", "y ~ ");
        assertError("{\"formula\": \"y ~ x\"}", "regression.data", "CSV");
        assertError("{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"cov\": \"cluster\"}", "regression.cluster", "missing");
        assertError("{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"cluster\": \"c\"}", "regression.cluster", "\"c\"");
        assertError("{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"groups\": \"g\", \"weights\": \"w\"}",
                "regression.weights", "mixed model");
        assertError("{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"reml\": true}", "regression.reml", "groups");
        assertError("{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"colour\": 1}", "regression", "unknown field \"colour\"");
        assertError("[{\"data\": \"d.csv\", \"formula\": \"y ~ x\", \"reml\": \"yes\"}]", "regression[0].reml", "yes");
    }

    @Test
    void theRecordChecksItsOptionsToo() {
        assertThatThrownBy(() -> new Analysis.Regression("t", Path.of("d.csv"), "y ~ x", Optional.of("g"), Optional.empty(),
                CovarianceType.HC0, Optional.empty(), MixedModel.Criterion.REML)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> new Analysis.Regression("t", Path.of("d.csv"), "y ~ x", Optional.empty(), Optional.empty(),
                CovarianceType.CLUSTER, Optional.empty(), MixedModel.Criterion.REML)).isInstanceOf(PluralstatsException.class);
    }

    @Test
    void theOptionsOfRegressAreCheckedInOnePlaceInOrder() {
        Path d = Path.of("d.csv");
        Optional<String> none = Optional.empty();
        Optional<MixedModel.Criterion> ml = Optional.of(MixedModel.Criterion.ML);
        Optional<MixedModel.Criterion> reml = Optional.empty();
        rule(() -> Analysis.Regression.of(d, "y ~ x", none, ml, none, Optional.of("HC9"), none),
                RegressionOptionsException.Rule.CRITERION_WITHOUT_GROUPS, "--ml applies to mixed models: add --groups COLUMN");
        rule(() -> Analysis.Regression.of(d, "y ~ x", none, reml, none, Optional.of("HC9"), none),
                RegressionOptionsException.Rule.UNKNOWN_COVARIANCE, "unknown --cov HC9; expected nonrobust, HC0, HC1, HC2, HC3 or cluster");
        rule(() -> Analysis.Regression.of(d, "y ~ x", none, reml, none, Optional.of("cluster"), none),
                RegressionOptionsException.Rule.CLUSTER_COLUMN_MISSING, "--cov cluster needs --cluster COLUMN");
        rule(() -> Analysis.Regression.of(d, "y ~ x", none, reml, none, Optional.of("HC1"), Optional.of("c")),
                RegressionOptionsException.Rule.CLUSTER_WITHOUT_CLUSTER_COVARIANCE, "--cluster needs --cov cluster");
        rule(() -> Analysis.Regression.of(d, "y ~ x", Optional.of("g"), reml, Optional.of("w"), none, none),
                RegressionOptionsException.Rule.LEAST_SQUARES_OPTION_WITH_GROUPS,
                "--cov, --cluster and --weights apply to OLS, not to mixed models (--groups)");
        Analysis.Regression ok = Analysis.Regression.of(d, "y ~ x", none, reml, Optional.of("w"), Optional.of("hc3"), none);
        assertThat(ok.covariance()).isEqualTo(CovarianceType.HC3);
        assertThat(ok.title()).isEqualTo("Regression: y ~ x");
        Analysis.Regression mixed = Analysis.Regression.of(d, "y ~ x", Optional.of("g"), reml, none, none, none);
        assertThat(mixed.criterion()).isEqualTo(MixedModel.Criterion.REML);
        assertThat(mixed.title()).isEqualTo("Mixed model: y ~ x");
    }

    private static void rule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RegressionOptionsException.Rule rule,
                             String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegressionOptionsException.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private void assertError(String part, String... contains) {
        assertThatThrownBy(() -> read(part)).isInstanceOf(PluralstatsException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(contains).doesNotContain("\n"));
    }
}
