package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} and {@code convert} read Stata releases 102-108 and refuse files that are not data. */
class InspectOldAndUnknownFilesTest {
    static final String OLD = "pluralstats-core/src/test/resources/org/pluralstats/io/stata/old/";

    @TempDir
    Path dir;

    @Test
    void inspectAndConvertReadAStata105File() throws IOException {
        CliRunner.Result r = CliRunner.run("inspect", OLD + "gen_105_msf.dta");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("format: dta; cases: 6").containsPattern("\\| agree \\|.*\\| 4 \\|");
        assertThat(r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| name"))).hasSize(7);
        Path out = dir.resolve("out.csv");
        r = CliRunner.run("convert", OLD + "gen_105_msf.dta", "--to", "csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // pandas 3.0.6 reads the same values (old/reference_pandas.json); 2^333 in row 4 is the old double missing
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(
                "idx,agree,income,weight,score,small,country",
                "1,1,120000,0.5,0.1,-128,Fran\u00e7e",
                "2,5,-2147483648,1.25,-2.5E300,126,",
                "3,,,,,,Deutsch",
                "4,-32768,0,-1.5,,0,a b",
                "5,3,7,,1E-300,100,\u00d6st",
                "6,2,2147483646,0.0010000000474974513,42,-1,Z");
    }

    @Test
    void aPngIsOneLineWithExitCode1AndNoOutput() throws IOException {
        Path png = dir.resolve("chart.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        for (String command : new String[] {"inspect", "convert"}) {
            Path out = dir.resolve(command + ".csv");
            CliRunner.Result r = command.equals("inspect") ? CliRunner.run("inspect", png.toString())
                    : CliRunner.run("convert", png.toString(), "--to", "csv", "--out", out.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("pluralstats: " + png
                    + ": not a CSV, SPSS or Stata file (starts with bytes 89 50 4E 47: a PNG image)");
            assertThat(r.out()).isEmpty();
            assertThat(out).doesNotExist();
        }
    }
}
