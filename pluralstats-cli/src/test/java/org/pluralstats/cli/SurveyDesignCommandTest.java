package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code vps} and {@code distributions} with {@code --psu --strata --nest [--domain]} (issue 14's binding
 * command line) give R survey's design-based SEs (tools/design_distributions_reference.R) and say which
 * design they used; bad design options are one clear line.
 */
class SurveyDesignCommandTest {
    private static final Path HERE = Path.of("pluralstats-core/src/test/resources/org/pluralstats/design");
    private static final String DATA = HERE.resolve("wvs7-design.csv").toString();
    private static final String ITEMS = "data-samples/wvs-sample/items.json";

    private static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(HERE.resolve("design-distributions-reference.json").toFile());
    }

    @Test
    void vpsWithPsuAndStrataEqualsRSurvey() throws IOException {
        for (boolean domain : new boolean[] {false, true}) {
            CliRunner.Result r = domain
                    ? CliRunner.run("vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT",
                            "--psu", "I_PSU", "--strata", "STRATUM", "--nest", "--domain")
                    : CliRunner.run("vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT",
                            "--psu", "I_PSU", "--strata", "STRATUM", "--nest");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = new ObjectMapper().readTree(r.out());
            assertThat(out.get("metadata").get("design").asText()).contains("svydesign(ids = ~I_PSU, strata = ~STRATUM")
                    .contains(domain ? "domains of one design" : "a separate design per population");
            Map<String, JsonNode> rows = new HashMap<>();
            out.get("rows").forEach(x -> rows.put(x.get("population").asText() + "|" + x.get("item").asText(), x));
            for (JsonNode e : reference().get("scores")) {
                JsonNode row = rows.get(e.get("population").asText() + "|" + e.get("item").asText());
                assertThat(row.get("vps").asDouble()).isCloseTo(e.get("vps").asDouble(), within(1e-12));
                assertThat(row.get("se").asDouble()).isCloseTo(e.get(domain ? "seDomain" : "seSeparate").asDouble(), within(1e-10));
            }
        }
    }

    @Test
    void distributionsAsDomainsEqualSvyby() throws IOException {
        CliRunner.Result r = CliRunner.run("distributions", "--data", DATA, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT",
                "--items", HERE.resolve("design-items.json").toString(), "--domain", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        new ObjectMapper().readTree(r.out()).get("rows").forEach(x -> rows.put(x.get("population").asText() + "|"
                + x.get("question").asText() + "|" + x.get("option_code").asText(), x));
        int n = 0;
        for (JsonNode e : reference().get("shares")) {
            if (e.get("shareDomain").isNull()) {
                continue;
            }
            JsonNode row = rows.get(e.get("population").asText() + "|" + e.get("question").asText() + "|" + e.get("code").asText());
            assertThat(row.get("share").asDouble()).isCloseTo(e.get("shareDomain").asDouble(), within(1e-12));
            assertThat(row.get("se").asDouble()).isCloseTo(e.get("seDomainSimple").asDouble(), within(1e-10));
            n++;
        }
        assertThat(n).isGreaterThan(60);
    }

    @Test
    void streamOnADesignIsAUsageErrorNotASilentInMemoryRun() {
        CliRunner.Result r = CliRunner.run("vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--stream",
                "--psu", "I_PSU", "--strata", "STRATUM", "--nest");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("pluralstats: --stream cannot score on a survey design:")
                .contains("leave out --stream to score on the design in memory");
    }

    @Test
    void theReportScoresOnTheSameDesign(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String[] design = {"--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT", "--psu", "I_PSU", "--strata", "STRATUM", "--nest"};
        String[] report = concat(new String[] {"report", "--wvs", DATA, "--items", ITEMS, "--out", dir.resolve("r").toString()}, design);
        CliRunner.Result r = CliRunner.run(report);
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliRunner.Result vps = CliRunner.run(concat(new String[] {"vps", "--data", DATA, "--items", ITEMS}, design));
        assertThat(vps.out()).isEqualTo(ReportJson.withoutProvenance(java.nio.file.Files.readString(dir.resolve("r/tables/scores-vps.json"))));
        // and from an analysis file's wvs part
        java.nio.file.Files.writeString(dir.resolve("a.json"), """
                {"format": "pluralstats-analysis", "version": 1,
                 "wvs": {"files": ["%s"], "items": "%s", "by": "B_COUNTRY_ALPHA", "weight": "W_WEIGHT",
                         "design": {"psu": "I_PSU", "strata": "STRATUM", "nest": true, "populations": "separate"}}}
                """.formatted(Path.of(DATA).toAbsolutePath(), Path.of(ITEMS).toAbsolutePath()));
        CliRunner.Result a = CliRunner.run("report", "--analysis", dir.resolve("a.json").toString(), "--out", dir.resolve("b").toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(ReportJson.withoutProvenance(java.nio.file.Files.readString(dir.resolve("b/tables/scores-vps.json")))).isEqualTo(vps.out());
        CliRunner.Result alone = CliRunner.run("report", "--analysis", dir.resolve("a.json").toString(), "--psu", "I_PSU");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("in an analysis file, give them as the wvs part's \"design\"");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void vpsWithReplicateWeightsEqualsSvyby() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(HERE.resolve("design-replicates-reference.json").toFile());
        String data = HERE.resolve("wvs7-repweights.csv").toString();
        for (String[] type : new String[][] {{"JK1", "JK1_[0-9]+", "seJK1"}, {"Fay", "FAY_.*", "seFay"}}) {
            CliRunner.Result r = type[0].equals("Fay")
                    ? CliRunner.run("vps", "--data", data, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT",
                            "--repweights", type[1], "--reptype", "Fay", "--rho", "0.5")
                    : CliRunner.run("vps", "--data", data, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT",
                            "--repweights", type[1]);
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = new ObjectMapper().readTree(r.out());
            assertThat(out.get("metadata").get("design").asText()).startsWith("svrepdesign(weights = ~W_WEIGHT, repweights = "
                    + (type[0].equals("Fay") ? 16 : ref.get("jk1Replicates").asInt()) + " columns");
            Map<String, JsonNode> rows = new HashMap<>();
            out.get("rows").forEach(x -> rows.put(x.get("population").asText() + "|" + x.get("item").asText(), x));
            int n = 0;
            for (JsonNode e : ref.get("scores")) {
                if (e.get("vps").isNull()) {
                    continue;
                }
                JsonNode row = rows.get(e.get("population").asText() + "|" + e.get("item").asText());
                assertThat(row.get("vps").asDouble()).isCloseTo(e.get("vps").asDouble(), within(1e-12));
                assertThat(row.get("se").asDouble()).as(type[0] + " " + e).isCloseTo(e.get(type[2]).asDouble(), within(1e-10));
                n++;
            }
            assertThat(n).isEqualTo(71);
        }
        CliRunner.Result noRho = CliRunner.run("vps", "--data", data, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA",
                "--repweights", "FAY_.*", "--reptype", "Fay");
        assertThat(noRho.exitCode()).isEqualTo(2);
        assertThat(noRho.err()).contains("--reptype Fay needs --rho");
        CliRunner.Result none = CliRunner.run("vps", "--data", data, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA",
                "--repweights", "REP_[0-9]+");
        assertThat(none.err()).contains("--repweights REP_[0-9]+ matches no column of");
    }

    @Test
    void badDesignOptionsAreOneLine() {
        CliRunner.Result unknown = CliRunner.run("vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA",
                "--psu", "I_PSUX");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("I_PSUX").doesNotContain("\tat ");
        CliRunner.Result rule = CliRunner.run("vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA",
                "--psu", "I_PSU", "--lonely-psu", "ignore");
        assertThat(rule.exitCode()).isEqualTo(2);
        assertThat(rule.err()).contains("unknown --lonely-psu ignore");
    }
}
