package org.pluralstats.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 5: the report directory holds exactly one run's page, tables and charts. */
class HtmlReportWriteTest {
    @TempDir
    Path dir;

    private static HtmlReport report(String table, String figure) {
        return HtmlReport.builder("R").warning("w.sav: case 3: a warning <b>")
                .section(ReportSection.builder("s", "S")
                        .figure(figure, "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "c")
                        .table(ReportTable.builder(table, "T").column("a").row(1).build()).build())
                .build();
    }

    @Test
    void aSecondRunReplacesTheFirstWithoutStaleFiles() throws IOException {
        Path out = dir.resolve("a/b/report");
        report("one", "f1").write(out);
        Files.writeString(out.resolve("mine.txt"), "kept");
        Files.writeString(out.resolve("tables/notes.md"), "kept");
        HtmlReport.Written w = report("two", "f2").write(out);
        try (Stream<Path> s = Files.list(out.resolve("tables"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("notes.md", "two.csv", "two.json");
        }
        try (Stream<Path> s = Files.list(out.resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("f2.svg");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("figures", "index.html", "mine.txt", "tables");
        }
        try (Stream<Path> s = Files.list(dir.resolve("a/b"))) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThat(w.files()).hasSize(4);
        assertThat(Files.readString(w.index())).contains("Warnings (1)", "w.sav: case 3: a warning &lt;b&gt;");
    }
}
