package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code --format md}: the numbers' columns are right-aligned ({@code ---:}), the keys' and labels' left. */
class MarkdownAlignmentTest {
    private static final String DATA = "data-samples/wvs-sample/wvs7-sample.csv";
    private static final Set<String> ESTIMATES = Set.of("vps", "n", "weightSum", "se", "nEff", "ciLow", "ciHigh",
            "share", "ci_lower", "ci_upper", "count", "n_eff");

    @Test
    void numericColumnsAreRightAligned() {
        checkTable(CliRunner.run("vps", "--data", DATA, "--rule", "paper", "--by", "B_COUNTRY_ALPHA", "--format", "md"),
                "vps", "se");
        checkTable(CliRunner.run("distributions", "--data", DATA, "--by", "B_COUNTRY_ALPHA", "--format", "md"),
                "share", "n_eff");
    }

    private static void checkTable(CliRunner.Result r, String... mustBeNumeric) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        List<String> rule = cells(lines.get(1));
        assertThat(rule).hasSameSizeAs(header).allMatch(a -> a.equals("---") || a.equals("---:"));
        assertThat(header).contains(mustBeNumeric);
        assertThat(lines.size()).isGreaterThan(3);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (ESTIMATES.contains(name)) {
                assertThat(rule.get(c)).as(name + " is a number: right-aligned").isEqualTo("---:");
            }
            if (rule.get(c).equals("---:")) {
                for (String row : lines.subList(2, lines.size())) {
                    assertThat(cells(row).get(c)).as(name + " is right-aligned: numbers only")
                            .matches("|–|-?[0-9][0-9.,e+-]*|<0\\.[0-9]+"); // – : missing
                }
            } else {
                assertThat(ESTIMATES).as(name + " is left-aligned").doesNotContain(name);
            }
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
