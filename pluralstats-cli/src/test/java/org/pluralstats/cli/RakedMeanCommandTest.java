package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pluralstats rake --mean VAR --psu --fpc}: the mean on the raked design with R survey's standard error
 * ({@code svymean(~VAR, rake(svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw), ...))}, the first two cases of
 * tools/raked_design_reference.R) to 1e-10 relative, and the weights written are R's.
 */
class RakedMeanCommandTest {
    private static final Path HERE = Path.of("pluralstats-core/src/test/resources/org/pluralstats/design");
    private static final String DATA = HERE.resolve("apiclus1.csv").toString();

    private static Path margins(Path dir) throws IOException {
        Path m = dir.resolve("margins.json");
        Files.writeString(m, "{\"margins\":[{\"variable\":\"stype\",\"targets\":{\"E\":4421,\"H\":755,\"M\":1018}},"
                + "{\"variable\":\"sch.wide\",\"targets\":{\"No\":1072,\"Yes\":5122}}]}");
        return m;
    }

    @Test
    void meanOnTheRakedDesignEqualsSvymean(@TempDir Path dir) throws IOException {
        JsonNode cases = new ObjectMapper().readTree(HERE.resolve("raked-design-reference.json").toFile()).get("cases");
        for (int k = 0; k < 2; k++) {
            JsonNode c = cases.get(k);
            JsonNode step = c.get("steps").get(0);
            Path out = dir.resolve("raked" + k + ".csv");
            CliRunner.Result r = CliRunner.run("rake", "--data", DATA, "--margins", margins(dir).toString(), "--weight", "pw",
                    "--out", out.toString(), "--tolerance", step.get("epsilon").asText(), "--max-iterations",
                    step.get("maxit").asText(), "--psu", "dnum", "--fpc", "fpc", "--mean", "api00,enroll", "--summary", "json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("raking").get("rows").get(0).get("converged").asBoolean()).isTrue();
            JsonNode means = json.get("means");
            assertThat(means.get("metadata").get("design").asText())
                    .startsWith("rdes <- rake(svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw), list(~stype, ~sch.wide)");
            for (int v = 0; v < 2; v++) {
                JsonNode row = means.get("rows").get(v);
                JsonNode ref = c.get("estimates").get(v);
                assertThat(row.get("variable").asText()).isEqualTo(ref.get("variable").asText());
                close(row.get("estimate").asDouble(), ref.get("mean").get("estimate").asDouble());
                close(row.get("se").asDouble(), ref.get("mean").get("se").asDouble());
                close(row.get("ciLow").asDouble(), ref.get("mean").get("ci").get(0).asDouble());
                close(row.get("deff").asDouble(), ref.get("mean").get("deff").asDouble());
            }
            List<String> lines = Files.readAllLines(out);
            for (int i = 1; i < lines.size(); i++) {
                double w = Double.parseDouble(lines.get(i).split(",")[2]);
                assertThat(Math.abs(w - c.get("calibratedWeights").get(i - 1).asDouble()) / w).isLessThan(1e-10);
            }
        }
    }

    @Test
    void theTextSummaryShowsTheTableAndBadCombinationsAreRefused(@TempDir Path dir) throws IOException {
        String m = margins(dir).toString();
        String out = dir.resolve("w.csv").toString();
        CliRunner.Result r = CliRunner.run("rake", "--data", DATA, "--margins", m, "--weight", "pw", "--out", out,
                "--psu", "dnum", "--fpc", "fpc", "--mean", "api00");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("converged after").contains("Design-based means").contains("api00").contains("23.70");
        CliRunner.Result bounded = CliRunner.run("rake", "--data", DATA, "--margins", m, "--weight", "pw", "--out", out,
                "--bounds", "0.5,3", "--mean", "api00");
        assertThat(bounded.exitCode()).isEqualTo(2);
        assertThat(bounded.err()).contains("--bounds");
        CliRunner.Result noMean = CliRunner.run("rake", "--data", DATA, "--margins", m, "--weight", "pw", "--out", out,
                "--psu", "dnum");
        assertThat(noMean.exitCode()).isEqualTo(2);
        assertThat(noMean.err()).contains("give --mean VAR");
        CliRunner.Result text = CliRunner.run("rake", "--data", DATA, "--margins", m, "--weight", "pw", "--out", out,
                "--mean", "stype");
        assertThat(text.exitCode()).isNotZero();
        assertThat(text.err()).contains("not a numeric variable");
    }

    private static void close(double got, double want) {
        assertThat(Math.abs(got - want) / Math.abs(want)).as("got %s, R %s", got, want).isLessThanOrEqualTo(1e-10);
    }
}
