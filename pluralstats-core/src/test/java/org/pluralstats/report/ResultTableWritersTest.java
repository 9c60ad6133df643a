package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pluralstats.Version;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

class ResultTableWritersTest {
    private static final ResultTable T = ResultTable.builder("t").meta(ResultTable.SEED, "1")
            .column("label", ColumnType.TEXT, Role.LABEL).column("n", ColumnType.INTEGER, Role.COUNT)
            .number("est", Role.ESTIMATE, 2).column("p", ColumnType.P_VALUE, Role.P_VALUE)
            .row("=HYPERLINK(\"x\")", 3, 0.1 + 0.2, 0.00001)
            .row("a|b <i> me@example.org", null, Double.NaN, null)
            .build();

    @Test
    void csvIsExactWithFormulasNeutralisedAndEmptyUndefinedCells() {
        assertThat(ResultTableWriters.csv(T)).isEqualTo("label,n,est,p\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",3,0.30000000000000004,0.00001\n"
                + "a|b <i> me@example.org,,,\n");
    }

    @Test
    void aLongTableFormattedOnAllCoresIsTheSameTextRowByRow() {
        ResultTable.Builder b = ResultTable.builder("long").column("label", ColumnType.TEXT, Role.LABEL)
                .number("x", Role.ESTIMATE, 4).number("y", Role.SE, 4);
        java.util.Random r = new java.util.Random(5);
        StringBuilder expected = new StringBuilder("label,x,y\n");
        for (int i = 0; i < 3000; i++) {
            double x = r.nextDouble();
            double y = i % 7 == 0 ? Double.NaN : r.nextGaussian() * 1e-5;
            b.row(i % 11 == 0 ? "=cmd" : "row " + i, x, y);
            expected.append(i % 11 == 0 ? "'=cmd" : "row " + i).append(',')
                    .append(org.pluralstats.data.ShortestDecimal.format(x)).append(',')
                    .append(Double.isNaN(y) ? "" : org.pluralstats.data.ShortestDecimal.format(y)).append('\n');
        }
        assertThat(ResultTableWriters.csv(b.build()).replace(System.lineSeparator(), "\n")).isEqualTo(expected.toString());
    }

    @Test
    void jsonIsExactWithNullForUndefined() {
        assertThat(Version.current()).as("the build filters version.properties").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(ResultTableWriters.json(T).replace(System.lineSeparator(), "\n").replaceAll("\\s+", " "))
                .isEqualTo("{ \"title\" : \"t\", \"metadata\" : { \"seed\" : \"1\", \"pluralstats version\" : \"" + Version.current() + "\" }, \"rows\" : [ { \"label\" : \"=HYPERLINK(\\\"x\\\")\", \"n\" : 3, \"est\" : 0.30000000000000004, \"p\" : 1.0E-5 },"
                        + " { \"label\" : \"a|b <i> me@example.org\", \"n\" : null, \"est\" : null, \"p\" : null } ] } ");
    }

    @Test
    void markdownRoundsMasksAndEscapes() {
        String md = ResultTableWriters.markdown(T);
        assertThat(md).startsWith("**t**\n\n| label | n | est | p |\n|---|---:|---:|---:|\n| =HYPERLINK(\"x\") | 3 | 0.30 | <0.0001 |\n");
        assertThat(md).contains("a\\|b").doesNotContain("me@example.org").endsWith(" | – | – | – |\n\nseed: 1; pluralstats version: " + Version.current() + "\n");
    }

    @Test
    void htmlIsAnEscapedTable() {
        String html = ResultTableWriters.html(T);
        assertThat(html).startsWith("<table>\n<thead><tr><th class=\"key\">label</th><th class=\"num\">n</th><th class=\"num\">est</th>"
                + "<th class=\"num\">p</th></tr></thead>")
                .contains("&lt;i&gt;").contains("<td class=\"num\">&lt;0.0001</td>").endsWith("</table>");
    }
}
