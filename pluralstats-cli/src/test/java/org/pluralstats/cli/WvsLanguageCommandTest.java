package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code vps --by language} on a file laid out as the official Wave 7 release (issue 10, item 11). */
class WvsLanguageCommandTest {
    private static final String OFFICIAL = "pluralstats-core/src/test/resources/org/pluralstats/io/wvs/wvs7-official-layout.sav";

    @Test
    void populationsByLanguageAreIsoCodesAndTheColumnIsNamed() {
        String[] out = WeightCommandsTest.run(0, "vps", "--data", OFFICIAL, "--rule", "paper", "--by", "language",
                "--format", "csv");
        assertThat(out[1]).contains("pluralstats: note: populations by interview language: LNGE_ISO (ISO 639 codes);"
                + " S_INTLANGUAGE holds numeric codes with value labels and is not used");
        assertThat(out[0]).contains("\nda,").contains("\nen,").contains("\nnl,").doesNotContain("1040");
        String[] stream = WeightCommandsTest.run(0, "vps", "--data", OFFICIAL, "--rule", "paper", "--by", "language",
                "--format", "csv", "--stream");
        assertThat(stream[0]).isEqualTo(out[0]);
        String[] numeric = WeightCommandsTest.run(0, "vps", "--data", OFFICIAL, "--rule", "paper", "--by",
                "S_INTLANGUAGE", "--format", "csv");
        assertThat(numeric[1]).contains("--by S_INTLANGUAGE is not the file's interview-language column");
    }
}
