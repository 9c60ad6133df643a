package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.stats.Fixtures.P_VALUE;
import static org.pluralstats.stats.Fixtures.STATISTIC;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

class ChiSquareIndependenceTest {

    static Stream<Arguments> tables() {
        return Fixtures.cases("chi2_contingency.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void agreesWithScipy(String name, JsonNode c) {
        JsonNode t = c.get("table");
        double[][] table = new double[t.size()][];
        for (int i = 0; i < table.length; i++) {
            table[i] = Fixtures.doubles(t.get(i));
        }
        ChiSquareIndependence.Result r = ChiSquareIndependence.test(table, c.get("correction").asBoolean());
        assertClose("statistic", r.statistic(), c.get("statistic").asDouble(), STATISTIC);
        assertClose("p", r.pValue(), c.get("pvalue").asDouble(), P_VALUE);
        assertThat(r.degreesOfFreedom()).isEqualTo(c.get("dof").asInt());
        double[][] expected = r.expected();
        assertThat(expected).hasSameDimensionsAs(table);
        for (int i = 0; i < table.length; i++) {
            double[] e = Fixtures.doubles(c.get("expected").get(i));
            for (int j = 0; j < e.length; j++) {
                assertClose("expected[" + i + "][" + j + "]", expected[i][j], e[j], STATISTIC);
            }
        }
        assertThat(r.droppedRows()).containsExactly(Fixtures.ints(c.get("dropped_rows")));
        assertThat(r.droppedColumns()).containsExactly(Fixtures.ints(c.get("dropped_columns")));
        assertThat(r.yatesCorrected()).isEqualTo(r.degreesOfFreedom() == 1 && c.get("correction").asBoolean());
    }

    @Test
    void yatesCorrectionNeverPassesTheExpectedCount() {
        // |O - E| = 0.238 < 0.5 in every cell: corrected counts equal the expected ones
        ChiSquareIndependence.Result r = ChiSquareIndependence.test(new long[][] {{5, 5}, {5, 6}});
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.yatesCorrected()).isTrue();
        assertThat(r.total()).isEqualTo(21);
        assertClose("min expected", r.minimumExpected(), 100.0 / 21, 1e-15);
    }

    @Test
    void correctionOnlyForOneDegreeOfFreedom() {
        double[][] t = {{10, 20, 30}, {25, 18, 12}};
        assertThat(ChiSquareIndependence.test(t, true).statistic())
                .isEqualTo(ChiSquareIndependence.test(t, false).statistic());
        assertThat(ChiSquareIndependence.test(t).yatesCorrected()).isFalse();
    }

    @Test
    void emptyRowsAndColumnsAreDropped() {
        ChiSquareIndependence.Result withEmpty = ChiSquareIndependence.test(new long[][] {{10, 0, 4}, {0, 0, 0},
            {6, 0, 11}});
        ChiSquareIndependence.Result without = ChiSquareIndependence.test(new long[][] {{10, 4}, {6, 11}});
        assertThat(withEmpty.statistic()).isEqualTo(without.statistic());
        assertThat(withEmpty.degreesOfFreedom()).isEqualTo(1);
        assertThat(withEmpty.droppedRows()).containsExactly(1);
        assertThat(withEmpty.droppedColumns()).containsExactly(1);
        assertThat(withEmpty.expected()[1]).containsExactly(0, 0, 0);
        assertThat(withEmpty.toString()).contains("dropped rows [1]");
    }

    @Test
    void singleNonEmptyRowHasNoDegreesOfFreedom() {
        ChiSquareIndependence.Result r = ChiSquareIndependence.test(new long[][] {{0, 0, 0}, {4, 5, 6}});
        assertThat(r.degreesOfFreedom()).isZero();
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void rejectsMalformedTables() {
        assertThatThrownBy(() -> ChiSquareIndependence.test(new double[0][])).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("no cells");
        assertThatThrownBy(() -> ChiSquareIndependence.test(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> ChiSquareIndependence.test(new double[][] {{1, -2}, {3, 4}}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("cell (0, 1)");
        assertThatThrownBy(() -> ChiSquareIndependence.test(new double[][] {{1, Double.NaN}, {3, 4}}))
                .isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> ChiSquareIndependence.test(new long[][] {{0, 0}, {0, 0}}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("total 0");
    }

    @Test
    void resultArraysAreCopies() {
        ChiSquareIndependence.Result r = ChiSquareIndependence.test(new long[][] {{1, 2}, {3, 4}});
        r.expected()[0][0] = -1;
        assertThat(r.expected()[0][0]).isPositive();
    }
}
