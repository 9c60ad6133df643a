package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.io.forms.Fixtures.groups;
import static org.pluralstats.io.forms.Fixtures.resource;
import static org.pluralstats.io.forms.Fixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.MultiChoiceColumn;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Response;
import org.pluralstats.data.Scale;
import org.pluralstats.data.SurveyData;
import org.pluralstats.data.TextColumn;

class GoogleFormsReaderTest {
    private static final Path EN = resource("ai-use-en-download.csv");
    private static final Path ES = resource("ai-use-es-sheet.csv");
    private static final Path CODEBOOK = resource("ai-use-codebook.json");

    @TempDir
    Path dir;

    private static FormsSurvey aiUse(FormsReadOptions options) {
        return GoogleFormsReader.read(groups("English", EN, "Spanish", ES), options);
    }

    private static List<String> multi(SurveyData d, String item, int row) {
        return ((Response.MultiChoice) d.require(item).get(row)).options();
    }

    @Test
    void alignsBothExportStylesByPosition() {
        FormsSurvey s = aiUse(FormsReadOptions.defaults());
        SurveyData d = s.data();

        assertThat(s.groups()).containsExactly("English", "Spanish");
        assertThat(s.group("English").style()).isEqualTo(ExportStyle.DOWNLOAD);
        assertThat(s.group("Spanish").style()).isEqualTo(ExportStyle.SHEET);
        // Timestamp, e-mail and score are metadata; the grid's three rows are three items.
        assertThat(d.items()).extracting(Item::id).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
        assertThat(d.items()).extracting(Item::kind).containsExactly(ItemKind.MULTI_CHOICE, ItemKind.CHOICE,
                ItemKind.CHOICE, ItemKind.CHOICE, ItemKind.SCALE, ItemKind.CHOICE);
        assertThat(d.items()).extracting(Item::label).containsExactly(
                "Which AI assistants have you used in the last month?", "How often do you use AI for… [Studying]",
                "How often do you use AI for… [Work]", "How often do you use AI for… [Translation]",
                "I trust AI answers about my own culture.", "Any comments?");
        assertThat(d.require("Q5").item().scale()).contains(Scale.of(1, 5));
        assertThat(s.group("Spanish").headers()).containsEntry("Q5",
                "Confío en las respuestas de la IA\nsobre mi propia cultura.");

        assertThat(s.accounting("English")).isEqualTo(
                new Accounting(6, 5, Map.of(GoogleFormsReader.DUPLICATE_EMAIL, 1)));
        assertThat(s.accounting("Spanish")).isEqualTo(new Accounting(7, 5,
                Map.of(GoogleFormsReader.EMPTY_ROW, 1, GoogleFormsReader.DUPLICATE_ANSWERS, 1)));
        assertThat(s.accounting()).isEqualTo(new Accounting(13, 10, Map.of(GoogleFormsReader.DUPLICATE_EMAIL, 1,
                GoogleFormsReader.EMPTY_ROW, 1, GoogleFormsReader.DUPLICATE_ANSWERS, 1)));
        assertThat(d.rows()).isEqualTo(10);
        assertThat(d.groupRows(FormsSurvey.GROUP).get("Spanish")).containsExactly(5, 6, 7, 8, 9);
        assertThat(d.id(0)).isEqualTo("English:2");
        assertThat(d.id(5)).isEqualTo("Spanish:3"); // the Spanish header spans lines 1-2

        // ';'-joined: the option with a comma survives.
        assertThat(multi(d, "Q1", 0)).containsExactly("ChatGPT", "Copilot, or another Microsoft assistant");
        // ", "-joined without codebook: split, except at options known from a Download-style file.
        assertThat(multi(d, "Q1", 5)).containsExactly("ChatGPT", "Copilot", "u otro asistente de Microsoft");
        assertThat(multi(d, "Q1", 7)).containsExactly("Gemini", "Claude");
        // Choices keep each group's own text.
        assertThat(d.row(0).response("Q2")).contains(new Response.Choice("Often"));
        assertThat(d.row(5).response("Q2")).contains(new Response.Choice("A menudo"));
        assertThat(s.group("Spanish").options("Q2")).containsOnlyKeys("A menudo", "Nunca", "A veces");
        assertThat(s.group("English").options("Q2").keySet()).containsExactly("Often", "Sometimes", "Never");
        assertThat(s.group("Spanish").codebookLanguage()).isEmpty();
        assertThat(d.row(6).response("Q6")).contains(new Response.Choice("Muy interesante, gracias"));
        assertThat(d.row(1).response("Q6")).contains(new Response.Missing(MissingReason.SKIPPED));
    }

    @Test
    void codebookMapsHeadersAndOptionsToCodes() {
        FormsSurvey s = aiUse(FormsReadOptions.builder().codebook(Codebook.read(CODEBOOK)).build());
        SurveyData d = s.data();

        assertThat(d.items()).extracting(Item::id)
                .containsExactly("tools", "use_study", "use_work", "use_translation", "trust", "comments");
        assertThat(d.items()).extracting(Item::kind).containsExactly(ItemKind.MULTI_CHOICE, ItemKind.CHOICE,
                ItemKind.CHOICE, ItemKind.CHOICE, ItemKind.SCALE, ItemKind.TEXT);
        assertThat(d.require("tools").item().label()).isEqualTo("AI assistants used in the last month");
        assertThat(d.require("use_study").item().label()).isEqualTo("How often do you use AI for… [Studying]");
        assertThat(((MultiChoiceColumn) d.require("tools")).options())
                .containsExactly("chatgpt", "gemini", "claude", "copilot", "other");
        assertThat(((CategoricalColumn) d.require("use_study")).levels()).containsExactly("1", "2", "3");

        assertThat(multi(d, "tools", 0)).containsExactly("chatgpt", "copilot");
        assertThat(multi(d, "tools", 4)).containsExactly("claude", "other");
        // The Spanish option with a comma survives the ", " joining.
        assertThat(multi(d, "tools", 5)).containsExactly("chatgpt", "copilot");
        assertThat(multi(d, "tools", 6)).containsExactly("copilot");
        assertThat(multi(d, "tools", 7)).containsExactly("gemini", "claude");
        assertThat(d.row(5).response("use_study")).contains(new Response.Choice("3"));
        assertThat(((NumericColumn) d.require("trust")).value(5)).isEqualTo(4.0);
        assertThat(d.require("trust").item().scale().orElseThrow().labels()).containsEntry(5, "Completely");

        FormsGroup es = s.group("Spanish");
        assertThat(es.codebookLanguage()).contains("es");
        assertThat(es.options("use_study")).containsExactly(Map.entry("1", "Nunca"), Map.entry("2", "A veces"),
                Map.entry("3", "A menudo"));
        assertThat(s.group("English").options("tools")).containsEntry("copilot",
                "Copilot, or another Microsoft assistant").containsEntry("other", "other");
        assertThat(es.headers()).containsEntry("trust", "Confío en las respuestas de la IA\nsobre mi propia cultura.");
    }

    @Test
    void duplicatesAreExcludedByDefaultAndKeptOnRequest() {
        FormsSurvey excluded = aiUse(FormsReadOptions.defaults());
        FormsSurvey kept = aiUse(FormsReadOptions.builder().keepDuplicates(true).build());

        assertThat(excluded.group("English").duplicatesFound())
                .containsExactly(Map.entry(GoogleFormsReader.DUPLICATE_EMAIL, 1),
                        Map.entry(GoogleFormsReader.DUPLICATE_ANSWERS, 0));
        assertThat(kept.group("English").duplicatesFound()).isEqualTo(excluded.group("English").duplicatesFound());
        assertThat(kept.group("Spanish").duplicatesFound()).containsEntry(GoogleFormsReader.DUPLICATE_ANSWERS, 1);
        // The empty row goes even when duplicates stay.
        assertThat(kept.accounting("English")).isEqualTo(Accounting.allKept(6));
        assertThat(kept.accounting("Spanish")).isEqualTo(new Accounting(7, 6, Map.of(GoogleFormsReader.EMPTY_ROW, 1)));
        // The later submission of the same address (line 4, "ANA@example.org ") is the one excluded.
        assertThat(excluded.data().id(2)).isEqualTo("English:5");
        assertThat(kept.data().id(2)).isEqualTo("English:4");
    }

    @Test
    void identicalAnswersFromDifferentAddressesAreDifferentPeople() {
        SurveyData d = aiUse(FormsReadOptions.defaults()).data();
        // Lines 5 and 6 of the English file: same answers 70 s apart, two e-mail addresses.
        assertThat(d.id(2)).isEqualTo("English:5");
        assertThat(d.id(3)).isEqualTo("English:6");
    }

    @Test
    void identicalAnswersMoreThanTwoMinutesApartAreKept() {
        String csv = "Timestamp,Q\n8/4/2025 23:25:41,5\n8/4/2025 23:27:41,5\n8/4/2025 23:29:42,5\n8/4/2025 23:30:00,4\n";
        FormsSurvey s = GoogleFormsReader.read("g", write(dir, "t.csv", csv), FormsReadOptions.defaults());
        // 120 s is a duplicate; the third comes 121 s after the second.
        assertThat(s.accounting("g")).isEqualTo(new Accounting(4, 3, Map.of(GoogleFormsReader.DUPLICATE_ANSWERS, 1)));
    }

    @Test
    void dayFirstIsDetectedPerFile() {
        // Only day/month/year makes 13/5 a date; the two submissions are then 70 s apart, across midnight.
        String dmy = "Marca temporal,P\n12/5/2025 23:59:30,sí\n13/5/2025 0:00:40,sí\n";
        // Only month/day/year makes 5/13 a date.
        String mdy = "Timestamp,Q\n5/12/2025 23:59:30,yes\n5/13/2025 0:00:40,yes\n";
        FormsSurvey s = GoogleFormsReader.read(groups("es", write(dir, "dmy.csv", dmy), "en", write(dir, "mdy.csv", mdy)));
        assertThat(s.accounting("es").excluded(GoogleFormsReader.DUPLICATE_ANSWERS)).isEqualTo(1);
        assertThat(s.accounting("en").excluded(GoogleFormsReader.DUPLICATE_ANSWERS)).isEqualTo(1);
    }

    @Test
    void emailAddressesNeverReachTheOutput() {
        for (FormsReadOptions o : List.of(FormsReadOptions.defaults(),
                FormsReadOptions.builder().codebook(Codebook.read(CODEBOOK)).keepDuplicates(true).build())) {
            FormsSurvey s = aiUse(o);
            String all = Fixtures.everything(s.data()) + s + s.groupDetails();
            assertThat(all).doesNotContain("@").contains(PersonalData.MASK);
        }
        TextColumn comments = (TextColumn) aiUse(FormsReadOptions.builder().codebook(Codebook.read(CODEBOOK)).build())
                .data().require("comments");
        assertThat(comments.text(4)).contains("Write to <e-mail removed> if needed");
    }

    @ParameterizedTest(name = "BOM {0}, line ends {1}")
    @CsvSource({"false, LF", "true, LF", "false, CRLF", "true, CRLF", "false, CR"})
    void byteOrderMarkAndLineEndsDoNotMatter(boolean bom, String ends) {
        String eol = switch (ends) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "\r";
        };
        String csv = "\"Timestamp\",\"How much do you agree?\n(1 = I disagree, 10 = I agree)\",\"Which one?\"\n"
                + "\"2025/05/14 1:07:13 PM GMT+2\",\"7\",\"Model B: slower, but fits\"\n"
                + "\"2025/05/14 1:37:13 PM GMT+2\",\"10\",\"Model A\"\n";
        FormsSurvey s = GoogleFormsReader.read("g", write(dir, "t.csv", csv, bom, eol), FormsReadOptions.defaults());
        SurveyData d = s.data();
        assertThat(d.items()).extracting(Item::label)
                .containsExactly("How much do you agree?\n(1 = I disagree, 10 = I agree)", "Which one?");
        assertThat(d.require("Q1").item().scale()).contains(Scale.of(1, 10));
        assertThat(((NumericColumn) d.require("Q1")).toArray()).containsExactly(7, 10);
        assertThat(d.row(0).response("Q2")).contains(new Response.Choice("Model B: slower, but fits"));
        assertThat(d.id(1)).isEqualTo("g:4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Timestamp", "Marca temporal", "Horodateur", "时间戳记", "Zeitstempel", "طابع زمني",
        "Submitted"})
    void timestampColumnIsRecognisedInManyLanguages(String title) {
        String csv = title + ",Email Address,Dirección de correo electrónico,Score,Q\n"
                + "14/05/2025 13:07:13,a@example.org,b@example.org,4 / 5,3\n"
                + "14/05/2025 15:07:13,c@example.org,d@example.org,5 / 5,4\n";
        SurveyData d = GoogleFormsReader.read("g", write(dir, "t.csv", csv), FormsReadOptions.defaults()).data();
        assertThat(d.items()).extracting(Item::label).containsExactly("Q");
    }

    @Test
    void metadataIsRecognisedByValueWhenTheTitleIsUnknown() {
        String csv = "Zeit,Kontakt,Punkte,Frage\n"
                + "2025-05-14 13:07:13,a@example.org,4 / 5,ja\n"
                + "2025-05-14 15:07:13,b@example.org,3.5 / 5,nein\n";
        FormsSurvey s = GoogleFormsReader.read("g", write(dir, "t.csv", csv), FormsReadOptions.defaults());
        assertThat(s.data().items()).extracting(Item::label).containsExactly("Frage");
        assertThat(s.group("g").style()).isEqualTo(ExportStyle.SHEET);
    }

    @Test
    void sheetCheckboxOptionsWithCommasSurviveWhenADownloadFileNamesThem() {
        String download = "\"Timestamp\",\"Tools\"\n"
                + "\"2025/05/14 1:07:13 PM GMT+2\",\"ChatGPT;Copilot, or another Microsoft assistant\"\n";
        String sheet = "Timestamp,Tools\n"
                + "8/4/2025 23:25:41,\"Copilot, or another Microsoft assistant, ChatGPT\"\n"
                + "8/5/2025 10:00:00,ChatGPT\n";
        SurveyData d = GoogleFormsReader.read(groups("UK", write(dir, "uk.csv", download), "US",
                write(dir, "us.csv", sheet))).data();
        assertThat(d.require("Q1").item().kind()).isEqualTo(ItemKind.MULTI_CHOICE);
        assertThat(multi(d, "Q1", 1)).containsExactly("ChatGPT", "Copilot, or another Microsoft assistant");
    }

    @Test
    void sheetOnlyCheckboxIsRecognisedFromCombinedAnswers() {
        String sheet = "Timestamp,Tools,Opinion\n"
                + "8/4/2025 23:25:41,\"ChatGPT, Gemini\",\"Yes, definitely\"\n"
                + "8/5/2025 10:00:00,ChatGPT,No\n"
                + "8/5/2025 11:00:00,Gemini,\"Yes, definitely\"\n";
        SurveyData d = GoogleFormsReader.read("g", write(dir, "t.csv", sheet), FormsReadOptions.defaults()).data();
        assertThat(d.require("Q1").item().kind()).isEqualTo(ItemKind.MULTI_CHOICE);
        assertThat(multi(d, "Q1", 0)).containsExactly("ChatGPT", "Gemini");
        // A single choice whose option has a comma is not split: "definitely" is no answer of its own.
        assertThat(d.require("Q2").item().kind()).isEqualTo(ItemKind.CHOICE);
        assertThat(d.row(0).response("Q2")).contains(new Response.Choice("Yes, definitely"));
    }

    @Test
    void kindsAndScalesAreInferredFromAllGroups() {
        String a = "Timestamp,Agree,Agree 0-10,Age,Hours,Mixed,Blank,Stars\n"
                + "8/4/2025 23:25:41,1,0,34,1.5,3,,2\n"
                + "8/5/2025 10:00:00,4,4,19,2,many,,3\n";
        String b = "Timestamp,Zustimmung,Zustimmung 0-10,Alter,Stunden,Gemischt,Leer,Sterne\n"
                + "14.05.2025 13:07:13,9,7,71,0.25,2,,4\n";
        SurveyData d = GoogleFormsReader.read(groups("A", write(dir, "a.csv", a), "B", write(dir, "b.csv", b))).data();
        assertThat(d.items()).extracting(Item::kind).containsExactly(ItemKind.SCALE, ItemKind.SCALE,
                ItemKind.NUMERIC, ItemKind.NUMERIC, ItemKind.CHOICE, ItemKind.CHOICE, ItemKind.SCALE);
        assertThat(d.require("Q1").item().scale()).contains(Scale.of(1, 10));
        assertThat(d.require("Q2").item().scale()).contains(Scale.of(0, 10));
        assertThat(d.require("Q7").item().scale()).contains(Scale.of(1, 5));
        assertThat(((NumericColumn) d.require("Q4")).toArray()).containsExactly(1.5, 2, 0.25);
        assertThat(d.row(0).response("Q5")).contains(new Response.Choice("3"));
        assertThat(d.require("Q6").missingCount()).isEqualTo(3);
    }

    @Test
    void codebookItemsMissingFromAFormAreNotAsked() {
        String cb = "{\"format\": \"pluralstats-forms-codebook\", \"version\": 1, \"items\": ["
                + "{\"id\": \"agree\", \"kind\": \"scale\", \"scale\": {\"min\": 1, \"max\": 10},"
                + " \"headers\": {\"en\": \"I agree\", \"de\": \"Ich stimme zu\"}},"
                + "{\"id\": \"extra\", \"kind\": \"text\", \"headers\": {\"en\": \"Anything else?\"}}],"
                + " \"ignore\": [\"Name (optional)\"]}";
        // The German form asks the questions in another order and has an ignored column.
        String en = "Timestamp,Anything else?,I agree\n8/4/2025 23:25:41,no,3\n";
        String de = "Zeitstempel,Name (optional),ICH  STIMME\nZU\n14.05.2025 13:07:13,Max,8\n";
        de = de.replace("ICH  STIMME\nZU", "\"ICH  STIMME\nZU\"");
        FormsSurvey s = GoogleFormsReader.read(groups("en", write(dir, "en.csv", en), "de", write(dir, "de.csv", de)),
                FormsReadOptions.builder().codebook(Codebook.parse(cb, "cb.json")).build());
        SurveyData d = s.data();
        assertThat(((NumericColumn) d.require("agree")).toArray()).containsExactly(3, 8);
        assertThat(d.row(1).response("extra")).contains(new Response.Missing(MissingReason.NOT_ASKED));
        assertThat(s.group("de").headers()).containsOnlyKeys("agree");
        assertThat(s.group("de").codebookLanguage()).contains("de");
        assertThat(Fixtures.everything(d)).doesNotContain("Max");
    }

    @Test
    void codebookAddsMetadataTitles() {
        String cb = "{\"format\": \"pluralstats-forms-codebook\", \"version\": 1,"
                + " \"metadata\": {\"timestamp\": [\"Eingang\"], \"email\": [\"Kontakt\"], \"score\": [\"Punkte\"]},"
                + " \"items\": [{\"id\": \"agree\", \"kind\": \"numeric\", \"headers\": {\"de\": \"Zustimmung\"}}]}";
        // Without the titles, "Kontakt" (not all addresses) and "Punkte" (empty) would be questions.
        String de = "Eingang,Kontakt,Punkte,Zustimmung\n14.05.2025 13:07:13,max (at) example.org,,3.5\n"
                + "14.05.2025 13:08:00,max (at) example.org,,3.5\n";
        FormsSurvey s = GoogleFormsReader.read("de", write(dir, "de.csv", de),
                FormsReadOptions.builder().codebook(Codebook.parse(cb, "cb.json")).build());
        assertThat(s.data().items()).extracting(Item::id).containsExactly("agree");
        // Same "address" and same answers: the e-mail rule applies first.
        assertThat(s.accounting("de").excluded(GoogleFormsReader.DUPLICATE_EMAIL)).isEqualTo(1);
        assertThat(((NumericColumn) s.data().require("agree")).toArray()).containsExactly(3.5);
        assertThat(Fixtures.everything(s.data())).doesNotContain("max");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> GoogleFormsReader.read(new java.util.LinkedHashMap<>()))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("no Google Forms exports");
        assertThatThrownBy(() -> GoogleFormsReader.read(groups(" ", EN)))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("group name is empty");
        assertThatThrownBy(() -> aiUse(FormsReadOptions.defaults()).group("French"))
                .hasMessageContaining("no group \"French\"; groups: English, Spanish");
    }

    @Test
    void localisedTimestampsAndDigitsAreRead() {
        String csv = "时间戳记,分数\n2025/5/14 下午1:07:13,٧\n2025/5/14 下午1:08:00,۷\n";
        FormsSurvey s = GoogleFormsReader.read("zh", write(dir, "t.csv", csv), FormsReadOptions.defaults());
        assertThat(s.data().require("Q1").item().kind()).isEqualTo(ItemKind.SCALE);
        // Arabic-Indic 7 and Persian 7 are the same answer, 47 s apart.
        assertThat(s.accounting("zh").excluded(GoogleFormsReader.DUPLICATE_ANSWERS)).isEqualTo(1);
    }

    @Test
    void optionsEqualByValue() {
        Codebook cb = Codebook.read(CODEBOOK);
        FormsReadOptions a = FormsReadOptions.builder().codebook(cb).keepDuplicates(true).build();
        FormsReadOptions b = a.toBuilder().build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(FormsReadOptions.defaults());
        assertThat(FormsReadOptions.defaults().keepDuplicates()).isFalse();
        assertThat(FormsReadOptions.defaults().codebook()).isEmpty();
        assertThat(a.toString()).contains("ai-use-codebook.json");
    }

    @Test
    void aCellOfTenThousandTickedOptionsReadsInLinearTime() {
        StringBuilder download = new StringBuilder("\"Timestamp\",\"Which tools?\"\n");
        StringBuilder sheet = new StringBuilder("Marca temporal,Which tools?\n");
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            all.add("Tool " + i);
            if (i < 3) {
                download.append("\"2025/05/14 1:0" + i + ":13 PM GMT+2\",\"Tool " + i + "\"\n");
                sheet.append("14/05/2025 13:0" + i + ":13,Tool " + i + "\n");
            }
        }
        download.append("\"2025/05/14 1:07:13 PM GMT+2\",\"" + String.join(";", all) + "\"\n");
        sheet.append("14/05/2025 13:07:13,\"" + String.join(", ", all) + "\"\n");
        Path en = write(dir, "en.csv", download.toString());
        Path es = write(dir, "es.csv", sheet.toString());
        // Minutes when option splitting and checkbox detection tried every run of pieces.
        FormsSurvey s = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> GoogleFormsReader.read(groups("English", en, "Spanish", es), FormsReadOptions.defaults()));
        assertThat(s.data().require("Q1").item().kind()).isEqualTo(ItemKind.MULTI_CHOICE);
        assertThat(multi(s.data(), "Q1", 3)).isEqualTo(all);
        assertThat(multi(s.data(), "Q1", 7)).isEqualTo(all);
    }
}
