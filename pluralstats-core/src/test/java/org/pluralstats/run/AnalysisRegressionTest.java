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

    private void assertError(String part, String... contains) {
        assertThatThrownBy(() -> read(part)).isInstanceOf(PluralstatsException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(contains).doesNotContain("\n"));
    }
}
