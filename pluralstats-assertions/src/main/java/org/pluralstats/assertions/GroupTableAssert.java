package org.pluralstats.assertions;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.run.FormsComparison;

/**
 * Assertions on a survey compared group by group (the pilot's Table 1 and what lies behind it):
 * {@link #group} narrows to one group, then {@code item} to one cell.
 */
public final class GroupTableAssert extends AbstractAssert<GroupTableAssert, GroupComparison> {
    private final FormsComparison report;

    GroupTableAssert(GroupComparison actual, FormsComparison report) {
        super(actual, GroupTableAssert.class);
        this.report = report;
    }

    /**
     * @param group a group name ({@code Farsi})
     * @return assertions on that group; fails when there is no such group
     */
    public GroupAssert group(String group) {
        isNotNull();
        if (!actual.groups().contains(group)) {
            failWithMessage("Expected a group <%s> but the groups are %s", group, actual.groups());
        }
        return new GroupAssert(actual, report, group);
    }

    /**
     * @param groups the groups, in order
     * @return this
     */
    public GroupTableAssert hasGroups(String... groups) {
        isNotNull();
        if (!actual.groups().equals(List.of(groups))) {
            failWithMessage("Expected groups %s but were %s", List.of(groups), actual.groups());
        }
        return this;
    }
}
