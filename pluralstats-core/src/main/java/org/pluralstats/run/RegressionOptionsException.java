package org.pluralstats.run;

import org.pluralstats.PluralstatsException;

/**
 * Options of a regression that do not go together ({@link Analysis.Regression#of}): the message names them as
 * {@code pluralstats regress} spells them ({@code --cov}, {@code --cluster}, …); {@link #rule()} says which rule
 * was broken, so a reader of another spelling (the analysis file's keys) can word it its own way.
 */
public final class RegressionOptionsException extends PluralstatsException {
    private static final long serialVersionUID = 1L;

    /** The rules of {@link Analysis.Regression#of}, in the order they are checked. */
    public enum Rule {
        /** {@code --reml} or {@code --ml} without {@code --groups}. */
        CRITERION_WITHOUT_GROUPS,
        /** a covariance type that is none of nonrobust, HC0–HC3, cluster. */
        UNKNOWN_COVARIANCE,
        /** {@code --cov cluster} without a cluster column. */
        CLUSTER_COLUMN_MISSING,
        /** a cluster column with another covariance type. */
        CLUSTER_WITHOUT_CLUSTER_COVARIANCE,
        /** a robust covariance or weights with {@code --groups}: they apply to least squares. */
        LEAST_SQUARES_OPTION_WITH_GROUPS
    }

    private final transient Rule rule;

    RegressionOptionsException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** @return the rule broken */
    public Rule rule() {
        return rule;
    }
}
