package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * Every fixture read by {@link StataReader} agrees with what R haven (or, for the one file haven
 * misreads, pandas) read from it: see the fixture README and {@code tools/stata_reference.R}.
 */
class StataReaderReferenceTest {

    static List<StataFixtures.Reference> references() {
        return StataFixtures.references();
    }

    @Test
    void everyFixtureHasAReference() {
        Set<String> referenced = new HashSet<>();
        for (StataFixtures.Reference r : references()) {
            referenced.add(r.file());
        }
        assertThat(StataFixtures.dtaFiles()).extracting(p -> p.getFileName().toString())
                .allSatisfy(name -> assertThat(referenced).contains(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void agreesWithReference(StataFixtures.Reference reference) {
        JsonNode entry = reference.entry();
        JsonNode vars = entry.get("variables");
        int k = vars.size();
        long rows = entry.get("rows").asLong();
        try (StataReader r = StataReader.open(StataFixtures.file(reference.file()))) {
            FileDictionary dict = r.dictionary();
            assertThat(dict.format()).isEqualTo(FileFormat.DTA);
            assertThat(dict.rows()).isEqualTo(rows);
            assertThat(dict.encoding()).isEqualTo(r.release() >= 118 ? "UTF-8" : "windows-1252");
            assertThat(r.dataLabel()).isEqualTo(entry.get("label").asText());
            assertThat(dict.variables()).hasSize(k);

            List<List<Double>> numbers = new ArrayList<>();
            List<List<Character>> tags = new ArrayList<>();
            List<List<String>> strings = new ArrayList<>();
            for (int v = 0; v < k; v++) {
                JsonNode ref = vars.get(v);
                Variable var = dict.variables().get(v);
                String where = reference.file() + " variable " + ref.get("name").asText();
                assertThat(var.index()).isEqualTo(v);
                assertThat(var.name()).as(where).isEqualTo(ref.get("name").asText());
                assertThat(var.label()).as(where).isEqualTo(ref.get("label").asText());
                boolean numeric = ref.get("type").asText().equals("numeric");
                assertThat(var.type()).as(where).isEqualTo(numeric ? VariableType.NUMERIC : VariableType.STRING);
                assertThat(r.storageType(v).isNumeric()).isEqualTo(numeric);
                if (numeric) {
                    Map<Double, String> expected = new LinkedHashMap<>();
                    for (JsonNode l : ref.get("value_labels")) {
                        expected.put(l.get("value").asDouble(), l.get("label").asText());
                    }
                    assertThat(var.valueLabels()).as(where + " value labels").containsExactlyEntriesOf(expected);
                    Map<Character, String> expectedMissing = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("missing_labels").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        expectedMissing.put(e.getKey().charAt(0), e.getValue().asText());
                    }
                    assertThat(r.missingValueLabels(v)).as(where + " missing-value labels")
                            .containsExactlyInAnyOrderEntriesOf(expectedMissing);
                    assertThat(var.taggedValueLabels()).as(where + " missing-value labels in the dictionary")
                            .containsExactlyInAnyOrderEntriesOf(expectedMissing);
                    assertThat(var.valueLabelCount()).as(where + " value-label count")
                            .isEqualTo(ref.get("value_labels").size() + ref.get("missing_labels").size());
                }
                numbers.add(new ArrayList<>());
                tags.add(new ArrayList<>());
                strings.add(new ArrayList<>());
            }

            long read = 0;
            while (r.next()) {
                assertThat(r.caseIndex()).isEqualTo(read);
                for (int v = 0; v < k; v++) {
                    if (dict.variables().get(v).isNumeric()) {
                        numbers.get(v).add(r.number(v));
                        tags.get(v).add(r.missingTag(v));
                    } else {
                        strings.get(v).add(r.string(v));
                        assertThat(r.missingTag(v)).isEqualTo((char) 0);
                    }
                }
                read++;
            }
            assertThat(read).isEqualTo(rows);
            assertThat(r.next()).isFalse();

            for (int v = 0; v < k; v++) {
                JsonNode ref = vars.get(v);
                String where = reference.file() + " variable " + ref.get("name").asText();
                JsonNode values = ref.get("values");
                if (!dict.variables().get(v).isNumeric()) {
                    // str#: trailing blanks removed, as haven does (pandas keeps them); strL: exactly as
                    // stored, as both haven and pandas do
                    boolean strL = r.storageType(v) == StataStorageType.STRL;
                    List<String> expected = new ArrayList<>();
                    for (JsonNode s : values) {
                        expected.add(strL ? s.asText() : s.asText().replaceAll(" +$", ""));
                    }
                    List<String> actual = strings.get(v);
                    if (r.release() <= 117 && strL) {
                        // haven passes strL bytes through undecoded (UTF-8 in R); the reader decodes them as
                        // windows-1252 like every other string of these releases: compare the bytes.
                        actual = actual.stream()
                                .map(x -> new String(x.getBytes(DtaParser.LEGACY), StandardCharsets.UTF_8)).toList();
                    }
                    assertThat(actual).as(where).containsExactlyElementsOf(expected);
                    continue;
                }
                List<Double> got = numbers.get(v);
                double sum = 0;
                long n = 0;
                for (int i = 0; i < rows; i++) {
                    JsonNode e = values.get(i);
                    if (e.isNull()) {
                        assertThat(got.get(i)).as(where + " row " + i).isNaN();
                    } else {
                        assertThat(got.get(i)).as(where + " row " + i).isEqualTo(e.asDouble());
                        sum += got.get(i);
                        n++;
                    }
                }
                assertThat(n).as(where + " n").isEqualTo(ref.get("n").asLong());
                double expectedSum = ref.get("sum").asDouble();
                assertThat(sum).as(where + " sum").isCloseTo(expectedSum, within(1e-9 * Math.max(1, Math.abs(expectedSum))));

                Map<Character, List<Integer>> expectedTags = new LinkedHashMap<>();
                for (JsonNode row : ref.get("system_missing")) {
                    expectedTags.computeIfAbsent('.', t -> new ArrayList<>()).add(row.asInt());
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("tagged").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    for (JsonNode row : e.getValue()) {
                        expectedTags.computeIfAbsent(e.getKey().charAt(0), t -> new ArrayList<>()).add(row.asInt());
                    }
                }
                Map<Character, List<Integer>> gotTags = new LinkedHashMap<>();
                for (int i = 0; i < rows; i++) {
                    char t = tags.get(v).get(i);
                    if (t != 0) {
                        gotTags.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
                    }
                }
                assertThat(gotTags).as(where + " missing tags").containsExactlyInAnyOrderEntriesOf(expectedTags);
            }
        }
    }
}
