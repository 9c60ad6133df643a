package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pluralstats.Progress;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.report.FormsSections;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;

/**
 * Every table {@code pluralstats forms --table NAME --format md|csv|json} prints is byte for byte the
 * report's table of the same survey ({@code tables/forms-NAME.csv|json}), and the Markdown is the
 * generic writer's of the table the report shows; {@code inspect} prints the file's dictionary through
 * the same writers. ({@code vps}, {@code correlate} and {@code consistency}: {@link WeightTablesMatchReportTest}.)
 */
class CliTablesMatchReportTest {
    private static final String P = FormsCommandTest.P;

    @Test
    void everyFormsTableEqualsTheReportTable() {
        Map<String, Path> groups = new LinkedHashMap<>();
        for (String g : List.of("Arabic", "Chinese", "Farsi", "English")) {
            groups.put(g, Path.of(P + g.toLowerCase(java.util.Locale.ROOT) + ".csv"));
        }
        Analysis.Forms forms = new Analysis.Forms("Pilot", groups, Optional.of(Path.of(P + "codebook.json")),
                Optional.of(Path.of(P + "table1-published.csv")), Map.of());
        AnalysisRun run = AnalysisRun.of(new Analysis("t", Optional.of(forms), Optional.empty()), Progress.none());
        ReportSection section = FormsSections.of("forms", "Pilot", run.forms().orElseThrow());
        Map<String, String> ids = Map.of("table1", "forms-table1", "rows", "forms-rows", "means", "forms-means",
                "shares", "forms-shares", "tests", "forms-tests", "check", "forms-grim");
        for (Map.Entry<String, String> e : ids.entrySet()) {
            ReportTable table = section.tables().stream().filter(t -> t.id().equals(e.getValue())).findFirst().orElseThrow();
            assertThat(cli(e.getKey(), "csv")).as(e.getKey()).isEqualTo(table.csv());
            assertThat(cli(e.getKey(), "json")).as(e.getKey()).isEqualTo(table.json());
            String md = ResultTableWriters.markdown(e.getKey().equals("check")
                    ? run.forms().get().check().orElseThrow().table() : run.forms().get().comparison().table(e.getKey()));
            assertThat(cli(e.getKey(), "md")).as(e.getKey()).isEqualTo(md);
        }
        assertThat(run.forms().get().comparison().toString()).startsWith("The paper's Table 1 reproduced")
                .contains("Farsi                11  2.27  1.27  7.00      72.7  5.45  4.18")
                .contains("All groups (pooled)  56  3.43  6.16  4.11      62.5  4.70  3.96");
    }

    @Test
    void inspectPrintsTheDictionaryTable() {
        String file = "data-samples/wvs-sample/wvs7-sample.sav";
        FileDictionary dictionary;
        try (CaseReader r = SurveyFiles.open(Path.of(file))) {
            dictionary = r.dictionary().withRows(380);
        }
        for (Output.Format f : Output.Format.values()) {
            CliRunner.Result r = CliRunner.run("inspect", file, "--format", f.name());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo(ResultTableWriters.write(dictionary.table(), f.name()));
        }
        assertThat(dictionary.toString()).startsWith("Variables of " + file);
    }

    private static String cli(String table, String format) {
        List<String> a = new ArrayList<>(List.of("forms"));
        a.addAll(List.of(FormsCommandTest.GROUPS));
        a.addAll(List.of("--codebook", P + "codebook.json", "--check-table", P + "table1-published.csv", "--table", table,
                "--format", format));
        CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }
}
