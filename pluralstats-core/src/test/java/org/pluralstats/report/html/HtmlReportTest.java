package org.pluralstats.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.table.Role;
import org.pluralstats.table.ResultTable;
import org.pluralstats.Version;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;

class HtmlReportTest {
    @TempDir
    Path dir;

    private static ReportTable table() {
        return ReportTable.builder("t1", "A <table>").column("group").column("n").column("mean", 2)
                .row("Farsi · فارسی", 11, 2.2727272727272725).row("x,\"y\"", 0, OptionalDouble.empty())
                .row("nan", 1, Double.NaN).build();
    }

    @Test
    void tablesAreShownRoundedAndWrittenAtFullPrecision() throws Exception {
        ReportTable t = table();
        assertThat(t.display(0, 2)).isEqualTo("2.27");
        assertThat(t.display(1, 2)).isEqualTo("–");
        assertThat(t.csv()).isEqualTo("group,n,mean\nFarsi · فارسی,11,2.2727272727272725\n\"x,\"\"y\"\"\",0,\nnan,1,\n");
        JsonNode j = new ObjectMapper().readTree(t.json());
        assertThat(j.get(0).get("mean").asDouble()).isEqualTo(2.2727272727272725);
        assertThat(j.get(1).get("mean").isNull()).isTrue();
        assertThat(j.get(0).get("n").isIntegralNumber()).isTrue();
    }

    @Test
    void thePageIsSelfContainedAndEscaped() {
        HtmlReport r = HtmlReport.builder("Report <1>").intro("a & b").input("file <x>")
                .section(ReportSection.builder("s1", "Section & co").paragraph("<script>alert(1)</script>")
                        .figure("f1", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>", "caption <c>")
                        .table(table()).build())
                .build();
        String html = r.html();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("<title>Report &lt;1&gt;</title>", "&lt;script&gt;alert(1)&lt;/script&gt;", "caption &lt;c&gt;",
                        "<td class=\"key\" dir=\"auto\">Farsi · فارسی</td>", "<td class=\"num\">2.27</td>", "href=\"tables/t1.csv\"",
                        "href=\"tables/t1.json\"", "href=\"figures/f1.svg\"", "id=\"figure-f1\"", "id=\"table-t1\"")
                .doesNotContain("<script>").doesNotContainPattern("(src|href)=\"https?:")
                .doesNotContainPattern("(?i)<link|@import|url\\(");
        assertThat(r.figures()).hasSize(1);
        assertThat(r.tables()).hasSize(1);
    }

    @Test
    void theFooterStatesTheVersionOnceAndTableNotesTheMethod() {
        ResultTable t = ResultTable.builder("T").meta(ResultTable.METHOD, "Wilson").number("x", Role.ESTIMATE, 2)
                .row(0.5).build();
        String html = HtmlReport.builder("R").section(ReportSection.builder("s", "S")
                .table(ReportTable.of("t", t, false)).build()).build().html();
        assertThat(html).contains("method: Wilson", "Written by pluralstats " + Version.current() + ".")
                .doesNotContain(ResultTable.VERSION);
        assertThat(ResultTableWriters.json(t)).contains("\"" + ResultTable.VERSION + "\" : \"" + Version.current());
    }

    @Test
    void writesThePageTablesAndFigures() throws Exception {
        HtmlReport r = HtmlReport.builder("R").section(ReportSection.builder("s", "S")
                .figure("f", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "c").table(table()).build()).build();
        HtmlReport.Written w = r.write(dir.resolve("out"));
        assertThat(w.index()).isEqualTo(dir.resolve("out/index.html"));
        assertThat(w.figures()).isEqualTo(1);
        assertThat(w.tables()).isEqualTo(1);
        assertThat(dir.resolve("out/tables/t1.csv")).content().startsWith("group,n,mean\n");
        assertThat(new ObjectMapper().readTree(Files.readString(dir.resolve("out/tables/t1.json")))).hasSize(3);
        assertThat(dir.resolve("out/figures/f.svg")).content().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg");
    }

    @Test
    void idsAreCheckedAndUnique() {
        assertThatThrownBy(() -> ReportTable.builder("../x", "bad")).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("must be letters, digits");
        ReportSection a = ReportSection.builder("a", "A").table(table()).build();
        ReportSection b = ReportSection.builder("b", "B").table(table()).build();
        assertThatThrownBy(() -> HtmlReport.builder("R").section(a).section(b).build())
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("two tables with the id \"table-t1\"");
        assertThatThrownBy(() -> ReportTable.builder("t", "t").column("a").row(1, 2))
                .hasMessageContaining("2 cells for 1 columns");
    }
}
