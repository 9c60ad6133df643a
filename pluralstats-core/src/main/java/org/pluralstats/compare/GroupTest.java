package org.pluralstats.compare;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.FisherExact;

/**
 * A test of one item across groups, with its effect size and R's warnings.
 *
 * @param item the item id
 * @param test {@code kruskal-wallis} (scale items) or {@code chi-square} (choice items)
 * @param statistic H or chi-square; empty when undefined (all answers equal)
 * @param df degrees of freedom
 * @param p the p-value; empty when undefined
 * @param groups the groups that entered the test (those with at least one answer)
 * @param pairwise for scale items, two-sided Mann-Whitney U tests of every pair of groups with
 *     Holm-adjusted p-values (over the pairs of this item); empty for choice items
 * @param note why the test is limited or missing (e.g. options not aligned across groups), or empty
 * @param effect the effect size beside the test: rank ε² for Kruskal–Wallis, Cramér's V for chi-square;
 *     empty when the test is undefined
 * @param warning R's warning about the test, or empty: for chi-square, "Chi-squared approximation may be
 *     incorrect" when an expected count is below 5 ({@code chisq.test})
 * @param exact Fisher's exact test of the same group × option table, present when the chi-square test warns
 */
public record GroupTest(String item, String test, OptionalDouble statistic, int df, OptionalDouble p,
                        List<String> groups, List<Pairwise> pairwise, String note, Optional<Effect> effect,
                        Optional<String> warning, Optional<Exact> exact) {

    /** Copies the lists. */
    public GroupTest {
        groups = List.copyOf(groups);
        pairwise = List.copyOf(pairwise);
    }

    /** A test that could not be computed: no statistic, effect, warning or exact test. */
    static GroupTest undefined(String item, String test, List<String> groups, String note) {
        return new GroupTest(item, test, OptionalDouble.empty(), 0, OptionalDouble.empty(), groups, List.of(), note,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return the test with its statistic and p-value as numbers ({@code –} where undefined), e.g. for JShell */
    @Override
    public String toString() {
        return "GroupTest[item=" + item + ", test=" + test + ", statistic=" + text(statistic) + ", df=" + df + ", p="
                + text(p) + effect.map(e -> ", " + e).orElse("") + ", groups=" + groups + ", pairwise=" + pairwise
                + (note.isEmpty() ? "" : ", note=" + note) + warning.map(w -> ", warning=" + w).orElse("")
                + exact.map(e -> ", " + e).orElse("") + "]";
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "–";
    }

    /**
     * An effect size.
     *
     * @param name {@code cramers-v}, {@code rank-epsilon-squared} or {@code rank-biserial}
     * @param estimate the estimate
     * @param interval its 95% interval where effectsize gives one this library reproduces, else empty
     */
    public record Effect(String name, double estimate, Optional<ConfidenceInterval> interval) {
    }

    /**
     * Fisher's exact test of a choice item's group × option table (R {@code fisher.test}).
     *
     * @param p the two-sided p-value
     * @param method {@code exact}, or {@code monte-carlo} when the table has too many tables to enumerate
     *     ({@link FisherExact#DEFAULT_MAX_TABLES}); then {@code B = 2000} simulated tables, seed 1
     * @param result the full result (odds ratio for 2 × 2 tables)
     */
    public record Exact(double p, String method, FisherExact.Result result) {
        @Override
        public String toString() {
            return "fisher-exact[p=" + p + ", " + method + "]";
        }
    }

    /**
     * One pairwise Mann-Whitney U test.
     *
     * @param first the first group
     * @param second the second group
     * @param u U of the first group (scipy's U1)
     * @param p the unadjusted two-sided p-value (exact or normal approximation, as scipy's auto rule)
     * @param pHolm the Holm-adjusted p-value
     * @param method {@code exact} or {@code asymptotic}
     * @param effect the rank-biserial correlation of the first group against the second with its 95%
     *     Fisher-z interval (effectsize {@code rank_biserial})
     */
    public record Pairwise(String first, String second, double u, double p, double pHolm, String method,
                           Effect effect) {
    }
}
