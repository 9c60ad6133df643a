package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.SurveyFiles;

/**
 * A Stata 118 file is UTF-8 by definition; a value holding a Latin-1 byte (written by pandas, then patched:
 * {@code tools/stata_latin1_in_utf8.py}) is decoded as windows-1252 with one warning naming the variable
 * and the first case, never silently as U+FFFD.
 */
class StataEncodingTest {
    @Test
    void latin1BytesInAUtf8FileAreDecodedAsWindows1252WithOneWarning() {
        List<String> places = new ArrayList<>();
        List<ReadWarning> warnings;
        try (CaseReader r = SurveyFiles.open(StataFixtures.file("encoding/latin1_in_utf8_118.dta"))) {
            while (r.next()) {
                places.add(r.string(0));
            }
            warnings = r.warnings();
        }
        assertThat(places).containsExactly("Caf\u00e9", "Tea room", "Caf\u00e9");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).place()).isEqualTo("case 1, variable place");
        assertThat(warnings.get(0).message()).contains("not valid UTF-8", "windows-1252");
    }

    @Test
    void validUtf8FilesReadWithoutWarnings() {
        try (CaseReader r = SurveyFiles.open(StataFixtures.file("pandas_118_le.dta"))) {
            int strings = 0;
            while (r.next()) {
                for (int v = 0; v < r.dictionary().variables().size(); v++) {
                    if (!r.dictionary().variables().get(v).isNumeric()) {
                        r.string(v);
                        strings++;
                    }
                }
            }
            assertThat(strings).isPositive();
            assertThat(r.warnings()).isEmpty();
        }
    }
}
