package org.pluralstats.io.por;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.Variable;

/**
 * Compares {@link PortableReader} with two references on portable files written by PSPP 1.6.2
 * ({@code tools/make_por_fixtures.sh}): R {@code foreign::read.spss} for the dictionary, strings, counts
 * and values ({@code reference_foreign.json}), and the exact values of every number, correctly
 * rounded with Python fractions ({@code reference_exact.json}, {@code tools/por/por_exact.py}).
 * foreign's arithmetic (repeated double multiply-adds, as in PSPP's old pfm-read.c) is off in the last
 * places, so it is compared to 1e-12 relative; the exact values are compared with {@code ==}.
 */
class PortableReaderReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dir() {
        try {
            return Path.of(PortableReaderReferenceTest.class.getResource("/org/pluralstats/io/por/reference_foreign.json")
                    .toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixtures and the file whose reference values they must reproduce (the same data in another layout). */
    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of("pspp_mixed.por", "pspp_mixed.por"),
                Arguments.of("pspp_mixed_unwrapped.por", "pspp_mixed.por"),
                Arguments.of("pspp_mixed_lf_trimmed.por", "pspp_mixed.por"),
                Arguments.of("pspp_weighted_doc.por", "pspp_mixed.por"),
                Arguments.of("pspp_many.por", "pspp_many.por"),
                Arguments.of("pspp_many_unwrapped.por", "pspp_many.por"));
    }

    /** Every column of a file: Double (NaN for system-missing) or String. */
    static Map<String, List<Object>> readAll(PortableReader r) {
        FileDictionary d = r.dictionary();
        Map<String, List<Object>> cols = new java.util.LinkedHashMap<>();
        for (Variable v : d.variables()) {
            cols.put(v.name(), new ArrayList<>());
        }
        while (r.next()) {
            for (Variable v : d.variables()) {
                cols.get(v.name()).add(v.isNumeric() ? (Object) r.number(v.index()) : r.string(v.index()));
            }
        }
        return cols;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void agreesWithForeign(String file, String refName) throws IOException {
        JsonNode ref = JSON.readTree(dir().resolve("reference_foreign.json").toFile()).get("files").get(refName);
        try (PortableReader r = PortableReader.open(dir().resolve(file))) {
            FileDictionary d = r.dictionary();
            assertThat(d.format()).isEqualTo(FileFormat.POR);
            assertThat(d.rows()).isEqualTo(-1);
            List<String> names = new ArrayList<>();
            ref.get("variables").forEach(v -> names.add(v.get("name").asText()));
            assertThat(d.names()).containsExactlyElementsOf(names);
            for (JsonNode rv : ref.get("variables")) {
                checkDictionary(file, rv, d.find(rv.get("name").asText()).orElseThrow());
            }
            Map<String, List<Object>> cols = readAll(r);
            for (JsonNode rv : ref.get("variables")) {
                String name = rv.get("name").asText();
                List<Object> col = cols.get(name);
                String where = file + " " + name;
                assertThat(col).as(where + " rows").hasSize(ref.get("rows").asInt());
                assertThat(col.stream().filter(x -> !(x instanceof Double dd && dd.isNaN())).count())
                        .as(where + " non-missing").isEqualTo(rv.get("non_missing").asLong());
                JsonNode values = rv.has("values") ? rv.get("values") : rv.get("first");
                for (int i = 0; i < values.size(); i++) {
                    JsonNode x = values.get(i);
                    if (rv.get("numeric").asBoolean()) {
                        assertNumber(where + " case " + (i + 1), (Double) col.get(i), x);
                    } else if (name.equals("S") && i == 6) {
                        // "tab<TAB>in": the tab is not in the portable character set. foreign stops the
                        // string at it ("tab"); PSPP drops the byte ("tabin"), and so do we, with a warning.
                        assertThat(x.asText()).isEqualTo("tab");
                        assertThat(col.get(i)).isEqualTo("tabin");
                    } else {
                        assertThat(col.get(i)).as(where + " case " + (i + 1)).isEqualTo(x.asText());
                    }
                }
                if (rv.get("numeric").asBoolean() && !rv.get("sum").asText().equals("Inf")) {
                    double sum = 0;
                    for (Object o : col) {
                        double v = (Double) o;
                        sum += Double.isNaN(v) ? 0 : v;
                    }
                    assertThat(sum).as(where + " sum").isCloseTo(Double.parseDouble(rv.get("sum").asText()),
                            within(1e-12 * Math.max(1, Math.abs(sum))));
                }
            }
        }
    }

    private static void assertNumber(String where, double got, JsonNode ref) {
        if (ref.isNull()) {
            assertThat(got).as(where).isNaN();
        } else if (ref.asText().equals("Inf")) {
            // foreign overflows PSPP's rounding of DBL_MAX; PSPP itself reads it as DBL_MAX
            assertThat(got).as(where).isEqualTo(Double.MAX_VALUE);
        } else {
            double want = Double.parseDouble(ref.asText());
            // foreign multiplies by pow(30, -n), which is 8e-9 off relative for 1e-300 (the exact value
            // is checked in everyNumberIsTheCorrectlyRoundedValueOfTheFile)
            double relative = Math.abs(want) < 1e-250 ? 1e-8 : 1e-12;
            assertThat(got).as(where).isCloseTo(want, within(relative * Math.abs(want)));
        }
    }

    private static void checkDictionary(String file, JsonNode rv, Variable v) {
        String where = file + " " + v.name();
        assertThat(v.label()).as(where + " label").isEqualTo(rv.get("label").asText());
        assertThat(v.isNumeric()).as(where + " type").isEqualTo(rv.get("numeric").asBoolean());
        if (v.isNumeric()) {
            Map<Double, String> labels = new HashMap<>();
            rv.get("value_labels").forEach(l -> labels.put(Double.parseDouble(l.get("value").asText()),
                    l.get("label").asText()));
            assertThat(v.valueLabels()).as(where + " value labels").isEqualTo(labels);
        } else {
            Map<String, String> labels = new HashMap<>();
            rv.get("value_labels").forEach(l -> labels.put(l.get("value").asText(), l.get("label").asText()));
            assertThat(v.stringValueLabels()).as(where + " value labels").isEqualTo(labels);
        }
        MissingValues m = v.missing();
        List<String> mv = new ArrayList<>();
        rv.get("missing_values").forEach(x -> mv.add(x.asText()));
        String type = rv.get("missing_type").isNull() ? "none" : rv.get("missing_type").asText();
        switch (type) {
            case "none" -> assertThat(m.isEmpty()).as(where + " missing").isTrue();
            case "one", "two", "three" -> {
                if (v.isNumeric()) {
                    assertThat(m.values()).as(where).containsExactly(mv.stream().mapToDouble(Double::parseDouble).toArray());
                } else {
                    assertThat(m.strings()).as(where).containsExactlyElementsOf(mv);
                }
                assertThat(m.hasRange()).isFalse();
            }
            case "low" -> {
                assertThat(m.low()).as(where).isEqualTo(Double.NEGATIVE_INFINITY);
                assertThat(m.high()).as(where).isEqualTo(Double.parseDouble(mv.get(0)));
            }
            case "high" -> {
                // PSPP 1.6 writes "x THRU HI" as its upper bound, HI (DBL_MAX rounded up), which foreign
                // overflows to Inf: the file says "DBL_MAX THRU HI", and that is what is read.
                assertThat(mv.get(0)).isEqualTo("Inf");
                assertThat(m.low()).as(where).isEqualTo(Double.MAX_VALUE);
                assertThat(m.high()).as(where).isEqualTo(Double.POSITIVE_INFINITY);
            }
            case "range", "range+1" -> {
                assertThat(m.low()).as(where).isEqualTo(Double.parseDouble(mv.get(0)));
                assertThat(m.high()).as(where).isEqualTo(Double.parseDouble(mv.get(1)));
                assertThat(m.values()).as(where).containsExactly(mv.subList(2, mv.size()).stream()
                        .mapToDouble(Double::parseDouble).toArray());
            }
            default -> throw new AssertionError(where + ": missing type " + type);
        }
    }

    /** The files with exact reference values: every PSPP layout, and the ReadStat-written file. */
    static Stream<Arguments> exactFiles() {
        return Stream.concat(layouts(), Stream.of(Arguments.of("readstat_mixed.por", "readstat_mixed.por")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactFiles")
    void everyNumberIsTheCorrectlyRoundedValueOfTheFile(String file, String refName) throws IOException {
        JsonNode ref = JSON.readTree(dir().resolve("reference_exact.json").toFile()).get("files").get(refName);
        try (PortableReader r = PortableReader.open(dir().resolve(file))) {
            Map<String, List<Object>> cols = readAll(r);
            int checked = 0;
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) ref::fields) {
                List<Object> col = cols.get(e.getKey());
                JsonNode values = e.getValue();
                for (int i = 0; i < values.size(); i++) {
                    JsonNode x = values.get(i);
                    double got = (Double) col.get(i);
                    String where = file + " " + e.getKey() + " case " + (i + 1);
                    if (x.isNull()) {
                        assertThat(got).as(where).isNaN();
                    } else if (x.asText().equals("overflow")) {
                        assertThat(got).as(where).isEqualTo(Double.MAX_VALUE);
                    } else {
                        assertThat(got).as(where).isEqualTo(Double.parseDouble(x.asText()));
                    }
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(50);
        }
    }

    @Test
    void theNumbersOfTheIssueAreExact() {
        try (PortableReader r = PortableReader.open(dir().resolve("pspp_mixed.por"))) {
            Map<String, List<Object>> cols = readAll(r);
            // written by DATA LIST as 156600, 1.651397e-05, -1 ...; PSPP writes these exactly in base 30
            assertThat(cols.get("NUM").subList(0, 3)).containsExactly(156600.0, 1.651397e-05, -1.0);
            assertThat(cols.get("NEG")).containsExactly(-0.125, -1.5, -0.001, -123456.789, -2.5e-10, 0.0, 12345678.5, 0.1);
            assertThat(cols.get("CODE").get(4)).isEqualTo(Double.NaN);
            // PSPP writes 1e20 and 1e-300 with 15 significant digits: the file holds other numbers
            assertThat(cols.get("NUM").get(3)).isEqualTo(1.0000000000000016e20);
            assertThat(cols.get("NUM").get(4)).isEqualTo(9.999999999999994e-301);
            assertThat(cols.get("NUM").get(5)).isEqualTo(Double.MAX_VALUE);
            assertThat(cols.get("S")).containsExactly("Hello, World!", "lower case; (punct)", "n/a", "Don't / (quote)", "",
                    "A=B+C*D", "tabin", "zz");
            assertThat(cols.get("LNG").get(5)).isEqualTo("trailing");
            List<String> w = r.warnings().stream().map(ReadWarning::toString).toList();
            assertThat(w).hasSize(2);
            assertThat(w.get(0)).contains("1 byte in strings").contains("variable S").contains("line 37, column 57, data record (F), case 7");
            assertThat(w.get(1)).contains("2 numbers just above the largest double");
        }
    }

    @Test
    void readStatsStyleIsRead() {
        // ReadStat 1.1.8 writes exponents with +, exact binary fractions in up to ~50 base-30 digits,
        // unpadded strings, an empty document record, and LO/HI as -1+TT/1+TT
        try (PortableReader a = PortableReader.open(dir().resolve("pspp_mixed.por"));
             PortableReader b = PortableReader.open(dir().resolve("readstat_mixed.por"))) {
            assertThat(b.dictionary().names()).isEqualTo(a.dictionary().names());
            for (Variable v : a.dictionary().variables()) {
                Variable w = b.dictionary().variables().get(v.index());
                assertThat(w.label()).isEqualTo(v.label());
                assertThat(w.valueLabels()).isEqualTo(v.valueLabels());
                assertThat(w.stringValueLabels()).isEmpty(); // ReadStat does not write string value labels
            }
            assertThat(b.dictionary().find("CODE").orElseThrow().missing()).isEqualTo(
                    a.dictionary().find("CODE").orElseThrow().missing());
            // the range read by PSPP from "DBL_MAX THRU HI" came out of haven/ReadStat as LO THRU +inf (1+TT)
            MissingValues hi = b.dictionary().find("HI").orElseThrow().missing();
            assertThat(hi.low()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(hi.high()).isEqualTo(Double.POSITIVE_INFINITY);
            Map<String, List<Object>> ra = readAll(a);
            Map<String, List<Object>> rb = readAll(b);
            assertThat(rb.get("S")).isEqualTo(ra.get("S"));
            assertThat(rb.get("LNG")).isEqualTo(ra.get("LNG"));
            assertThat(rb.get("NUM").get(0)).isEqualTo(156600.0);
            assertThat(rb.get("NEG")).isEqualTo(List.of(-0.125, -1.5, -0.0009999999999999998, -123456.789, -2.5e-10, 0.0,
                    12345678.5, 0.1));
        }
    }

    @Test
    void weightAndDocumentRecordsAreRead() {
        try (PortableReader a = PortableReader.open(dir().resolve("pspp_mixed.por"));
             PortableReader b = PortableReader.open(dir().resolve("pspp_weighted_doc.por"))) {
            assertThat(b.dictionary().variables()).isEqualTo(a.dictionary().variables());
            assertThat(readAll(b)).isEqualTo(readAll(a));
        }
    }

    @Test
    void bytesOutsideTheCharacterTableAreDroppedAsPsppDoesWithAWarning() {
        try (PortableReader r = PortableReader.open(dir().resolve("pspp_utf8.por"))) {
            assertThat(readAll(r).get("S")).containsExactly("caf", "plain");
            assertThat(r.warnings()).hasSize(1);
            assertThat(r.warnings().get(0).message()).startsWith("2 bytes in strings");
        }
    }

    @Test
    void surveyFilesDetectsEveryLayoutByContent() throws IOException {
        for (String f : List.of("pspp_mixed.por", "pspp_mixed_unwrapped.por", "pspp_mixed_lf_trimmed.por",
                "pspp_many_unwrapped.por", "pspp_utf8.por")) {
            Path p = dir().resolve(f);
            assertThat(SurveyFiles.detect(p)).as(f).isEqualTo(FileFormat.POR);
            byte[] head = Files.readAllBytes(p);
            assertThat(PortableReader.looksPortable(head, Math.min(head.length, PortableReader.HEAD_BYTES))).isTrue();
            assertThat(PortableReader.looksPortable(head, 400)).isFalse();
        }
        try (var r = SurveyFiles.open(dir().resolve("pspp_many.por"))) {
            assertThat(r).isInstanceOf(PortableReader.class);
        }
        var data = SurveyFiles.read(dir().resolve("pspp_mixed.por"));
        assertThat(data.rows()).isEqualTo(8);
        assertThat(data.warnings()).hasSize(2);
    }
}
