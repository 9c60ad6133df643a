package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code inspect} in text (Markdown) mode prints user-missing declarations and value labels as SPSS and
 * haven users read them. Expected declarations: PSPP 1.6 {@code DISPLAY DICTIONARY} of each file
 * ({@code LOWEST THRU 0; 999}, {@code 90 THRU 99; 0}, {@code -9; -8; -7}) and R haven 2.5.1
 * ({@code read_sav(user_na = TRUE)}: {@code na_range} {@code c(-Inf, 0)}, {@code na_values} {@code 999};
 * {@code read_dta}: labels {@code NA(a) Refused}), written in the brief's notation ({@code LO thru 0; 999}).
 */
class InspectMissingValuesTest {
    private static final String IO = "pluralstats-core/src/test/resources/org/pluralstats/io/";
    private static final String SAV = IO + "spss/pspp_compressed.sav";
    private static final String POR = IO + "por/pspp_mixed.por";
    private static final String WVS = "data-samples/wvs-sample/wvs7-sample.sav";
    private static final String ZSAV = IO + "spss/haven_zsav.zsav";
    private static final String DTA = IO + "stata/haven_115_tagged_labels.dta";

    static Stream<Arguments> declarations() {
        return Stream.of(
                // file, variable, missing column, a value label in the labels column
                Arguments.of(SAV, "satisfaction_with_life", "-9; -8; -7", "-9 \"Don't know\""),
                Arguments.of(SAV, "age", "90 thru 99", "99 \"Ninety-nine or older\""),
                Arguments.of(SAV, "income", "LO thru 0; 999", "999 \"Refused\""),
                Arguments.of(SAV, "hi_open", "140 thru HI", ""),
                Arguments.of(SAV, "country", "\"NA\"", "\"NA\" \"Not available\""),
                Arguments.of(POR, "CODE", "8; 9; -1", "-1 \"Not asked\""),
                Arguments.of(POR, "LO", "LO thru -1", ""),
                Arguments.of(POR, "RNG", "90 thru 99; 0", ""),
                Arguments.of(POR, "S", "\"n/a\"", "\"zz\" \"sleeping\""),
                Arguments.of(WVS, "Q57", "-5 thru -1", "1 \"Most people can be trusted\"; 2 \"Need to be very careful\"; "
                        + "-1 \"Don't know\""),
                Arguments.of(ZSAV, "income", "LO thru 0", "-1 \"Refused\""),
                Arguments.of(ZSAV, "region", "\"DK\"", "\"DK\" \"Don't know\""),
                Arguments.of(DTA, "answer", "", "1 \"No\"; 2 \"Yes\"; .a \"Refused\"; .d \"Don't know\""));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("declarations")
    void textModeWritesTheDeclarationAsSpssSyntax(String file, String variable, String missing, String label) {
        CliRunner.Result r = CliRunner.run("inspect", file);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Optional<String[]> row = r.out().lines().filter(l -> l.startsWith("| " + variable + " |"))
                .map(l -> l.substring(2, l.length() - 2).split(" \\| ", -1)).findFirst();
        assertThat(row).as(r.out()).isPresent();
        String[] cells = row.get();
        assertThat(cells[cells.length - 1]).as(Arrays.toString(cells)).isEqualTo(missing);
        assertThat(cells[cells.length - 2]).contains(label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void noJavaToStringInAnyFormat(String file) {
        for (String format : new String[] {"md", "csv", "json"}) {
            CliRunner.Result r = CliRunner.run("inspect", file, "--format", format);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("MissingValues[", "MissingSpec[", "Optional[", "Infinity")
                    .doesNotContainPattern("@[0-9a-f]{5,}");
        }
    }

    static Stream<String> files() {
        return Stream.of(SAV, POR, WVS, ZSAV, DTA, "data-samples/wvs-sample/wvs7-sample.zsav",
                IO + "spss/example_foreign_electric.sav", IO + "stata/haven_118.dta");
    }
}
