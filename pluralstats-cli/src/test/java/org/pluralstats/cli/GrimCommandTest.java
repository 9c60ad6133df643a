package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrimCommandTest {
    @Test
    void flagsThePilotsEnglishQ6() {
        CliRunner.Result r = CliRunner.run("grim", "--mean", "1.51", "--n", "22");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().trim()).isEqualTo("inconsistent (nearest reachable means: 1.50, 1.55)");
    }

    @Test
    void acceptsReachableMeans() {
        assertThat(CliRunner.run("grim", "--mean", "1.50", "--n", "22").out().trim()).isEqualTo("consistent");
        assertThat(CliRunner.run("grim", "--mean", "3.12", "--n", "16").out().trim()).isEqualTo("consistent");
    }

    @Test
    void saysWhenTheTestCannotApply() {
        assertThat(CliRunner.run("grim", "--mean", "4.37", "--n", "150").out()).contains("not applicable");
    }

    @Test
    void tooManyDecimalsIsAnError() {
        CliRunner.Result r = CliRunner.run("grim", "--mean", "1.512", "--n", "22");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("more than 2 decimals");
    }
}
