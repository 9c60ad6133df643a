package org.pluralstats.assertions;

import org.assertj.core.api.Assertions;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.run.FormsComparison;
import org.pluralstats.weight.ScoreTable;

/**
 * The entry point of the analysis-test kit: AssertJ assertions for pluralstats results, so that a
 * research group can pin its published numbers in JUnit tests and learn at once when a data update,
 * a changed exclusion rule or a library upgrade moves them.
 *
 * <pre>{@code
 * import static org.pluralstats.assertions.PluralstatsAssertions.*;
 *
 * assertThat(scores).population("DNK").item("Q164").hasVps(0.506, within(1e-3));
 * assertThat(table).group("Farsi").item("Q4").hasShare("Model B", 0.727, within(1e-3));
 * assertThat(table).group("English").item("Q6").hasTableCell("1.50");
 * }</pre>
 *
 * <p>This class extends AssertJ's {@link Assertions}, so one static import gives both the kit's
 * {@code assertThat} overloads and AssertJ's own ({@code within}, {@code assertThat(double)}, …).
 * AssertJ is an optional dependency of pluralstats: declare {@code org.assertj:assertj-core} (usually
 * with test scope) next to pluralstats to use the kit.
 */
public class PluralstatsAssertions extends Assertions {

    /** Not instantiated; extended only to inherit AssertJ's static methods. */
    protected PluralstatsAssertions() {
    }

    /**
     * @param actual value polarity scores (from {@code ValuePolarityScores.estimate} or {@code ScoreTableFiles.read})
     * @return assertions on them
     */
    public static ScoreTableAssert assertThat(ScoreTable actual) {
        return new ScoreTableAssert(actual);
    }

    /**
     * @param actual a Google Forms survey's group comparison with its Table 1 layout
     * @return assertions on it
     */
    public static GroupTableAssert assertThat(FormsComparison actual) {
        return new GroupTableAssert(actual.comparison(), actual);
    }

    /**
     * @param actual a group comparison (without Table 1 rounding rules or the groups' own option texts)
     * @return assertions on it
     */
    public static GroupTableAssert assertThat(GroupComparison actual) {
        return new GroupTableAssert(actual, null);
    }
}
