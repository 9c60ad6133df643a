package org.pluralstats.assertions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.compare.ItemSummary;
import org.pluralstats.io.forms.CodebookItem;
import org.pluralstats.io.forms.CodebookOption;
import org.pluralstats.run.FormsComparison;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.LikertSummary;
import org.pluralstats.stats.Proportion;

/**
 * Assertions on one group's summary of one item: the mean and its interval for scale items, the
 * share of an option for choice items, the answer count, and the Table 1 cell as printed.
 */
public final class GroupItemAssert extends AbstractAssert<GroupItemAssert, ItemSummary> {
    private final GroupComparison comparison;
    private final FormsComparison report;
    private final String group;
    private final String itemId;

    GroupItemAssert(GroupComparison comparison, FormsComparison report, String group, String itemId) {
        super(comparison.summary(group, itemId), GroupItemAssert.class);
        this.comparison = comparison;
        this.report = report;
        this.group = group;
        this.itemId = itemId;
    }

    private String where() {
        return group + " × " + itemId;
    }

    private LikertSummary likert() {
        if (!(actual instanceof ItemSummary.Scale s)) {
            failWithMessage("%s is a %s item, not a scale item", where(), actual.item().kind().jsonName());
            throw new AssertionError();
        }
        return s.likert();
    }

    /**
     * @param expected the group's mean of a scale item
     * @param offset the tolerance
     * @return this
     */
    public GroupItemAssert hasMean(double expected, Offset<Double> offset) {
        OptionalDouble m = likert().mean();
        if (m.isEmpty() || !Checks.close(m.getAsDouble(), expected, offset)) {
            failWithMessage("Expected the mean of %s to be %s but was %s (n = %d)", where(),
                    Checks.describe(expected, offset), m.isPresent() ? m.getAsDouble() : "undefined", actual.n());
        }
        return this;
    }

    /**
     * @param lower the expected lower end of the 95% t interval of the mean
     * @param upper its expected upper end
     * @param offset the tolerance for each end
     * @return this
     */
    public GroupItemAssert hasMeanInterval(double lower, double upper, Offset<Double> offset) {
        Optional<ConfidenceInterval> ci = likert().meanInterval();
        if (ci.isEmpty() || !Checks.close(ci.get().lower(), lower, offset) || !Checks.close(ci.get().upper(), upper, offset)) {
            failWithMessage("Expected the interval of the mean of %s to be [%s, %s] (± %s) but was %s", where(), lower,
                    upper, offset.value, ci.map(c -> "[" + c.lower() + ", " + c.upper() + "]").orElse("undefined"));
        }
        return this;
    }

    /**
     * @param expected respondents of the group who answered the item
     * @return this
     */
    public GroupItemAssert hasN(int expected) {
        if (actual.n() != expected) {
            failWithMessage("Expected %d answers to %s but there were %d", expected, where(), actual.n());
        }
        return this;
    }

    /**
     * The share of respondents who chose an option of a choice item, as a proportion in [0, 1].
     *
     * @param option the option: its canonical form (the codebook code, e.g. {@code B}), its codebook
     *     label ({@code Model B}), or the group's own text of it
     * @param expected the expected share ({@code 0.727} for 72.7%)
     * @param offset the tolerance
     * @return this
     */
    public GroupItemAssert hasShare(String option, double expected, Offset<Double> offset) {
        String canonical = canonical(option);
        Optional<Proportion> p = comparison.share(group, itemId, canonical);
        if (p.isEmpty() || p.get().estimate().isEmpty() || !Checks.close(p.get().estimate().getAsDouble(), expected, offset)) {
            failWithMessage("Expected the share choosing %s in %s to be %s but was %s", option, where(),
                    Checks.describe(expected, offset),
                    p.map(x -> x.estimate().isPresent() ? x.count() + "/" + x.n() + " = " + x.estimate().getAsDouble()
                            : "undefined").orElse("undefined (options not aligned across groups)"));
        }
        return this;
    }

    /**
     * The Table 1 cell as printed: the mean to 2 decimals or the reported option's percentage to 1,
     * rounded half to even (needs {@code assertThat(FormsComparison)}).
     *
     * @param expected the printed cell ({@code "1.43"}, {@code "72.7"})
     * @return this
     */
    public GroupItemAssert hasTableCell(String expected) {
        if (report == null) {
            failWithMessage("hasTableCell needs assertThat(FormsComparison), not a bare GroupComparison");
        }
        OptionalDouble v = report.cell(group, itemId);
        String shown = v.isPresent() ? FormsComparison.round(v.getAsDouble(), report.decimals(itemId)) : "–";
        if (!shown.equals(expected)) {
            failWithMessage("Expected the Table 1 cell %s to read %s but it reads %s (unrounded %s)", where(), expected,
                    shown, v.isPresent() ? v.getAsDouble() : "undefined");
        }
        return this;
    }

    private String canonical(String option) {
        List<String> options = comparison.canonicalOptions(itemId);
        if (options.contains(option)) {
            return option;
        }
        if (report != null) {
            Optional<CodebookItem> ci = report.survey().codebook().flatMap(c -> c.item(itemId));
            if (ci.isPresent()) {
                for (CodebookOption o : ci.get().options()) {
                    if (o.label().equals(option) || o.texts().containsValue(option)) {
                        return o.code();
                    }
                }
            }
            for (Map.Entry<String, String> e : report.survey().group(group).options(itemId).entrySet()) {
                if (e.getValue().equals(option) && options.contains(e.getKey())) {
                    return e.getKey();
                }
            }
        }
        List<String> known = new ArrayList<>(options);
        failWithMessage("Item %s has no option <%s>; its options are %s", itemId, option, known);
        return option;
    }
}
