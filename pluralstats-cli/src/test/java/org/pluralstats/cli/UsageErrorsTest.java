package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A usage error prints the one wrong thing and how to get the help, not the help; exit code 2. */
class UsageErrorsTest {
    @Test
    void anUnknownOptionIsNamedWithTheNearestOne() {
        // picocli would report the missing --by first: the typo is the one wrong thing
        CliRunner.Result r = CliRunner.run("vps", "--dta", "data-samples/wvs-sample/wvs7-sample.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pluralstats: unknown option --dta; did you mean --data?\n"
                + "Try 'pluralstats vps --help'\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOptionsValueThatLooksLikeAnOptionIsNotUnknown() {
        CliRunner.Result r = CliRunner.run("rake", "--bounds", "-0.5,3", "--sumary=md");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("pluralstats: unknown option --sumary; did you mean --summary?\n")
                .endsWith("Try 'pluralstats rake --help'\n");
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOne() {
        CliRunner.Result r = CliRunner.run("vsp", "--data", "x.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pluralstats: unknown command vsp; did you mean vps?\nTry 'pluralstats --help'\n");
        CliRunner.Result far = CliRunner.run("frobnicate");
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.err()).isEqualTo("pluralstats: unknown command frobnicate\nTry 'pluralstats --help'\n");
    }

    @Test
    void otherUsageErrorsAreOneLineWithoutTheHelp() {
        CliRunner.Result r = CliRunner.run("vps", "--data", "data-samples/wvs-sample/wvs7-sample.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pluralstats: Missing required option: '--by=COLUMN|global'\n"
                + "Try 'pluralstats vps --help'\n");
    }

    @Test
    void noArgumentsPrintsTheHelpAsAUsageError() {
        CliRunner.Result r = CliRunner.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Usage: pluralstats [-hV] [COMMAND]").contains("Commands:", "vps", "agreement");
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: pluralstats [-hV] [COMMAND]");
    }
}
