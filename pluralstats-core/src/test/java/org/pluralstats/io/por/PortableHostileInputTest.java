package org.pluralstats.io.por;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.SurveyFormatException;

/**
 * Broken and hostile portable files: each is refused with one located line (file, line, byte offset,
 * record and, in the data, the case and variable) and nothing else; the edits are made on the PSPP
 * fixture {@code pspp_mixed.por} (80-column lines, CR LF).
 */
class PortableHostileInputTest {
    /** Edits are made on the unwrapped layout, so that no line break falls inside an edited field. */
    private static final String MIXED = new String(PortableReaderReferenceTest.bytes("pspp_mixed_unwrapped.por"),
            StandardCharsets.ISO_8859_1);
    private static final String WRAPPED = new String(PortableReaderReferenceTest.bytes("pspp_mixed.por"),
            StandardCharsets.ISO_8859_1);

    static Map<String, java.util.List<Object>> read(String text) {
        try (PortableReader r = PortableReader.open(text.getBytes(StandardCharsets.ISO_8859_1), "x.por")) {
            return PortableReaderReferenceTest.readAll(r);
        }
    }

    private static SurveyFormatException refused(String text, String... parts) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(text));
        assertThat(t).isInstanceOf(SurveyFormatException.class);
        String m = t.getMessage();
        assertThat(m).startsWith("x.por").doesNotContain("\n").doesNotContain("\r");
        assertThat(((SurveyFormatException) t).line()).isPresent();
        for (String p : parts) {
            assertThat(m).contains(p);
        }
        return (SurveyFormatException) t;
    }

    private static String replaceOnce(String s, String from, String to) {
        int i = s.indexOf(from);
        assertThat(i).as(from).isNotNegative();
        return s.substring(0, i) + to + s.substring(i + from.length());
    }

    @Test
    void theFixtureReads() {
        assertThat(read(MIXED).get("ID")).hasSize(8);
    }

    @Test
    void aShortFileIsNotPortable() {
        refused(MIXED.substring(0, 300), "ends inside the 464-byte header");
        assertThatThrownBy(() -> read(MIXED.replace("SPSSPORT", "SPSSPURT"))).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("not a portable file");
    }

    @Test
    void truncationAnywhereBeforeTheEndMarkerIsAnError() {
        int z = MIXED.indexOf("ZZZZ");
        refused(MIXED.substring(0, z), "without the end-of-data marker Z", "after 8 cases", "byte offset");
        refused(MIXED.substring(0, z - 100), "case 8", "the file ends inside the value", "column \"LNG\"");
        int wz = WRAPPED.indexOf("ZZZZ");
        SurveyFormatException e = refused(WRAPPED.substring(0, wz - 2), "line 44, column \"LNG\"", "case 8",
                "the file ends inside the value (253 of 255 characters read)");
        assertThat(e.byteOffset()).hasValue(wz - 2);
        int rng = WRAPPED.indexOf("3/3/3/1/K/zz");
        refused(WRAPPED.substring(0, rng + 4), "column \"RNG\"", "the data ends inside case 8, at variable 7 of 10");
        refused(MIXED.substring(0, MIXED.indexOf("F1/5O00")), "the file ends before the data record F");
        // cut inside the Z padding: the file is whole
        assertThat(read(MIXED.substring(0, z + 3)).get("ID")).hasSize(8);
    }

    @Test
    void badDigitsAndTerminators() {
        refused(replaceOnce(MIXED, "F1/5O00/", "F1/5OU0/"), "case 1", "column \"NUM\"", "found \"U\"",
                "expected the / that ends the value");
        refused(replaceOnce(MIXED, "F1/5O00/", "F1/-/"), "found \"/\"", "base-30 number");
        refused(replaceOnce(MIXED, "F1/5O00/", "F1/1+/"), "base-30 exponent digits");
        refused(replaceOnce(MIXED, "F1/5O00/", "F1/1+TTTTTTT/"), "exponent beyond the range of a double");
        refused(replaceOnce(MIXED, "F1/5O00/", "F1/1-1B0/"), "beyond the range of a double (30^-1230)");
        // beyond the double range: infinite, as ReadStat writes infinities (1+TT)
        assertThat(read(replaceOnce(MIXED, "F1/5O00/", "F1/1+80/")).get("NUM").get(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read(replaceOnce(MIXED, "F1/5O00/", "F1/-1+TT/")).get("NUM").get(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        refused(replaceOnce(MIXED, "F1/5O00/", "F1/1" + "0".repeat(500) + "/"), "more than 400 digits");
        // tiny but within bounds: correctly rounded to 0 or a subnormal, not an error
        assertThat(read(replaceOnce(MIXED, "F1/5O00/", "F1/1-7A/")).get("NUM").get(0)).isEqualTo(0.0);
    }

    @Test
    void lengthsAndCountsThatTheFileCannotHold() {
        refused(replaceOnce(MIXED, "1E/GNU pspp", "1TTTTT/GNU pspp"), "integer 0-65535");
        refused(replaceOnce(MIXED, "1E/GNU pspp", "1TTT/GNU pspp"), "the file ends inside the product identification");
        refused(replaceOnce(MIXED, "K/Hello, World!", "L/Hello, World!"), "integer 0-20 for the value length",
                "column \"S\"");
        refused(replaceOnce(MIXED, "4A/", "4TTTTT/"), "all 24299999 variables", "10 were read");
        refused(replaceOnce(MIXED, "4A/", "49/"), "no more than the 9 variables");
        refused(replaceOnce(MIXED, "4A/", "4-1/"), "integer 0-");
        refused(replaceOnce(MIXED, "4A/", "41.F/"), "found \"1.5\"");
        // a label count of 239 reads past the labels into the data, which is no label
        refused(replaceOnce(MIXED, "D1/4/CODE7/", "D1/4/CODE7T/"), "value label record (D)", "column \"CODE\"",
                "for the value label length");
        refused(replaceOnce(MIXED, "D1/4/CODE7/", "DB/4/CODE7/"), "integer 1-10");
    }

    @Test
    void recordsOutOfOrderOrUnknown() {
        refused(replaceOnce(MIXED, "4A/5B/", "5B/4A/").replaceFirst("70/2/ID", "4A/70/2/ID"), "one record 4 only");
        String noCount = replaceOnce(MIXED, "4A/", "");
        refused(noCount, "the variable count record 4 before the first variable");
        refused(replaceOnce(MIXED, "70/3/NUM", "G0/3/NUM"), "found \"G\"", "a record tag");
        refused(replaceOnce(MIXED, "70/2/ID", "C2/xx70/2/ID"), "missing-value and label records right after");
        refused(replaceOnce(MIXED, "CE/A coded answer", "CE/A coded answerCE/A coded answer"), "a second variable label");
        refused(replaceOnce(MIXED, "B30/39/80/", "B30/39/80/80/80/"), "more missing values than SPSS allows");
        refused(replaceOnce(MIXED, "88/n/a ", "B1/2/"), "a missing-value range for a string variable");
        refused(replaceOnce(MIXED, "D1/4/CODE", "D1/4/NOPE"), "value labels for variable NOPE");
        refused(replaceOnce(MIXED, "D1/1/S", "D2/1/S2/ID"), "value labels shared by numeric and string variables");
        refused(replaceOnce(MIXED, "70/3/NUM", "70/3/ID "), "a variable name not used before");
        refused(replaceOnce(MIXED, "A8/", "B8/"), "found \"B\"", "the version code A");
    }

    @Test
    void theEndMarkerMustEndTheData() {
        int z = MIXED.indexOf("ZZZZ");
        refused(MIXED.substring(0, z) + "ZZ1/" + MIXED.substring(z + 4), "only Z padding after the end-of-data marker");
        refused(replaceOnce(MIXED, "8/0/.3/5/", "8/0/.3/Z/"), "the data ends inside case 8", "end-of-data marker Z");
    }

    @Test
    void notPortableFilesAreNotDetected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertThat(PortableReader.looksPortable(png, png.length)).isFalse();
        byte[] csv = "a,b\n1,2\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertThat(PortableReader.looksPortable(csv, csv.length)).isFalse();
        assertThat(PortableReader.looksPortable(new byte[0], 0)).isFalse();
        byte[] por = MIXED.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PortableReader.looksPortable(por, PortableReader.HEAD_BYTES)).isTrue();
    }
}
