package org.pluralstats.io.wvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * The interview-language column on files laid out as the official releases are (issue 10, item 11):
 * in WVS Wave 7 S_INTLANGUAGE is a numeric code with value labels and LNGE_ISO the ISO 639 code. The
 * fixtures and the reference counts come from R haven (tools/wvs-sample/make_official_layout.R).
 */
class WvsConventionsTest {
    static final Path DIR = Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/wvs");

    /** @return the counts per value of a variable, as the reference file lists them */
    private static Map<String, Integer> reference(String variable) throws IOException {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("wvs7-official-layout-reference.txt"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (!line.startsWith("#") && f[0].equals(variable)) {
                m.put(f[1], Integer.parseInt(f[2]));
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wvs7-official-layout.sav", "wvs7-official-layout.dta"})
    void theIsoColumnIsTheLanguageOfTheOfficialLayout(String name) throws IOException {
        Path file = DIR.resolve(name);
        try (CaseReader r = SurveyFiles.open(file)) {
            FileDictionary dict = r.dictionary();
            WvsConventions c = WvsConventions.detect(dict);
            assertThat(dict.find("S_INTLANGUAGE").orElseThrow().isNumeric()).isTrue();
            assertThat(c.release()).isEqualTo(WvsConventions.Release.WVS_WAVE7);
            assertThat(c.languageVariable()).contains("LNGE_ISO");
            assertThat(c.languageNote(dict)).contains("interview language: LNGE_ISO (ISO 639 codes); "
                    + "S_INTLANGUAGE holds numeric codes with value labels and is not used");
            assertThat(WvsConventions.populationColumn(dict, "Language")).isEqualTo("LNGE_ISO");
            assertThat(WvsConventions.populationColumn(dict, "country")).isEqualTo("B_COUNTRY_ALPHA");
            assertThat(WvsConventions.populationColumn(dict, "S_INTLANGUAGE")).isEqualTo("S_INTLANGUAGE");
        }
        SurveyData d = SurveyFiles.read(file);
        assertThat(d.attributeNames()).containsExactly("B_COUNTRY_ALPHA", "LNGE_ISO");
        Map<String, Integer> byLanguage = new LinkedHashMap<>();
        d.groupRows("LNGE_ISO").forEach((k, v) -> byLanguage.put(k, v.length));
        assertThat(byLanguage).containsExactlyInAnyOrderEntriesOf(reference("LNGE_ISO"));
    }

    private static Variable var(int i, String name, VariableType type, Map<Double, String> labels) {
        return new Variable(i, name, "", type, type == VariableType.NUMERIC ? 8 : 2, labels, Map.of(), MissingValues.none());
    }

    @Test
    void withoutATextColumnTheNumericCodesAreUsedAndTheNoteSaysSo() {
        FileDictionary numericOnly = new FileDictionary("w7.csv", FileFormat.CSV, 0, List.of(
                var(0, "B_COUNTRY_ALPHA", VariableType.STRING, Map.of()),
                var(1, "W_WEIGHT", VariableType.NUMERIC, Map.of()),
                var(2, "S_INTLANGUAGE", VariableType.NUMERIC, Map.of(1040.0, "Danish", 1090.0, "English"))), "UTF-8");
        WvsConventions c = WvsConventions.detect(numericOnly);
        assertThat(c.languageVariable()).contains("S_INTLANGUAGE");
        assertThat(c.languageNote(numericOnly).orElseThrow()).startsWith("interview language: S_INTLANGUAGE (numeric codes"
                + " with 2 value labels; the file has no text language column");
    }

    @Test
    void aTextSIntLanguageIsPreferredToANumericIsoColumnAndTheSampleStaysAsItWas() {
        FileDictionary sample = new FileDictionary("w7.csv", FileFormat.CSV, 0, List.of(
                var(0, "B_COUNTRY", VariableType.NUMERIC, Map.of()),
                var(1, "W_WEIGHT", VariableType.NUMERIC, Map.of()),
                var(2, "lnge_iso", VariableType.NUMERIC, Map.of()),
                var(3, "S_INTLANGUAGE", VariableType.STRING, Map.of())), "UTF-8");
        assertThat(WvsConventions.detect(sample).languageVariable()).contains("S_INTLANGUAGE");
    }

    @Test
    void theJointFileMatchesLowerCaseNames() {
        FileDictionary joint = new FileDictionary("joint.sav", FileFormat.SAV, 0, List.of(
                var(0, "cntry_AN", VariableType.STRING, Map.of()),
                var(1, "gwght", VariableType.NUMERIC, Map.of()),
                var(2, "S_INTLANGUAGE", VariableType.NUMERIC, Map.of(1.0, "x")),
                var(3, "lnge_iso", VariableType.STRING, Map.of())), "UTF-8");
        WvsConventions c = WvsConventions.detect(joint);
        assertThat(c.release()).isEqualTo(WvsConventions.Release.EVS_WVS_JOINT);
        assertThat(c.languageVariable()).contains("lnge_iso");
        assertThat(WvsConventions.populationColumn(joint, "LANGUAGE")).isEqualTo("lnge_iso");
        FileDictionary plain = new FileDictionary("plain.csv", FileFormat.CSV, 0, List.of(
                var(0, "x", VariableType.NUMERIC, Map.of())), "UTF-8");
        assertThatThrownBy(() -> WvsConventions.populationColumn(plain, "language"))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("no interview-language variable");
    }
}
