package org.pluralstats.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

/**
 * Tables wider than the page (issue 15: model names wrapping over four lines, last columns cut): every
 * table sits in a sideways-scrolling container, short keys stay on one line, long texts wrap at spaces
 * with a minimum width, numbers are right-aligned and never broken.
 */
class WideTableTest {

    private static final String MODEL = "OLMo-2-1124-13B-Instruct";
    private static final String LONG = "Willingness to share cultural or demographic information to improve alignment "
            + "with the values of the respondent's own culture";

    private static HtmlReport report() {
        ResultTable rt = ResultTable.builder("Self-consistency").column("model", ColumnType.TEXT, Role.KEY)
                .column("language", ColumnType.TEXT, Role.KEY)
                .number("selfConsistency", Role.ESTIMATE, 3).column("p", ColumnType.P_VALUE, Role.P_VALUE).row(MODEL, "da", 0.275, 1e-6).build();
        ReportTable manual = ReportTable.builder("items", "Items").column("item").column("text").column("n")
                .column("mean", 2).row("Q6", LONG, 7, 6.714285714285714).build();
        return HtmlReport.builder("R").section(ReportSection.builder("s", "S")
                .table(ReportTable.of("consistency", rt, false)).table(ReportTable.of("folded", rt, true))
                .table(manual).build()).build();
    }

    @Test
    void everyTableIsInsideTheSidewaysScrollingContainer() {
        String html = report().html();
        int tables = 0;
        Matcher m = Pattern.compile("<table>").matcher(html);
        while (m.find()) {
            tables++;
            assertThat(html.substring(0, m.start())).as("table %d", tables).endsWith("<div class=\"scroll\">");
            int close = html.indexOf("</table>", m.start());
            assertThat(html.substring(close + "</table>".length())).startsWith("</div>");
        }
        assertThat(tables).isEqualTo(3);
        assertThat(html).contains(".scroll{overflow-x:auto", "td.num,th.num{text-align:right;white-space:nowrap",
                "td.key{white-space:nowrap}", "td.text{min-width:16em;max-width:40em;white-space:normal",
                "@media print{.scroll{overflow:visible;max-height:none");
    }

    @Test
    void keysStayOnOneLineLongTextsWrapAndNumbersAreRightAligned() {
        String html = report().html();
        assertThat(html).contains("<th class=\"key\">model</th><th class=\"key\">language</th>"
                        + "<th class=\"num\">selfConsistency</th><th class=\"num\">p</th>",
                "<td class=\"key\" dir=\"auto\">" + MODEL + "</td>", "<td class=\"num\">0.275</td>",
                "<td class=\"num\">&lt;0.0001</td>",
                "<th class=\"key\">item</th><th class=\"text\">text</th><th class=\"num\">n</th><th class=\"num\">mean</th>",
                "<td class=\"text\" dir=\"auto\">" + LONG.replace("'", "&#39;") + "</td>", "<td class=\"num\">7</td>",
                "<td class=\"num\">6.71</td>");
        // a text column written as numbers (a published mean, kept as printed) is aligned as numbers
        ReportTable grim = ReportTable.builder("grim", "GRIM").column("group").column("reported")
                .row("Arabic", "1.43").row("Farsi", "\u2212 0.5 x").build();
        assertThat(HtmlReport.tableElement(grim)).contains("<th class=\"key\">reported</th>");
        ReportTable published = ReportTable.builder("grim", "GRIM").column("group").column("reported")
                .row("Arabic", "1.43").row("Farsi", "\u2013").row("English", "57.1%").build();
        assertThat(HtmlReport.tableElement(published)).contains("<th class=\"num\">reported</th>",
                "<td class=\"num\">1.43</td>", "<td class=\"num\">57.1%</td>");
        assertThat(html).doesNotContainPattern("<t[dh](?! class=\"(num|key|text)\")[ >]");
    }
}
