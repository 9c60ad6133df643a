package org.pluralstats.assertions;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.weight.ValuePolarityScore;

/**
 * Assertions on one value polarity score (one population × item): the score, its n, standard error,
 * effective size and interval. Failure messages name the population and item and show the row.
 */
public final class ScoreAssert extends AbstractAssert<ScoreAssert, ValuePolarityScore> {

    ScoreAssert(ValuePolarityScore actual) {
        super(actual, ScoreAssert.class);
    }

    private String where() {
        return actual.population() + " × " + actual.item();
    }

    /**
     * @param expected the value polarity score (Eq. 1), a share in [0, 1]
     * @param offset the tolerance ({@code within(1e-3)})
     * @return this
     */
    public ScoreAssert hasVps(double expected, Offset<Double> offset) {
        if (!Checks.close(actual.vps(), expected, offset)) {
            failWithMessage("Expected the VPS of %s to be %s but was %s%n(%s)", where(), Checks.describe(expected, offset),
                    actual.vps(), actual);
        }
        return this;
    }

    /**
     * @param expected respondents who answered the item
     * @return this
     */
    public ScoreAssert hasN(int expected) {
        if (actual.n() != expected) {
            failWithMessage("Expected n of %s to be %d but was %d", where(), expected, actual.n());
        }
        return this;
    }

    /**
     * @param expected the linearised standard error
     * @param offset the tolerance
     * @return this
     */
    public ScoreAssert hasStandardError(double expected, Offset<Double> offset) {
        if (!Checks.close(actual.se(), expected, offset)) {
            failWithMessage("Expected the SE of %s to be %s but was %s", where(), Checks.describe(expected, offset),
                    actual.se());
        }
        return this;
    }

    /**
     * @param expected Kish's effective sample size
     * @param offset the tolerance
     * @return this
     */
    public ScoreAssert hasEffectiveSize(double expected, Offset<Double> offset) {
        if (!Checks.close(actual.nEff(), expected, offset)) {
            failWithMessage("Expected n_eff of %s to be %s but was %s", where(), Checks.describe(expected, offset),
                    actual.nEff());
        }
        return this;
    }

    /**
     * @param lower the interval's expected lower end
     * @param upper its expected upper end
     * @param offset the tolerance for each end
     * @return this
     */
    public ScoreAssert hasInterval(double lower, double upper, Offset<Double> offset) {
        double low = ConfidenceInterval.lower(actual.interval());
        double high = ConfidenceInterval.upper(actual.interval());
        if (!Checks.close(low, lower, offset) || !Checks.close(high, upper, offset)) {
            failWithMessage("Expected the interval of %s to be [%s, %s] (± %s) but was [%s, %s]", where(), lower, upper,
                    offset.value, low, high);
        }
        return this;
    }

    /**
     * @param value a value the interval should cover (a published point estimate, another population's score)
     * @return this
     */
    public ScoreAssert intervalContains(double value) {
        if (!actual.interval().map(ci -> ci.contains(value)).orElse(false)) {
            failWithMessage("Expected the interval of %s to contain %s but it was %s", where(), value,
                    actual.interval().map(ConfidenceInterval::toString).orElse("undefined"));
        }
        return this;
    }

    /** @return this, after checking that the score is undefined (nobody in the population answered) */
    public ScoreAssert isUndefined() {
        if (actual.score().isPresent()) {
            failWithMessage("Expected no score for %s but it was %s (n = %d)", where(), actual.vps(), actual.n());
        }
        return this;
    }
}
