package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

/**
 * p-values show as {@code <0.0001}, never {@code 0.0000}, in Markdown and the HTML page, whether the column is
 * of type {@link ColumnType#P_VALUE} or a number column in the {@link Role#P_VALUE} role; CSV and JSON keep the
 * exact number.
 */
class PValueDisplayTest {
    private static final double[] P = {3e-7, 0.00005, 0.0001, 0.0123};

    private static ResultTable table() {
        ResultTable.Builder b = ResultTable.builder("p-values").column("label", ColumnType.TEXT, Role.LABEL)
                .column("p", ColumnType.P_VALUE, Role.P_VALUE).number("pNumber", Role.P_VALUE, 4);
        String[] labels = {"a", "b", "c", "d"};
        for (int i = 0; i < P.length; i++) {
            b.row(labels[i], P[i], P[i]);
        }
        return b.build();
    }

    @Test
    void markdownShowsLessThanNeverZeros() {
        String md = ResultTableWriters.markdown(table());
        assertThat(md).contains("| a | <0.0001 | <0.0001 |\n", "| b | <0.0001 | <0.0001 |\n",
                "| c | 0.0001 | 0.0001 |\n", "| d | 0.0123 | 0.0123 |\n").doesNotContain("0.0000");
    }

    @Test
    void htmlShowsLessThanNeverZeros() {
        String html = ResultTableWriters.html(table());
        assertThat(html).contains("&lt;0.0001").contains(">0.0001<").contains(">0.0123<").doesNotContain("0.0000");
        int count = html.split("&lt;0\\.0001", -1).length - 1;
        assertThat(count).isEqualTo(4);
    }

    @Test
    void csvAndJsonKeepTheExactNumber() throws Exception {
        ResultTable t = table();
        String csv = ResultTableWriters.csv(t);
        assertThat(csv).doesNotContain("<").contains("a," + ShortestDecimal.format(3e-7) + "," + ShortestDecimal.format(3e-7));
        JsonNode rows = new ObjectMapper().readTree(ResultTableWriters.json(t)).get("rows");
        for (int i = 0; i < P.length; i++) {
            assertThat(rows.get(i).get("p").doubleValue()).isEqualTo(P[i]);
            assertThat(rows.get(i).get("pNumber").doubleValue()).isEqualTo(P[i]);
        }
    }
}
