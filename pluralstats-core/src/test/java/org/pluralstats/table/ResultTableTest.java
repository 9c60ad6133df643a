package org.pluralstats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    static ResultTable tests(int rows) {
        ResultTable.Builder b = ResultTable.builder("Group tests").meta(ResultTable.METHOD, "Kruskal–Wallis")
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .column("item", ColumnType.TEXT, Role.KEY).column("n", ColumnType.INTEGER, Role.COUNT)
                .number("H", Role.STATISTIC, 2).column("p", ColumnType.P_VALUE, Role.P_VALUE)
                .column("significant", ColumnType.BOOLEAN, Role.OTHER);
        for (int i = 0; i < rows; i++) {
            b.row("Q" + i, i == 1 ? null : 10 + i, i == 2 ? Double.NaN : 1.5 * i, i == 0 ? 3e-7 : 0.25, i == 0);
        }
        return b.build();
    }

    @Test
    void cellsByTypeWithUndefinedValues() {
        ResultTable t = tests(3);
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.columnIndex("H")).contains(2);
        assertThat(t.columnsWith(Role.P_VALUE)).containsExactly(3);
        assertThat(t.text(0, 0)).isEqualTo("Q0");
        assertThat(t.integer(0, 1)).isEqualTo(10);
        assertThat(t.isDefined(1, 1)).isFalse();
        assertThat(t.cell(1, 1)).isNull();
        assertThat(t.number(1, 1)).isNaN();
        assertThat(t.isDefined(2, 2)).isFalse();
        assertThat(t.cell(2, 2)).isNull();
        assertThat(t.cell(0, 4)).isEqualTo(true);
        assertThat(t.display(0, 3)).isEqualTo("<0.0001");
        assertThat(t.display(1, 3)).isEqualTo("0.2500");
        assertThat(t.display(1, 2)).isEqualTo("1.50");
        assertThat(t.display(2, 2)).isEqualTo("–");
        assertThat(t).isEqualTo(tests(3)).isNotEqualTo(tests(2));
    }

    @Test
    void numbersShowRoundedHalfToEvenOnTheExactValueAsTheReportsTables() {
        ResultTable t = ResultTable.builder("means").column("mean", ColumnType.NUMBER, Role.ESTIMATE)
                .row(3.125).row(6.135).row(-0.001).row(2.675).build();
        // 3.125 is exact: a tie, to even (the pilot's Table 1 prints 3.12); 6.135 is 6.13499999... below the tie
        assertThat(t.display(0, 0)).isEqualTo("3.1250");
        ResultTable two = ResultTable.builder("means").column(new Column("mean", ColumnType.NUMBER, Role.ESTIMATE, 2)
                ).row(3.125).row(6.135).row(-0.001).row(2.675).build();
        assertThat(List.of(two.display(0, 0), two.display(1, 0), two.display(2, 0), two.display(3, 0)))
                .containsExactly("3.12", "6.13", "0.00", "2.67");
    }

    @Test
    void toStringIsAnAlignedHead() {
        String s = tests(12).toString();
        assertThat(s).startsWith("Group tests (12 rows × 5 columns)\nmethod: Kruskal–Wallis\nconfidence level: 0.95\n"
                + "item   n      H        p  significant\n"
                + "Q0    10   0.00  <0.0001  true\n"
                + "Q1     –   1.50   0.2500  false\n");
        assertThat(s).endsWith("Q9    19  13.50   0.2500  false\n… 2 more rows\n").doesNotContain("Q10");
    }

    @Test
    void refusesCellsOfTheWrongTypeOrCount() {
        ResultTable.Builder b = ResultTable.builder("t").column("n", ColumnType.INTEGER, Role.COUNT);
        assertThatThrownBy(() -> b.row(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column n");
        assertThatThrownBy(() -> b.row(1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
        assertThatThrownBy(() -> b.column("n", ColumnType.TEXT, Role.KEY)).hasMessageContaining("two columns named n");
        assertThatThrownBy(() -> tests(1).text(0, 1)).hasMessageContaining("INTEGER");
    }
}
