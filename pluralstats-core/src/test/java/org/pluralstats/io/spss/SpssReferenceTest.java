package org.pluralstats.io.spss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * Compares {@link SpssReader} with R haven (ReadStat) on every fixture: the values in
 * {@code reference.json} were computed by {@code tools/spss/spss_reference.R} (see the README beside
 * the fixtures for the programs and versions that wrote each file).
 */
class SpssReferenceTest {
    private static final double RELATIVE = 1e-9;

    static Stream<JsonNode> files() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SpssFixtures.file("reference.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        root.get("files").forEach(out::add);
        return out.stream();
    }

    @Test
    void everyFixtureHasReferenceValues() throws IOException {
        List<String> named = files().map(f -> f.get("file").asText()).toList();
        assertThat(SpssFixtures.all()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void agreesWithHaven(JsonNode ref) {
        String name = ref.get("file").asText();
        Path path = SpssFixtures.file(name);
        try (SpssReader r = SpssReader.open(path)) {
            FileDictionary d = r.dictionary();
            assertThat(d.format()).isEqualTo(name.endsWith(".zsav") ? FileFormat.ZSAV : FileFormat.SAV);
            long rows = ref.get("rows").asLong();
            assertThat(d.rows()).isEqualTo(name.contains("unknown_cases") ? -1 : rows);
            JsonNode vars = ref.get("variables");
            assertThat(d.names()).containsExactlyElementsOf(texts(vars, "name"));
            for (JsonNode rv : vars) {
                Variable v = d.find(rv.get("name").asText()).orElseThrow();
                checkDictionary(name, rv, v);
            }
            checkData(name, r, d, vars, rows);
        }
    }

    private static void checkDictionary(String file, JsonNode rv, Variable v) {
        String where = file + " " + v.name();
        assertThat(v.label()).as(where + " label").isEqualTo(rv.get("label").asText());
        boolean numeric = rv.get("type").asText().equals("numeric");
        assertThat(v.type()).as(where).isEqualTo(numeric ? VariableType.NUMERIC : VariableType.STRING);
        MissingValues m = v.missing();
        if (numeric) {
            Map<Double, String> labels = new HashMap<>();
            rv.get("value_labels").forEach(l -> labels.put(l.get("value").asDouble(), l.get("label").asText()));
            assertThat(v.valueLabels()).as(where + " value labels").isEqualTo(labels);
            assertThat(v.stringValueLabels()).isEmpty();
            List<Double> values = new ArrayList<>();
            rv.get("missing_values").forEach(x -> values.add(number(x)));
            assertThat(m.values()).as(where + " missing values").containsExactly(values.stream().mapToDouble(Double::doubleValue).toArray());
            JsonNode range = rv.get("missing_range");
            if (range.isNull()) {
                assertThat(m.hasRange()).as(where + " has no missing range").isFalse();
            } else {
                assertThat(m.low()).as(where + " range low").isEqualTo(number(range.get(0)));
                assertThat(m.high()).as(where + " range high").isEqualTo(number(range.get(1)));
            }
        } else {
            Map<String, String> labels = new HashMap<>();
            rv.get("value_labels").forEach(l -> labels.put(l.get("value").asText(), l.get("label").asText()));
            assertThat(v.stringValueLabels()).as(where + " value labels").isEqualTo(labels);
            assertThat(v.valueLabels()).isEmpty();
            assertThat(m.strings()).as(where + " missing strings").containsExactlyElementsOf(texts(rv.get("missing_values"), null));
            assertThat(m.hasRange()).isFalse();
            assertThat(v.width()).as(where + " width").isPositive();
        }
    }

    private static void checkData(String file, SpssReader r, FileDictionary d, JsonNode vars, long rows) {
        int n = vars.size();
        double[] sum = new double[n];
        double[] sumAll = new double[n];
        long[] count = new long[n];
        long[] countAll = new long[n];
        Map<Long, Map<Integer, JsonNode>> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (JsonNode c : vars.get(i).get("cells")) {
                cells.computeIfAbsent(c.get("row").asLong(), k -> new HashMap<>()).put(i, c.get("value"));
            }
        }
        long read = 0;
        while (r.next()) {
            assertThat(r.caseIndex()).isEqualTo(read);
            Map<Integer, JsonNode> expected = cells.getOrDefault(read, Map.of());
            for (int i = 0; i < n; i++) {
                Variable v = d.variables().get(i);
                if (v.isNumeric()) {
                    double x = r.number(i);
                    assertThat(r.missingTag(i)).isEqualTo(Double.isNaN(x) ? '.' : (char) 0);
                    if (!Double.isNaN(x)) {
                        sumAll[i] += x;
                        countAll[i]++;
                        if (!v.missing().isMissing(x)) {
                            sum[i] += x;
                            count[i]++;
                        }
                    }
                    if (expected.containsKey(i)) {
                        JsonNode e = expected.get(i);
                        String where = file + " " + v.name() + " row " + read;
                        if (e.isNull()) {
                            assertThat(x).as(where).isNaN();
                        } else {
                            assertClose(where, x, e.asDouble());
                        }
                    }
                } else if (expected.containsKey(i)) {
                    assertThat(r.string(i)).as(file + " " + v.name() + " row " + read).isEqualTo(expected.get(i).asText());
                }
            }
            read++;
        }
        assertThat(read).as(file + " cases read").isEqualTo(rows);
        assertThat(r.next()).isFalse();
        assertThat(r.warnings()).as(file + ": a file as its writer wrote it reads without warnings").isEmpty();
        for (int i = 0; i < n; i++) {
            JsonNode rv = vars.get(i);
            if (rv.get("type").asText().equals("numeric")) {
                String where = file + " " + rv.get("name").asText();
                assertThat(count[i]).as(where + " n").isEqualTo(rv.get("n").asLong());
                assertThat(countAll[i]).as(where + " n_all").isEqualTo(rv.get("n_all").asLong());
                assertClose(where + " sum", sum[i], rv.get("sum").asDouble());
                assertClose(where + " sum_all", sumAll[i], rv.get("sum_all").asDouble());
            }
        }
    }

    private static void assertClose(String where, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as(where + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(RELATIVE * Math.max(1, Math.abs(expected)));
    }

    private static double number(JsonNode x) {
        if (x.isTextual()) {
            return switch (x.asText()) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException(x.asText());
            };
        }
        return x.asDouble();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(field == null ? x.asText() : x.get(field).asText()));
        return out;
    }
}
