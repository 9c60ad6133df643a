package org.pluralstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.compare.DesignedGroupSummaryTestAccess;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.LonelyPsu;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.table.ResultTable;

/** {@link FormsComparison#withDesign}: an added design table, Table 1 and the other tables unchanged. */
class FormsComparisonDesignTest {
    private static final FormsSurvey SURVEY = DesignedGroupSummaryTestAccess.survey();
    private static final DesignSpec CLUSTERS = new DesignSpec(List.of("cluster"), List.of("stratum"), List.of(), false,
            LonelyPsu.FAIL, DomainMethod.SEPARATE_DESIGNS);

    @Test
    void table1AndTheOtherTablesDoNotChange() {
        FormsComparison plain = FormsComparison.of(SURVEY, Map.of());
        FormsComparison designed = plain.withDesign("weight", CLUSTERS);
        for (String t : List.of("table1", "rows", "means", "shares", "tests")) {
            assertThat(designed.table(t).toString()).as(t).isEqualTo(plain.table(t).toString());
        }
        assertThat(plain.designSummary()).isEmpty();
        assertThat(designed.designSummary()).isPresent();
        assertThatThrownBy(() -> plain.table("design")).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("--weight COLUMN");
    }

    @Test
    void theDesignTableStatesTheDesignAndHoldsEveryEstimate() {
        ResultTable t = FormsComparison.of(SURVEY, Map.of()).withDesign("weight", CLUSTERS).table("design");
        assertThat(t.metadata().get("design"))
                .isEqualTo("svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight); a separate design per population");
        assertThat(t.metadata().get(ResultTable.WEIGHTS)).isEqualTo("weight");
        assertThat(t.rows()).isEqualTo(21);
        ResultTable w = FormsComparison.of(SURVEY, Map.of()).withDesign("weight", DesignSpec.simple()).table("design");
        assertThat(w.metadata().get("design")).startsWith("svydesign(ids = ~1, weights = ~weight)");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void anAnalysisFileGivesTheFormsPartAWeightAndADesign() throws java.io.IOException {
        java.nio.file.Path res = org.pluralstats.compare.DesignedGroupSummaryTestAccess.resourceDir();
        String groups = "{\"English\": \"" + res.resolve("forms-design-english.csv") + "\", \"Farsi\": \""
                + res.resolve("forms-design-farsi.csv") + "\"}";
        java.nio.file.Path file = dir.resolve("a.json");
        java.nio.file.Files.writeString(file, "{\"format\": \"pluralstats-analysis\", \"version\": 1, \"forms\": {\"groups\": "
                + groups + ", \"weight\": \"weight\", \"design\": {\"psu\": [\"cluster\"], \"strata\": [\"stratum\"]}}}");
        Analysis a = Analysis.read(file);
        assertThat(a.forms().orElseThrow().weight()).contains("weight");
        assertThat(a.forms().orElseThrow().design()).isEqualTo(CLUSTERS);
        FormsComparison run = AnalysisRun.of(a, org.pluralstats.Progress.none()).forms().orElseThrow().comparison();
        // separate designs: the Farsi estimates do not depend on which other groups are read
        assertThat(run.table("design").rows()).isEqualTo(14);
        assertThat(run.designSummary().orElseThrow().mean("Farsi", "Q1")).isEqualTo(FormsComparison.of(SURVEY, Map.of())
                .withDesign("weight", CLUSTERS).designSummary().orElseThrow().mean("Farsi", "Q1"));
        java.nio.file.Files.writeString(file, "{\"format\": \"pluralstats-analysis\", \"version\": 1, \"forms\": {\"groups\": "
                + groups + ", \"design\": {\"psu\": [\"cluster\"]}}}");
        assertThatThrownBy(() -> Analysis.read(file)).hasMessageContaining("a design without a weight");
    }
}
