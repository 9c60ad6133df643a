package org.pluralstats.compare;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A test of one item across groups.
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
 */
public record GroupTest(String item, String test, OptionalDouble statistic, int df, OptionalDouble p,
                        List<String> groups, List<Pairwise> pairwise, String note) {

    /** Copies the lists. */
    public GroupTest {
        groups = List.copyOf(groups);
        pairwise = List.copyOf(pairwise);
    }

    /** @return the test with its statistic and p-value as numbers ({@code –} where undefined), e.g. for JShell */
    @Override
    public String toString() {
        return "GroupTest[item=" + item + ", test=" + test + ", statistic=" + text(statistic) + ", df=" + df + ", p="
                + text(p) + ", groups=" + groups + ", pairwise=" + pairwise + (note.isEmpty() ? "" : ", note=" + note) + "]";
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "–";
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
     */
    public record Pairwise(String first, String second, double u, double p, double pHolm, String method) {
    }
}
