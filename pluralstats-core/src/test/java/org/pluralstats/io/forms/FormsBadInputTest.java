package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.io.forms.Fixtures.groups;
import static org.pluralstats.io.forms.Fixtures.write;
import static org.pluralstats.io.forms.Fixtures.writeBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;

/** Every malformed input gives a {@link SurveyFormatException} naming file, line and column; no result. */
class FormsBadInputTest {
    private static final String CODEBOOK = "{\"format\": \"pluralstats-forms-codebook\", \"version\": 1, \"items\": ["
            + "{\"id\": \"Q1\", \"kind\": \"scale\", \"scale\": {\"min\": 1, \"max\": 10},"
            + " \"headers\": {\"en\": \"How much do you agree?\"}},"
            + "{\"id\": \"Q4\", \"kind\": \"choice\", \"headers\": {\"en\": \"Which model?\"},"
            + " \"options\": [{\"code\": \"A\", \"texts\": {\"en\": \"Model A\"}},"
            + " {\"code\": \"B\", \"texts\": {\"en\": \"Model B\"}}]}]}";

    @TempDir
    Path dir;

    private SurveyFormatException fails(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(SurveyFormatException.class);
        return (SurveyFormatException) t;
    }

    private SurveyFormatException read(String name, String csv) {
        Path file = write(dir, name, csv);
        return fails(() -> GoogleFormsReader.read("g", file, FormsReadOptions.defaults()));
    }

    private SurveyFormatException readWithCodebook(String name, String csv) {
        Path file = write(dir, name, csv);
        FormsReadOptions o = FormsReadOptions.builder().codebook(Codebook.parse(CODEBOOK, "cb.json")).build();
        return fails(() -> GoogleFormsReader.read("g", file, o));
    }

    private static void names(SurveyFormatException e, String file, long line, String column) {
        assertThat(e.getMessage()).contains(file).contains("line " + line).contains("column \"" + column + "\"");
        assertThat(e.file()).endsWith(file);
        assertThat(e.line()).hasValue(line);
        assertThat(e.column()).contains(column);
    }

    @Test
    void raggedRowTooShort() {
        SurveyFormatException e = read("short.csv",
                "Timestamp,How much do you agree?,Which model?\n8/4/2025 23:25:41,3,Model A\n8/4/2025 23:29:41,3\n");
        names(e, "short.csv", 3, "Which model?");
        assertThat(e).hasMessageContaining("the row ends after 2 fields").hasMessageContaining("expected 3 fields");
    }

    @Test
    void raggedRowTooLong() {
        SurveyFormatException e = read("long.csv",
                "Timestamp,How much do you agree?\n8/4/2025 23:25:41,3\n\"8/4/2025 23:29:41\",\"3\nor 4\",5\n");
        names(e, "long.csv", 4, "column 3");
        assertThat(e).hasMessageContaining("the row has 3 fields but the header has 2");
    }

    @Test
    void unterminatedQuote() {
        SurveyFormatException e = read("quote.csv", "Timestamp,How much do you agree?,Which model?\n"
                + "8/4/2025 23:25:41,3,Model A\n8/4/2025 23:29:41,4,\"Model B\n8/4/2025 23:35:00,5,Model A\n");
        names(e, "quote.csv", 3, "Which model?");
        assertThat(e).hasMessageContaining("never closed").hasMessageContaining("expected a closing \"");
    }

    @Test
    void unterminatedQuoteInTheHeader() {
        SurveyFormatException e = read("header.csv", "Timestamp,\"How much do you agree?\n8/4/2025 23:25:41,3\n");
        names(e, "header.csv", 1, "column 2");
    }

    @Test
    void textAfterAClosingQuote() {
        SurveyFormatException e = read("after.csv", "Timestamp,Which model?\n8/4/2025 23:25:41,\"Model\" A\n");
        names(e, "after.csv", 2, "Which model?");
        assertThat(e).hasMessageContaining("found \" A\"");
    }

    @Test
    void nonNumericAnswerInAScaleItem() {
        SurveyFormatException e = readWithCodebook("text.csv", "Timestamp,How much do you agree?,Which model?\n"
                + "8/4/2025 23:25:41,3,Model A\n8/4/2025 23:29:41,seven,Model B\n");
        names(e, "text.csv", 3, "How much do you agree?");
        assertThat(e).hasMessageContaining("found \"seven\"")
                .hasMessageContaining("expected an integer from 1 to 10 (the scale of item Q1 in cb.json)");
    }

    @Test
    void valueOutsideTheScale() {
        SurveyFormatException e = readWithCodebook("eleven.csv", "Timestamp,How much do you agree?,Which model?\n"
                + "8/4/2025 23:25:41,11,Model A\n");
        names(e, "eleven.csv", 2, "How much do you agree?");
        assertThat(e).hasMessageContaining("outside the scale").hasMessageContaining("found \"11\"")
                .hasMessageContaining("from 1 to 10");
    }

    @Test
    void badAnswersInExcludedRowsAreStillErrors() {
        // Line 3 repeats the e-mail address of line 2, so it would be excluded, but it is still checked.
        SurveyFormatException e = readWithCodebook("dup.csv", "Timestamp,Email address,How much do you agree?\n"
                + "8/4/2025 23:25:41,a@example.org,3\n8/4/2025 23:46:28,a@example.org,0\n");
        names(e, "dup.csv", 3, "How much do you agree?");
    }

    @Test
    void unknownOptionWithCodebook() {
        SurveyFormatException e = readWithCodebook("option.csv", "Timestamp,How much do you agree?,Which model?\n"
                + "8/4/2025 23:25:41,3,Model C\n");
        names(e, "option.csv", 2, "Which model?");
        assertThat(e).hasMessageContaining("not an option of item Q4").hasMessageContaining("\"Model A\", \"Model B\"");
    }

    @Test
    void headerNotInTheCodebook() {
        SurveyFormatException e = readWithCodebook("header.csv",
                "Timestamp,How much do you agree?,\"Which\nmodels?\"\n8/4/2025 23:25:41,3,Model A\n");
        // the line break inside the header is shown escaped, so that the error stays one line
        names(e, "header.csv", 1, "Which\\nmodels?");
        assertThat(e).hasMessageContaining("not in the codebook cb.json");
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void differentNumberOfQuestionColumnsWithoutCodebook() {
        Path en = write(dir, "en.csv", "Timestamp,Email address,Q one,Q two\n8/4/2025 23:25:41,a@example.org,3,4\n");
        Path de = write(dir, "de.csv", "Zeitstempel,Frage eins,Frage zwei,Frage drei\n14.05.2025 13:07:13,3,4,5\n");
        SurveyFormatException e = fails(() -> GoogleFormsReader.read(groups("en", en, "de", de)));
        names(e, "de.csv", 1, "Frage drei");
        assertThat(e).hasMessageContaining("this form has 3 question columns, the first form (")
                .hasMessageContaining("has 2");

        Path fr = write(dir, "fr.csv", "Horodateur,Question un\n14/05/2025 13:07:13,3\n");
        SurveyFormatException fewer = fails(() -> GoogleFormsReader.read(groups("en", en, "fr", fr)));
        names(fewer, "fr.csv", 1, "Question un");
        assertThat(fewer).hasMessageContaining("nothing here matches its question 2 \"Q two\"");
    }

    @Test
    void emptyFile() {
        for (String content : new String[] {"", "\uFEFF", "\n\n", "  \r\n"}) {
            Path file = writeBytes(dir, "empty.csv", content.getBytes(StandardCharsets.UTF_8));
            SurveyFormatException e = fails(() -> GoogleFormsReader.read("g", file, FormsReadOptions.defaults()));
            assertThat(e).hasMessageContaining("empty.csv, line 1: empty file");
            assertThat(e.line()).hasValue(1);
        }
    }

    @Test
    void notUtf8() {
        byte[] latin1 = "Timestamp,Question\n8/4/2025 23:25:41,oui\n8/4/2025 23:29:41,très bien\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = writeBytes(dir, "latin1.csv", latin1);
        SurveyFormatException e = fails(() -> GoogleFormsReader.read("g", file, FormsReadOptions.defaults()));
        names(e, "latin1.csv", 3, "Question");
        int offset = "Timestamp,Question\n8/4/2025 23:25:41,oui\n8/4/2025 23:29:41,tr".length();
        assertThat(e.byteOffset()).hasValue(offset);
        assertThat(e).hasMessageContaining("not UTF-8 text; found \"byte 0xE8\"").hasMessageContaining("CSV UTF-8");
    }

    @Test
    void notUtf8InsideAQuotedHeader() {
        byte[] latin1 = "Timestamp,\"Qu\u00e9\nstion\"\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[latin1.length + 3];
        bytes[0] = (byte) 0xEF; // a UTF-8 byte order mark, then Latin-1
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(latin1, 0, bytes, 3, latin1.length);
        Path file = writeBytes(dir, "bom.csv", bytes);
        SurveyFormatException e = fails(() -> GoogleFormsReader.read("g", file, FormsReadOptions.defaults()));
        names(e, "bom.csv", 1, "column 2");
        assertThat(e.byteOffset()).hasValue(3 + "Timestamp,\"Qu".length());
    }

    @Test
    void utf16() {
        Path file = writeBytes(dir, "utf16.csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 'T', 0});
        assertThat(fails(() -> GoogleFormsReader.read("g", file, FormsReadOptions.defaults())))
                .hasMessageContaining("utf16.csv, line 1, byte offset 0: found \"a UTF-16 byte order mark\"");
    }

    @Test
    void unreadableTimestamp() {
        SurveyFormatException e = read("time.csv",
                "Timestamp,Q\n2025/05/14 1:07:13 PM GMT+2,3\nyesterday at noon,4\n");
        names(e, "time.csv", 3, "Timestamp");
        assertThat(e).hasMessageContaining("found \"yesterday at noon\"")
                .hasMessageContaining("expected a Google Forms timestamp");
    }

    @Test
    void impossibleDate() {
        SurveyFormatException e = read("date.csv", "Timestamp,Q\n14/05/2025 13:07:13,3\n05/14/2025 13:09:13,4\n");
        names(e, "date.csv", 3, "Timestamp");
        assertThat(e).hasMessageContaining("expected a calendar date in day/month/year order, as on line 2");
    }

    @Test
    void errorsInALaterFileLeaveNoResult() {
        Path good = write(dir, "good.csv", "Timestamp,Q\n8/4/2025 23:25:41,3\n");
        Path bad = write(dir, "bad.csv", "Timestamp,Q\n8/4/2025 23:25:41,3,4\n");
        assertThatThrownBy(() -> GoogleFormsReader.read(groups("a", good, "b", bad)))
                .isInstanceOf(SurveyFormatException.class).hasMessageStartingWith(bad.toString() + ", line 2");
    }

    @Test
    void emailAddressesAreMaskedInMessages() {
        SurveyFormatException e = readWithCodebook("mail.csv", "Timestamp,How much do you agree?,Which model?\n"
                + "8/4/2025 23:25:41,write to x.y@example.org,Model A\n");
        assertThat(e.getMessage()).doesNotContain("@").contains("found \"write to <e-mail removed>\"");
        SurveyFormatException t = read("time.csv", "Timestamp,Q\nx.y@example.org,3\n");
        assertThat(t.getMessage()).doesNotContain("@");
    }

    @Test
    void missingFileIsNotAFormatError() {
        assertThatThrownBy(() -> GoogleFormsReader.read("g", dir.resolve("nope.csv"), FormsReadOptions.defaults()))
                .isInstanceOf(org.pluralstats.PluralstatsException.class).hasMessageContaining("no such file")
                .hasMessageContaining("nope.csv");
    }
}
