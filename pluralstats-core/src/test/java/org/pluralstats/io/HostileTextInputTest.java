package org.pluralstats.io;

import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.io.sidefile.ScoreTableFiles;
import org.pluralstats.io.sidefile.PopulationMapFiles;
import org.pluralstats.io.sidefile.MarginFiles;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.SafeText;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.forms.Codebook;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.FormsComparison;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.io.Json;

/**
 * Hostile text inputs for the JSON readers, the Forms reader's messages and the text, CSV and JSON
 * outputs (issue 10, items 6-8): every case either reads exactly or fails with one located line,
 * and nothing printed carries an e-mail address, a control character or a spreadsheet formula.
 */
class HostileTextInputTest {
    private static final String CODEBOOK_HEAD = "{\"format\": \"pluralstats-forms-codebook\", \"version\": 1, ";

    @TempDir
    Path dir;

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SurveyFormatException fails(Runnable r) {
        SurveyFormatException e = catchThrowableOfType(SurveyFormatException.class, r::run);
        assertThat(e).as("a SurveyFormatException").isNotNull();
        oneSafeLine(e.getMessage());
        return e;
    }

    /** One line, no control character a terminal acts on, no e-mail address. */
    private static void oneSafeLine(String s) {
        assertThat(s).doesNotContain("\n", "\r", "\u001b", "\u0007", "\u009b", "\u202e", "@", "\uff20");
        assertThat(s.chars().filter(c -> c < 0x20 || c >= 0x7f && c <= 0x9f)).isEmpty();
    }

    // --- duplicate keys, one case per kind of JSON input --------------------------------------------

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of("outputs.jsonl", "{\"model\":\"m\",\"language\":\"da\",\"item\":\"F1\",\"labels\":[\"pro\"]}\n"
                        + "{\"model\":\"m\",\"language\":\"da\",\"item\":\"F1\",\"item\":\"F2\",\"labels\":[\"con\"]}\n",
                        2, "item", (Function<Path, Object>) ModelOutputFiles::read),
                Arguments.of("items.json", "{\"items\":[{\"id\":\"Q1\",\"positive\":[1],\n\"positive\":[2]}]}", 2, "positive",
                        (Function<Path, Object>) ItemCodingFiles::read),
                Arguments.of("analysis.json", "{\"title\":\"a\",\n\"models\":{\"outputs\":\"x.jsonl\",\"seed\":1,\n\"seed\":2}}",
                        3, "seed", (Function<Path, Object>) Analysis::read),
                Arguments.of("populations.json", "{\"column\":\"c\",\"populations\":{\"DNK\":\"da\",\n\"DNK\":\"en\"}}", 2, "DNK",
                        (Function<Path, Object>) p -> PopulationMapFiles.read(p, Optional.empty())),
                Arguments.of("codebook.json", CODEBOOK_HEAD + "\n\"version\": 1, \"items\": []}", 2, "version",
                        (Function<Path, Object>) Codebook::read),
                Arguments.of("scores.json", "[{\"population\":\"a\",\"item\":\"Q1\",\"vps\":0.5,\n\"vps\":0.4}]", 2, "vps",
                        (Function<Path, Object>) ScoreTableFiles::read),
                Arguments.of("margins.json", "{\"margins\":[{\"variable\":\"sex\",\"targets\":{\"1\":40,\n\"1\":60}}]}", 2, "1",
                        (Function<Path, Object>) MarginFiles::read),
                Arguments.of("answers.json", "[{\"question\":\"q\",\"options\":[\"a\"],\"counts\":[1],\n\"counts\":[2]}]", 2,
                        "counts", (Function<Path, Object>) OptionDistributionFiles::read));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void aKeyGivenTwiceIsRefusedWithItsLine(String file, String text, int line, String key, Function<Path, Object> read) {
        Path p = write(file, text);
        SurveyFormatException e = fails(() -> read.apply(p));
        assertThat(e.getMessage()).contains(file).contains("line " + line).contains("duplicate key '" + key + "'");
        assertThat(e.line()).hasValue(line);
    }

    // --- wrongly typed fields -----------------------------------------------------------------------

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("{\"models\":{\"outputs\":\"x.jsonl\",\"seed\":\"abc\"}}", "models.seed", "found \"abc\""),
                Arguments.of("{\"models\":{\"outputs\":\"x.jsonl\",\"seed\":1.5}}", "models.seed", "found 1.5"),
                Arguments.of("{\"models\":{\"outputs\":\"x.jsonl\",\"seed\":" + "9".repeat(40) + "}}", "models.seed",
                        "expected a whole number"),
                Arguments.of("{\"models\":{\"outputs\":\"x.jsonl\",\"bootstrap\":true}}", "models.bootstrap", "found \"true\""),
                Arguments.of("{\"similarity\":{\"human\":\"h.csv\",\"model\":\"m.csv\",\"seed\":\"7\"}}", "similarity.seed",
                        "found \"7\""),
                Arguments.of("{\"title\":5,\"models\":[\"x.jsonl\"]}", "title", "found 5"),
                Arguments.of("{\"models\":{\"outputs\":\"x.jsonl\",\"level\":1}}", "models.level",
                        "expected \"item\" or \"response\""),
                Arguments.of("{\"models\":{\"outputs\":\"x.jsonl\",\"alignWith\":[1]}}", "models.alignWith", "found 1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    void aWronglyTypedAnalysisFieldIsAnErrorNotTheDefault(String json, String field, String shown) {
        Path p = write("analysis.json", json);
        SurveyFormatException e = fails(() -> Analysis.read(p));
        assertThat(e.getMessage()).contains("analysis.json").contains("column \"" + field + "\"").contains(shown);
    }

    @Test
    void wronglyTypedFieldsOfTheOtherSideFiles() {
        Path items = write("items.json", "{\"items\":[{\"id\":\"Q1\",\"positive\":[1],\"reverse\":\"yes\"}]}");
        assertThat(fails(() -> ItemCodingFiles.read(items))).hasMessageContaining("column \"items[0].reverse\"")
                .hasMessageContaining("expected true or false");
        Path npm = write("items2.json", "{\"items\":[{\"id\":\"Q1\",\"positive\":[1]}],\"nonPositiveMissing\":1}");
        assertThat(fails(() -> ItemCodingFiles.read(npm))).hasMessageContaining("nonPositiveMissing");
        Path scores = write("scores.json", "[{\"population\":\"a\",\"item\":\"Q1\",\"vps\":0.5,\"n\":\"12\"}]");
        assertThat(fails(() -> ScoreTableFiles.read(scores))).hasMessageContaining("column \"[0].n\"");
        Path fraction = write("scores2.json", "[{\"population\":\"a\",\"item\":\"Q1\",\"vps\":0.5,\"n\":12.5}]");
        assertThat(fails(() -> ScoreTableFiles.read(fraction))).hasMessageContaining("(12.5)").hasMessageContaining("expected a whole number");
        Path huge = write("scores3.json", "[{\"population\":\"a\",\"item\":\"Q1\",\"vps\":1e400}]");
        assertThat(fails(() -> ScoreTableFiles.read(huge))).hasMessageContaining("expected a finite number");
        Path codebook = write("cb.json", CODEBOOK_HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"scale\", "
                + "\"headers\": {\"en\": \"Q\"}, \"scale\": {\"min\": \"1\", \"max\": 5}}]}");
        assertThat(fails(() -> Codebook.read(codebook))).hasMessageContaining("column \"items[0].scale.min\"")
                .hasMessageContaining("wrong JSON type").hasMessageNotContaining("CoercionConfig");
        Path floatMax = write("cb2.json", CODEBOOK_HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"scale\", "
                + "\"headers\": {\"en\": \"Q\"}, \"scale\": {\"min\": 1, \"max\": 5.5}}]}");
        assertThat(fails(() -> Codebook.read(floatMax))).hasMessageContaining("column \"items[0].scale.max\"");
        Path generation = write("g.jsonl", "{\"model\":\"m\",\"language\":\"da\",\"item\":\"F1\",\"generation\":\"2\","
                + "\"labels\":[\"pro\"]}\n");
        assertThat(fails(() -> ModelOutputFiles.read(generation))).hasMessageContaining("line 1")
                .hasMessageContaining("column \"generation\"");
        Path margins = write("m.json", "{\"targets\":\"shares\",\"margins\":[{\"variable\":\"sex\",\"targets\":{\"1\":1}}]}");
        assertThat(fails(() -> MarginFiles.read(margins))).hasMessageContaining("column \"targets\"");
        Path map = write("map.json", "{\"column\":\"c\",\"populations\":{\"DNK\":7}}");
        assertThat(fails(() -> PopulationMapFiles.read(map, Optional.empty())))
                .hasMessageContaining("column \"populations.DNK\"");
    }

    @Test
    void anItemGivenTwiceInAnItemsFileIsRefused() {
        Path p = write("items.json", "{\"items\":[{\"id\":\"Q1\",\"positive\":[1]},{\"id\":\"q1\",\"positive\":[1,2]}]}");
        assertThat(fails(() -> ItemCodingFiles.read(p))).hasMessageContaining("column \"items[1]\"")
                .hasMessageContaining("item given twice (also items[0])");
    }

    // --- one JSON value per line --------------------------------------------------------------------

    private static final String ROW = "{\"model\":\"m\",\"language\":\"da\",\"item\":\"F1\",\"labels\":[\"pro\"]}";

    @ParameterizedTest
    @ValueSource(strings = {ROW + ROW, ROW + " junk", ROW + " ,", ROW + " 1"})
    void aSecondValueOnAJsonlLineIsALocatedError(String second) {
        Path p = write("two.jsonl", ROW + "\n" + second + "\n");
        SurveyFormatException e = fails(() -> ModelOutputFiles.read(p));
        assertThat(e.getMessage()).contains("two.jsonl, line 2, column \"character ");
        assertThat(e.line()).hasValue(2);
    }

    @Test
    void anArrayFollowedByMoreLinesIsALocatedError() {
        Path p = write("array.json", "[" + ROW + "]\n" + ROW + "\n");
        SurveyFormatException e = fails(() -> ModelOutputFiles.read(p));
        assertThat(e.getMessage()).contains("array.json, line 2").contains("more than one JSON value");
    }

    @Test
    void anObjectFollowedByMoreObjectsInASideFileIsALocatedError() {
        Path p = write("items.json", "{\"items\":[{\"id\":\"Q1\",\"positive\":[1]}]}\n{\"items\":[]}\n");
        assertThat(fails(() -> ItemCodingFiles.read(p))).hasMessageContaining("items.json, line 2")
                .hasMessageContaining("more than one JSON value");
    }

    @Test
    void oneValuePerLineStillReads() {
        Path p = write("ok.jsonl", ROW + "\n\n" + ROW.replace("F1", "F2") + "\n");
        assertThat(ModelOutputFiles.read(p).accounting().inputRows()).isEqualTo(2);
    }

    // --- e-mail addresses ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"john.doe@example.org", "x@[192.168.0.1]", "x@[IPv6:2001:db8::1]", "x@host",
        "x\uff20example\uff0ecom", "x@example\u3002com", "\"john doe\"@example.com", "j\u00f6rg+tag@b\u00fccher.de",
        "x\ufe6bexample.org"})
    void everyFormOfAnEMailAddressIsMasked(String address) {
        assertThat(SafeText.isEmail(address)).isTrue();
        String masked = SafeText.maskEmails("write to " + address + ", please");
        assertThat(masked).isEqualTo("write to " + SafeText.EMAIL_MASK + ", please");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@handle", "a @ b", "3 @ 4 euro", "user@", "no address here"})
    void textsThatAreNotAddressesAreKept(String text) {
        assertThat(SafeText.maskEmails(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"john.doe@example.org", "x@[192.168.0.1]", "x@host", "x\uff20example\uff0ecom",
        " \"john doe\"@example.com"})
    void anEMailAddressInAMalformedFormsExportIsNotQuotedInTheMessage(String address) {
        // a quoted field followed by more text: Commons CSV stops, and the message quotes what follows
        Path p = write("form.csv", "Timestamp,Q1,Email\n8/4/2025 23:25:41,3,\"a\"" + address + "\n");
        SurveyFormatException e = fails(() -> GoogleFormsReader.read("g", p, FormsReadOptions.defaults()));
        assertThat(e.getMessage()).contains("form.csv, line 2").contains(SafeText.EMAIL_MASK)
                .doesNotContain("example", "192.168", "host", "doe");
    }

    @Test
    void anEMailAddressInAColumnHeaderOrLabelIsMaskedInMessages() {
        SurveyFormatException e = SurveyFormatException.in("f.csv").line(3).column("mail x@[10.0.0.1] here")
                .record("row of x@host").found("x\uff20example\uff0ecom").expected("not x@y").problem("see \"a b\"@c.de")
                .build();
        assertThat(e.getMessage()).doesNotContain("10.0.0.1", "host", "example", "c.de");
        oneSafeLine(e.getMessage());
    }

    // --- control characters -------------------------------------------------------------------------

    private static final String TERMINAL_ATTACK = "Q\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil";

    @Test
    void controlCharactersInAHeaderReachAnErrorMessageEscaped() {
        // a duplicate header: the CSV reader names it in its message
        Path p = write("data.csv", "\"" + TERMINAL_ATTACK + "\",\"" + TERMINAL_ATTACK + "\"\n1,2\n");
        SurveyFormatException e = fails(() -> SurveyFiles.read(p));
        assertThat(e.getMessage()).contains("Q\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil");
    }

    @Test
    void controlCharactersInAFormsHeaderReachAMarkdownTableEscaped() {
        Path p = write("form.csv", "Timestamp,\"" + TERMINAL_ATTACK + "\"\n8/4/2025 23:25:41,3\n8/4/2025 23:26:41,4\n");
        FormsComparison fc = FormsComparison.of(GoogleFormsReader.read("g\u001b[1m", p, FormsReadOptions.defaults()), Map.of());
        String md = ResultTableWriters.markdown(fc.table()) + ResultTableWriters.markdown(fc.means());
        assertThat(md).contains("\\x1b]0;pwned\\x07").contains("g\\x1b[1m");
        assertThat(md.chars().filter(c -> c != '\n' && (c < 0x20 || c >= 0x7f && c <= 0x9f) || c == 0x202e)).isEmpty();
    }

    @Test
    void everyLibraryMessageIsOneLine() {
        assertThat(new org.pluralstats.PluralstatsException("a\nb\u001b[2J\u0000\u007f\u2028\ud800.").getMessage())
                .isEqualTo("a\\nb\\x1b[2J\\x00\\x7f\\u2028\\ud800.");
        assertThat(SafeText.escapeControls("\u0639\u0631\u0628\u064a \u4e2d\u6587 \ud83d\ude00 \u00e9")).isEqualTo(
                "\u0639\u0631\u0628\u064a \u4e2d\u6587 \ud83d\ude00 \u00e9");
        assertThat(new ReadWarning("f\u0007.sav", "case 1, variable Q\u001b", "label x@host").toString())
                .isEqualTo("f\\x07.sav: case 1, variable Q\\x1b: label " + SafeText.EMAIL_MASK);
    }

    // --- CSV outputs: formula injection -------------------------------------------------------------

    @Test
    void formulaLikeCellsAreNeutralisedAndNumbersKept() {
        assertThat(CsvOutput.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Stream.of("+cmd", "-cmd", "@SUM(A1)", "\tx", "\r=1", "=1+1", "-", "+", "--2", "-2-3")
                .map(CsvOutput::neutralise)).allMatch(s -> s.startsWith("'"));
        assertThat(Stream.of("-2", "-0.5", "+1e3", "-.5", "+3.", "-1E-7", "12", "", "a=b", "x@y"))
                .allMatch(s -> CsvOutput.neutralise(s).equals(s));
    }

    @Test
    void convertToCsvNeutralisesTextCellsUnlessRaw() throws IOException {
        Path p = write("data.csv", "id,comment,score\n1,\"=cmd|'/C calc'!A0\",-2\n2,@SUM(1),-0.5\n3,-2,+1e3\n");
        String safe;
        String raw;
        try (CaseReader r = SurveyFiles.open(p)) {
            StringWriter w = new StringWriter();
            CaseExport.toCsv(r, w, false);
            safe = w.toString();
        }
        try (CaseReader r = SurveyFiles.open(p)) {
            StringWriter w = new StringWriter();
            CaseExport.toCsv(r, w, false, false);
            raw = w.toString();
        }
        assertThat(safe).isEqualTo("id,comment,score\n1,'=cmd|'/C calc'!A0,-2\n2,'@SUM(1),-0.5\n3,-2,1000\n");
        assertThat(raw).isEqualTo("id,comment,score\n1,=cmd|'/C calc'!A0,-2\n2,@SUM(1),-0.5\n3,-2,1000\n");
    }

    // --- numbers too large for a double ---------------------------------------------------------------

    @Test
    void aFourHundredDigitNumberReachesJsonAsValidJson() throws IOException {
        String big = "9".repeat(400);
        Path p = write("big.csv", "a,b\n1," + big + "\n2,3\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaseReader r = SurveyFiles.open(p)) {
            CaseExport.toJsonLines(r, out, false);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper strict = new ObjectMapper();
        JsonNode first = strict.readTree(lines.get(0));
        // as pandas reads it: the column is text (dtype object), the digits kept exactly
        assertThat(first.get("b").textValue()).isEqualTo(big);
        assertThat(strict.readTree(lines.get(1)).get("b").textValue()).isEqualTo("3");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Infinity");
    }

    @Test
    void nonFiniteNumbersAreNullInEveryJson() throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("inf", Double.POSITIVE_INFINITY);
        o.put("nan", Double.NaN);
        o.put("f", Float.NEGATIVE_INFINITY);
        o.put("big", new java.math.BigInteger("9".repeat(400)));
        o.put("label", "a\u009b2J\u202e");
        String text = Json.write(o);
        assertThat(text).doesNotContain("Infinity", "NaN", "\u009b", "\u202e").contains("\\u009b");
        JsonNode back = new ObjectMapper().readTree(text);
        assertThat(back.get("inf").isNull()).isTrue();
        assertThat(back.get("nan").isNull()).isTrue();
        assertThat(back.get("f").isNull()).isTrue();
        assertThat(back.get("big").bigIntegerValue().toString()).isEqualTo("9".repeat(400));
        assertThat(back.get("label").textValue()).isEqualTo("a\u009b2J\u202e");
    }

    @Test
    void strictReadingKeepsWellFormedFilesReadable() {
        Path p = write("items.json", "\uFEFF{\"items\":[{\"id\":\"Q1\",\"positive\":[1,2],\"label\":\"x\",\"reverse\":false}]}");
        assertThatCode(() -> ItemCodingFiles.read(p)).doesNotThrowAnyException();
    }
}
