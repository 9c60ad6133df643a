package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code vps --by A --by B --by global}: every grouping in one read, each equal to its own run. */
class VpsGroupingsCommandTest {
    private static final String DATA = "data-samples/wvs-sample/wvs7-sample.csv";

    @Test
    void severalGroupingsInOneReadEqualOneRunEach() {
        for (String data : List.of(DATA, "data-samples/wvs-sample/wvs7-sample.sav")) {
            CliRunner.Result all = CliRunner.run("vps", "--data", data, "--rule", "paper", "--by", "B_COUNTRY_ALPHA",
                    "--by", "S_INTLANGUAGE", "--by", "global", "--format", "csv");
            assertThat(all.exitCode()).as(all.err()).isZero();
            List<String> lines = all.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("grouping,population,item,vps,n,weightSum,se,nEff,ciLow,ciHigh,excluded");
            for (String by : List.of("B_COUNTRY_ALPHA", "S_INTLANGUAGE", "global")) {
                CliRunner.Result one = CliRunner.run("vps", "--data", data, "--rule", "paper", "--by", by, "--format", "csv");
                assertThat(one.exitCode()).as(one.err()).isZero();
                String rows = lines.stream().skip(1).filter(l -> l.startsWith(by + ","))
                        .map(l -> l.substring(by.length() + 1)).collect(Collectors.joining("\n"));
                assertThat(rows).isEqualTo(one.out().lines().skip(1).collect(Collectors.joining("\n")));
            }
        }
    }

    @Test
    void mapTakesOneGrouping() {
        CliRunner.Result r = CliRunner.run("vps", "--data", DATA, "--rule", "paper", "--by", "B_COUNTRY_ALPHA", "--by",
                "global", "--map", "data-samples/wvs-sample/items.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--map maps the values of one --by column, not 2");
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        List<String> all = List.copyOf(Main.commandLine().getSubcommands().keySet());
        assertThat(all).containsExactly("report", "forms", "grim", "inspect", "convert", "vps", "correlate", "consistency",
                "rake", "regress", "align", "similarity", "distributions", "agreement");
        for (String name : all) {
            assertThat(Main.commandLine(name).getSubcommands().keySet()).containsExactly(name);
        }
        assertThat(Main.commandLine("vsp").getSubcommands().keySet()).hasSameElementsAs(all);
    }
}
