package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden end-to-end test of {@code pluralstats forms --weight … --psu … --strata … --table design} on the
 * synthetic Forms exports with design columns: the JSON equals R survey 4.1.1
 * ({@code tools/forms_design_reference.R}, forms-design-reference.csv) to 1e-10, and Table 1 stays unweighted.
 */
class FormsDesignCommandTest {
    static final String D = "pluralstats-core/src/test/resources/org/pluralstats/compare/";
    static final String[] GROUPS = {"--group", "English=" + D + "forms-design-english.csv",
        "--group", "Farsi=" + D + "forms-design-farsi.csv", "--group", "Chinese=" + D + "forms-design-chinese.csv"};

    private static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("forms"));
        a.addAll(List.of(GROUPS));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void designTableEqualsRSurvey() throws IOException {
        CliRunner.Result r = CliRunner.run(args("--weight", "weight", "--psu", "cluster", "--strata", "stratum",
                "--table", "design", "--format", "json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode rows = json.get("rows");
        assertThat(json.get("metadata").toString()).contains(
                "svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight)", "a separate design per population");
        List<String> ref = java.nio.file.Files.readAllLines(java.nio.file.Path.of(D + "forms-design-reference.csv"));
        int checked = 0;
        for (String line : ref) {
            if (!line.startsWith("clusters,")) {
                continue;
            }
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            String option = f[3].replace("\"", "");
            JsonNode row = null;
            for (JsonNode x : rows) {
                if (x.get("group").asText().equals(f[1]) && x.get("item").asText().equals(f[2])
                        && x.get("option").asText().equals(option)) {
                    row = x;
                }
            }
            assertThat(row).as(line + " in " + rows).isNotNull();
            assertThat(row.get("n").asInt()).isEqualTo(Integer.parseInt(f[4]));
            String[] cols = {"estimate", "se", "ciLow", "ciHigh", "df"};
            for (int c = 0; c < cols.length; c++) {
                double want = Double.parseDouble(f[5 + c].strip());
                assertThat(Math.abs(row.get(cols[c]).asDouble() - want) / Math.max(1, Math.abs(want)))
                        .as(line + " " + cols[c]).isLessThan(1e-10);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(21);
    }

    @Test
    void theMarkdownRowsAreThoseOfDocsFormsMd() throws IOException {
        CliRunner.Result r = CliRunner.run(args("--weight", "weight", "--psu", "cluster", "--strata", "stratum",
                "--table", "design"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/forms.md"));
        List<String> rows = List.of("| English | Q1 |  |  | 22 | 4.835 | 0.716 | 2.846 | 6.824 | 4 |",
                "| English | Q4 | ChatGPT | ChatGPT | 23 | 0.836 | 0.080 | 0.503 | 0.962 | 4 |",
                "| Chinese | Q1 |  |  | 25 | 5.807 | 0.579 | 4.200 | 7.414 | 4 |");
        for (String row : rows) {
            assertThat(r.out()).contains(row + "\n");
            assertThat(docs).contains(row + "\n");
        }
    }

    @Test
    void table1StaysUnweighted() {
        CliRunner.Result clustered = CliRunner.run(args("--weight", "weight", "--psu", "cluster", "--strata", "stratum"));
        assertThat(clustered.exitCode()).as(clustered.err()).isZero();
        // the design columns are not items; every cell is R's unweighted mean() or share; English Q1 is 119/22 = 5.41
        // unweighted, 4.84 weighted
        assertThat(clustered.out()).contains("| group | n | Q1 | Q2 | Q3 (% Model B: slightly lower accuracy, but aligned "
                + "with the values of my culture) |\n", "| English | 24 | 5.41 | 4.50 | 47.8 |\n",
                "| Farsi | 30 | 6.36 | 5.10 | 69.0 |\n", "| Chinese | 27 | 6.44 | 5.96 | 46.2 |\n",
                "| All groups (pooled) | 81 | 6.11 | 5.21 | 55.1 |\n", "method: unweighted means");
        // with only --weight named, cluster and stratum are items like any other column
        CliRunner.Result weighted = CliRunner.run(args("--weight", "weight"));
        assertThat(weighted.exitCode()).as(weighted.err()).isZero();
        assertThat(weighted.out()).contains("| English | 24 | 5.41 | 4.50 | 47.8 | 50.0 |");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void theReportShowsTheDesignTableOnlyWhenAWeightIsGiven() throws IOException {
        List<String> a = new ArrayList<>(List.of("report"));
        for (int i = 1; i < GROUPS.length; i += 2) {
            a.addAll(List.of("--forms", GROUPS[i]));
        }
        List<String> designed = new ArrayList<>(a);
        designed.addAll(List.of("--weight", "weight", "--psu", "cluster", "--strata", "stratum", "--out",
                dir.resolve("designed").toString()));
        CliRunner.Result r = CliRunner.run(designed.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.nio.file.Path table = dir.resolve("designed/tables/forms-design.csv");
        assertThat(table).isRegularFile();
        CliRunner.Result cli = CliRunner.run(args("--weight", "weight", "--psu", "cluster", "--strata", "stratum",
                "--table", "design", "--format", "csv"));
        assertThat(java.nio.file.Files.readString(table)).isEqualTo(cli.out());
        assertThat(java.nio.file.Files.readString(dir.resolve("designed/index.html")))
                .contains("svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight)");
        // without --weight there is no design table (the pilot exports: these fixtures' decimal weights would be
        // read as an item, which the Likert summaries refuse)
        CliRunner.Result p = CliRunner.run("report", "--forms", "English=data-samples/pilot-survey/english.csv",
                "--forms", "Farsi=data-samples/pilot-survey/farsi.csv", "--out", dir.resolve("plain").toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(dir.resolve("plain/tables/forms-table1.csv")).isRegularFile();
        assertThat(dir.resolve("plain/tables/forms-design.csv")).doesNotExist();
    }

    @Test
    void usageErrors() {
        CliRunner.Result noWeight = CliRunner.run(args("--psu", "cluster"));
        assertThat(noWeight.exitCode()).isNotZero();
        assertThat(noWeight.err()).contains("need --weight");
        CliRunner.Result noTable = CliRunner.run(new String[] {"forms", "--group",
            "English=data-samples/pilot-survey/english.csv", "--table", "design"});
        assertThat(noTable.exitCode()).isNotZero();
        assertThat(noTable.err()).contains("--weight COLUMN");
        CliRunner.Result domain = CliRunner.run(args("--weight", "weight", "--domain"));
        assertThat(domain.exitCode()).isNotZero();
        assertThat(domain.err()).contains("separate samples");
        CliRunner.Result absent = CliRunner.run(args("--weight", "w8"));
        assertThat(absent.exitCode()).isNotZero();
        assertThat(absent.err()).contains("no column titled \"w8\"");
    }
}
