package org.pluralstats.compare;

import org.pluralstats.io.forms.FormsSurvey;

/** The design fixture of {@link DesignedGroupSummaryReferenceTest} for tests in other packages. */
public final class DesignedGroupSummaryTestAccess {
    private DesignedGroupSummaryTestAccess() {
    }

    /** @return the three synthetic exports with weight, cluster and stratum read as attributes */
    public static FormsSurvey survey() {
        return DesignedGroupSummaryReferenceTest.survey();
    }

    /** @return the folder of the fixture's exports */
    public static java.nio.file.Path resourceDir() {
        return DesignedGroupSummaryReferenceTest.resource("forms-design-english.csv").getParent();
    }
}
