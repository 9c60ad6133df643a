package org.pluralstats.assertions;

import org.assertj.core.api.AbstractAssert;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.data.Item;
import org.pluralstats.run.FormsComparison;

/** Assertions on one group of a {@link GroupComparison}; {@link #item} narrows to one item. */
public final class GroupAssert extends AbstractAssert<GroupAssert, GroupComparison> {
    private final FormsComparison report;
    private final String group;

    GroupAssert(GroupComparison actual, FormsComparison report, String group) {
        super(actual, GroupAssert.class);
        this.report = report;
        this.group = group;
    }

    /**
     * @param itemId an item id ({@code Q4})
     * @return assertions on the group's summary of that item; fails when there is no such item
     */
    public GroupItemAssert item(String itemId) {
        boolean known = actual.items().stream().map(Item::id).anyMatch(itemId::equals);
        if (!known) {
            failWithMessage("Expected an item <%s> but the items are %s", itemId,
                    actual.items().stream().map(Item::id).toList());
        }
        return new GroupItemAssert(actual, report, group, itemId);
    }

    /**
     * Needs a {@link FormsComparison} (the respondents kept after exclusions).
     *
     * @param expected the group's respondents
     * @return this
     */
    public GroupAssert hasRespondents(int expected) {
        if (report == null) {
            failWithMessage("hasRespondents needs assertThat(FormsComparison), not a bare GroupComparison");
        }
        int n = report.survey().accounting(group).kept();
        if (n != expected) {
            failWithMessage("Expected %d respondents in group %s but there were %d (%s)", expected, group, n,
                    report.survey().accounting(group));
        }
        return this;
    }
}
