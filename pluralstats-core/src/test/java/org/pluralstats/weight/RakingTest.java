package org.pluralstats.weight;

import org.pluralstats.io.sidefile.MarginFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;

/** Raking: margin files, bad input, exclusions. */
class RakingTest {
    static final double NA = Double.NaN;

    static SurveyData data(double[] w, String... sex) {
        return SurveyData.builder("t.csv")
                .item(CategoricalColumn.of(Item.choice("SEX", "", List.of()), sex))
                .item(NumericColumn.of(Item.numeric("AGE", "", Map.of()), 1, 2, 1, 2))
                .item(NumericColumn.of(Item.numeric("W", "", Map.of()), w))
                .build();
    }

    static Map<String, Double> targets(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void twoMarginsConverge() {
        SurveyData d = data(new double[] {1, 1, 1, 1}, "f", "f", "m", "m");
        RakingResult r = Raking.withDefaults().rake(d, WeightSpec.parse("w"),
                List.of(Margin.of("SEX", targets("f", 30, "m", 70)), Margin.of("age", targets("1", 40, "2", 60))),
                InvalidWeights.FAIL);
        assertThat(r.converged()).isTrue();
        assertThat(r.weight(0) + r.weight(1)).isCloseTo(30, within(1e-9));
        assertThat(r.weight(0) + r.weight(2)).isCloseTo(40, within(1e-9));
        assertThat(r.maxMarginError()).isLessThan(1e-9);
        assertThat(r.kishEfficiencyBefore()).isEqualTo(1.0);
        assertThat(r.kishEfficiencyAfter()).isLessThan(1.0);
    }

    @Test
    void badInputIsNamed() {
        SurveyData d = data(new double[] {1, 1, 1, 1}, "f", "f", "m", null);
        List<Margin> sex = List.of(Margin.of("SEX", targets("f", 30, "m", 70)));
        assertThatThrownBy(() -> Raking.withDefaults().rake(d, WeightSpec.parse("W"), sex, InvalidWeights.FAIL))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("respondent 4 (row 4) has no value of SEX");
        SurveyData e = data(new double[] {1, 1, 1, 1}, "f", "f", "m", "x");
        assertThatThrownBy(() -> Raking.withDefaults().rake(e, WeightSpec.parse("W"), sex, InvalidWeights.FAIL))
                .hasMessageContaining("has SEX = x, for which the margin gives no target");
        SurveyData f = data(new double[] {1, 1, 1, 1}, "f", "f", "f", "f");
        assertThatThrownBy(() -> Raking.withDefaults().rake(f, WeightSpec.parse("W"), sex, InvalidWeights.FAIL))
                .hasMessageContaining("level m has target 70 but no respondents");
        SurveyData g = data(new double[] {1, 0, 1, 1}, "f", "f", "m", "m");
        assertThatThrownBy(() -> Raking.withDefaults().rake(g, WeightSpec.parse("W"), sex, InvalidWeights.FAIL))
                .hasMessageContaining("respondent 2 (row 2): base weight W is not usable: W = 0");
        assertThatThrownBy(() -> Raking.withDefaults().rake(g, WeightSpec.parse("WEIGHT"), sex, InvalidWeights.FAIL))
                .hasMessageContaining("no variable \"WEIGHT\"");
    }

    @Test
    void excludedRespondentsAreCountedAndGetNoWeight() {
        SurveyData d = data(new double[] {1, NA, 1, 1}, "f", "f", "m", "m");
        RakingResult r = Raking.withDefaults().rake(d, WeightSpec.parse("W"),
                List.of(Margin.of("SEX", targets("f", 30, "m", 70))), InvalidWeights.EXCLUDE);
        assertThat(r.excluded()).containsExactly(Map.entry("missing weight", 1));
        assertThat(r.kept()).isEqualTo(3);
        assertThat(r.weight(1)).isNaN();
        assertThat(r.weight(0)).isCloseTo(30, within(1e-12));
    }

    @Test
    void boundedRakingKeepsRatiosInBounds() {
        SurveyData d = data(new double[] {1, 1, 1, 1}, "f", "f", "m", "m");
        RakingResult r = Raking.withDefaults().withBounds(0.5, 2).rake(d, WeightSpec.parse("W"),
                List.of(Margin.of("SEX", targets("f", 1.5, "m", 2.5)), Margin.of("AGE", targets("1", 2, "2", 2))),
                InvalidWeights.FAIL);
        assertThat(r.converged()).isTrue();
        assertThat(r.minRatio()).isGreaterThanOrEqualTo(0.5);
        assertThat(r.maxRatio()).isLessThanOrEqualTo(2);
        assertThat(r.maxMarginError()).isLessThan(1e-9);
    }

    @Test
    void marginFilesJsonAndCsv(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("m.json");
        Files.writeString(json, "{\"margins\":[{\"variable\":\"SEX\",\"targets\":{\"f\":0.3,\"m\":0.7}},"
                + "{\"variables\":[\"SEX\",\"AGE\"],\"targets\":{\"f:1\":0.1,\"f:2\":0.2,\"m:1\":0.3,\"m:2\":0.4}}],"
                + "\"targets\":\"proportions\"}");
        List<Margin> m = MarginFiles.read(json);
        assertThat(m).hasSize(2);
        assertThat(m.get(1).variables()).containsExactly("SEX", "AGE");
        assertThat(MarginFiles.proportions(json)).isTrue();
        assertThat(m.get(0).scaledTo(200).targets()).containsEntry("m", 140.0);
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "variable,level,target\nSEX,f,30\nSEX,m,70\nSEX:AGE,f:1,10\n");
        List<Margin> c = MarginFiles.read(csv);
        assertThat(c).extracting(Margin::name).containsExactly("SEX", "SEX:AGE");
        Files.writeString(csv, "variable,level,target\nSEX,f,abc\n");
        assertThatThrownBy(() -> MarginFiles.read(csv)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("abc");
        Files.writeString(json, "{\"margins\":[{\"variable\":\"SEX\",\"targets\":{\"f\":-1}}]}");
        assertThatThrownBy(() -> MarginFiles.read(json)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("not a finite non-negative number");
    }
}
