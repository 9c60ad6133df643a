package org.pluralstats.io.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.SurveyData;

/**
 * A set of Google Forms exports read as one survey: one {@link SurveyData} holding every group's kept
 * rows, with a categorical {@value #GROUP} attribute (levels in the order the groups were given), and
 * per group the details in a {@link FormsGroup}.
 */
public final class FormsSurvey {
    /** The name of the attribute column that holds each row's group. */
    public static final String GROUP = "group";

    private final SurveyData data;
    private final Map<String, FormsGroup> groups;
    private final FormsReadOptions options;

    FormsSurvey(SurveyData data, List<FormsGroup> groups, FormsReadOptions options) {
        this.data = data;
        this.groups = new LinkedHashMap<>();
        for (FormsGroup g : groups) {
            this.groups.put(g.name(), g);
        }
        this.options = options;
    }

    /** @return all kept rows of all groups, with the {@value #GROUP} attribute first */
    public SurveyData data() {
        return data;
    }

    /** @return the group names, in the order given to the reader */
    public List<String> groups() {
        return new ArrayList<>(groups.keySet());
    }

    /** @return the details of every group, in order */
    public List<FormsGroup> groupDetails() {
        return List.copyOf(groups.values());
    }

    /**
     * @param name a group name
     * @return its details
     * @throws PluralstatsException when there is no such group
     */
    public FormsGroup group(String name) {
        FormsGroup g = groups.get(name);
        if (g == null) {
            throw new PluralstatsException("no group \"" + name + "\"; groups: " + String.join(", ", groups.keySet()));
        }
        return g;
    }

    /**
     * @param group a group name
     * @return where that group's rows went
     */
    public Accounting accounting(String group) {
        return group(group).accounting();
    }

    /** @return where all rows went (the sum over groups) */
    public Accounting accounting() {
        return data.accounting();
    }

    /** @return the options the files were read with */
    public FormsReadOptions options() {
        return options;
    }

    /** @return the codebook used, if any */
    public Optional<Codebook> codebook() {
        return options.codebook();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FormsSurvey[");
        for (FormsGroup g : groups.values()) {
            b.append(g.name()).append(": ").append(g.accounting().kept()).append(" of ")
                    .append(g.accounting().inputRows()).append(" rows; ");
        }
        return b.append(data.items().size()).append(" items]").toString();
    }
}
