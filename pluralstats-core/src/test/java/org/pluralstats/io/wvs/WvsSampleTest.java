package org.pluralstats.io.wvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;

/**
 * The WVS Wave 7-style sample, read from each file format, against reference values computed by
 * R haven (tools/wvs-sample/reference.R).
 */
class WvsSampleTest {
    static final Path SAMPLES = Path.of("data-samples/wvs-sample");

    static JsonNode reference() throws IOException {
        try (InputStream in = WvsSampleTest.class.getResourceAsStream("wvs7-sample-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wvs7-sample.csv", "wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.dta"})
    void wave7ConventionsGiveCountriesWeightsAndMissingReasons(String file) throws IOException {
        JsonNode ref = reference();
        SurveyData d = SurveyFiles.read(SAMPLES.resolve(file));
        assertThat(d.rows()).isEqualTo(ref.get("rows").asInt());
        assertThat(d.attributeNames()).containsExactly("B_COUNTRY_ALPHA", "S_INTLANGUAGE");
        Map<String, Integer> counts = new LinkedHashMap<>();
        d.groupRows("b_country_alpha").forEach((k, v) -> counts.put(k, v.length));
        Map<String, Integer> expected = new LinkedHashMap<>();
        ref.get("countries").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
        assertThat(counts).containsExactlyEntriesOf(expected);
        assertThat(d.hasWeights()).isTrue();
        double wsum = 0;
        for (int r = 0; r < d.rows(); r++) {
            wsum += d.weight(r);
        }
        assertThat(wsum).isCloseTo(ref.get("weightTotal").asDouble(), within(1e-9));
        List<String> checked = new ArrayList<>();
        for (JsonNode it : ref.get("items")) {
            NumericColumn c = (NumericColumn) d.require(it.get("item").asText());
            int valid = 0;
            double sum = 0;
            double wsumItem = 0;
            double wx = 0;
            int dk = 0;
            int na = 0;
            int notAsked = 0;
            for (int r = 0; r < c.size(); r++) {
                if (!c.isMissing(r)) {
                    valid++;
                    sum += c.value(r);
                    wx += c.value(r) * d.weight(r);
                    wsumItem += d.weight(r);
                } else {
                    MissingReason reason = c.missingReason(r).orElseThrow();
                    dk += reason == MissingReason.DONT_KNOW ? 1 : 0;
                    na += reason == MissingReason.NO_ANSWER ? 1 : 0;
                    notAsked += reason == MissingReason.NOT_ASKED ? 1 : 0;
                }
            }
            assertThat(valid).isEqualTo(it.get("valid").asInt());
            assertThat(sum).isEqualTo(it.get("sum").asDouble());
            assertThat(wx).isCloseTo(it.get("weightedSum").asDouble(), within(1e-9));
            assertThat(wsumItem).isCloseTo(it.get("weightSum").asDouble(), within(1e-9));
            assertThat(dk).isEqualTo(it.get("dontKnow").asInt());
            assertThat(na).isEqualTo(it.get("noAnswer").asInt());
            assertThat(notAsked).isEqualTo(it.get("notAsked").asInt());
            checked.add(c.item().id());
        }
        assertThat(checked).hasSize(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"joint-sample.csv"})
    void jointFileConventions(String file) {
        SurveyData d = SurveyFiles.read(SAMPLES.resolve(file),
                ReadOptions.builder().variables("F120", "E033").build());
        assertThat(d.attributeNames()).containsExactly("cntry_AN", "lnge_iso");
        assertThat(d.items()).extracting(i -> i.id()).containsExactly("F120", "E033");
        assertThat(d.hasWeights()).isTrue();
        assertThat(d.id(0)).isEqualTo("20800001");
        assertThat(d.groupRows("CNTRY_AN").keySet()).containsExactly("DK", "NL", "GB", "BR", "US", "NG");
        // only the selected items, attributes and nothing else are materialised
        assertThat(d.columns()).hasSize(4);
    }
}
