package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Version;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

class ProvenanceTest {
    private static final String SHA = "ab".repeat(32);
    private static final Instant NOW = Instant.parse("2026-12-03T19:30:41.123456Z");

    private static Provenance provenance() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("models seed", "7");
        settings.put("wvs weights", "W_WEIGHT");
        return new Provenance(Version.current(), Optional.of(Instant.ofEpochSecond(1_700_000_000L)),
                "pluralstats report --seed 7", List.of("model outputs: data/out.jsonl (1234 bytes, SHA-256 " + SHA + ")",
                "model answers: a b.json (5 bytes, SHA-256 " + SHA + "): 3 kept", "no digest here"), settings);
    }

    @Test
    void sourceDateEpochDatesTheRunOtherwiseTheClockToTheSecond() {
        assertThat(Provenance.runDate(Map.of("SOURCE_DATE_EPOCH", "1700000000"), NOW))
                .isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(Provenance.runDate(Map.of(), NOW)).isEqualTo(Instant.parse("2026-12-03T19:30:41Z"));
        assertThatThrownBy(() -> Provenance.runDate(Map.of("SOURCE_DATE_EPOCH", "yesterday"), NOW))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("SOURCE_DATE_EPOCH=yesterday");
    }

    @Test
    void mapHoldsVersionIsoDateCommandInputsAndSettings() throws Exception {
        JsonNode p = new ObjectMapper().readTree(org.pluralstats.io.Json.write(provenance().toMap()));
        assertThat(p.get("pluralstats version").asText()).isEqualTo(Version.current());
        assertThat(p.get("date").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(p.get("command").asText()).isEqualTo("pluralstats report --seed 7");
        JsonNode in = p.get("inputs");
        assertThat(in.get(0).get("what").asText()).isEqualTo("model outputs");
        assertThat(in.get(0).get("file").asText()).isEqualTo("data/out.jsonl");
        assertThat(in.get(0).get("bytes").asLong()).isEqualTo(1234L);
        assertThat(in.get(0).get("sha256").asText()).isEqualTo(SHA);
        assertThat(in.get(1).get("what").asText()).isEqualTo("model answers: 3 kept");
        assertThat(in.get(1).get("file").asText()).isEqualTo("a b.json");
        assertThat(in.get(2).get("what").asText()).isEqualTo("no digest here");
        assertThat(in.get(2).has("sha256")).isFalse();
        assertThat(p.get("settings").get("models seed").asText()).isEqualTo("7");
        assertThat(p.get("settings").get("wvs weights").asText()).isEqualTo("W_WEIGHT");
        JsonNode undated = new ObjectMapper().readTree(org.pluralstats.io.Json.write(provenance().withoutDate().toMap()));
        assertThat(undated.has("date")).isFalse();
        assertThat(provenance().withoutDate().lines()).contains("date (UTC): not recorded (--no-date)");
    }

    @Test
    void everyWrittenJsonTableCarriesItAndThePageShowsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ResultTable t = ResultTable.builder("t").column("x", ColumnType.NUMBER, Role.ESTIMATE)
                .row(Double.NaN).row(1.5).build();
        ReportTable plain = ReportTable.builder("plain", "plain").column("y", 2).row(Double.NaN).row(2.0).build();
        HtmlReport page = HtmlReport.builder("page").provenance(provenance())
                .section(ReportSection.builder("s", "S").table(ReportTable.of("result", t, false)).table(plain).build())
                .build();
        page.write(dir);
        ObjectMapper om = new ObjectMapper();
        for (String id : List.of("result", "plain")) {
            String json = java.nio.file.Files.readString(dir.resolve("tables/" + id + ".json"));
            assertThat(json).as(id).doesNotContain("NaN");
            JsonNode root = om.readTree(json);
            assertThat(root.get("provenance").get("inputs").get(0).get("sha256").asText()).as(id).isEqualTo(SHA);
            assertThat(root.get("provenance").get("date").asText()).as(id).isEqualTo("2023-11-14T22:13:20Z");
            assertThat(root.get("rows").get(0).elements().next().isNull()).as(id).isTrue();
        }
        // without a provenance the JSON is the generic writer's, byte for byte
        assertThat(ResultTableWriters.json(t, Map.of())).isEqualTo(ResultTableWriters.json(t)).doesNotContain("provenance");
        String html = java.nio.file.Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<h2>Provenance</h2>", "pluralstats version: " + Version.current(),
                "date (UTC): 2023-11-14T22:13:20Z", "command: pluralstats report --seed 7", SHA, "models seed: 7");
    }
}
