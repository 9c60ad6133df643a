package org.pluralstats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;

/** Degenerate input: undefined statistics are NaN with a reason, bad input is a PluralstatsException. */
class AgreementDegenerateTest {
    static final double NAN = Double.NaN;

    @Test
    void oneCategoryOnlyLeavesKappaAndAlphaUndefinedWithAReason() {
        double[][] same = {{1, 1}, {1, 1}, {1, NAN}};
        AgreementStatistic k = CohensKappa.withDefaults().estimate(new double[] {1, 1, 1}, new double[] {1, 1, NAN});
        assertThat(k.estimate()).isNaN();
        assertThat(k.units()).isEqualTo(2);
        assertThat(k.note()).contains("one category only");
        assertThat(CohensKappa.withDefaults().with(KappaWeights.LINEAR).estimate(new double[] {2, 2}, new double[] {2, 2}).note())
                .contains("one category only");
        assertThat(FleissKappa.of(same, FleissKappa.Method.FLEISS).note()).contains("one category only")
                .contains("1 unit(s) with a missing rating left out");
        assertThat(FleissKappa.of(same, FleissKappa.Method.RANDOLPH).estimate()).isNaN();
        AgreementStatistic a = KrippendorffAlpha.of(same, MeasurementLevel.NOMINAL);
        assertThat(a.estimate()).isNaN();
        assertThat(a.note()).contains("one value only");
        assertThat(PercentAgreement.of(same).estimate()).isEqualTo(1.0);
    }

    @Test
    void noPairableValues() {
        double[][] lonely = {{1, NAN}, {NAN, 2}, {NAN, NAN}};
        assertThat(KrippendorffAlpha.of(lonely, MeasurementLevel.INTERVAL).note()).contains("no pairable values");
        assertThat(KrippendorffAlpha.of(lonely, MeasurementLevel.INTERVAL).values()).isZero();
        assertThat(PercentAgreement.of(lonely).estimate()).isNaN();
        assertThat(PercentAgreement.of(lonely).note()).contains("no unit has two ratings");
        assertThat(CohensKappa.withDefaults().estimate(new double[] {1, NAN}, new double[] {NAN, 2}).note())
                .contains("no unit rated by both");
        assertThat(FleissKappa.of(lonely, FleissKappa.Method.FLEISS).note()).contains("no unit rated by every rater");
        assertThat(MeanAbsoluteError.of(new double[] {1, NAN}, new double[] {NAN, 2}, 0.95).note()).contains("no unit scored by both");
        assertThat(KrippendorffAlpha.of(new double[0][], MeasurementLevel.NOMINAL).estimate()).isNaN();
    }

    @Test
    void perfectAgreementAndOneUnit() {
        double[][] perfect = {{1, 1, 1}, {2, 2, 2}, {3, 3, NAN}};
        assertThat(KrippendorffAlpha.of(perfect, MeasurementLevel.NOMINAL).estimate()).isEqualTo(1.0);
        assertThat(FleissKappa.of(perfect, FleissKappa.Method.FLEISS).estimate()).isCloseTo(1.0, within(1e-15));
        assertThat(CohensKappa.withDefaults().estimate(new double[] {1, 2, 3}, new double[] {1, 2, 3}).estimate()).isEqualTo(1.0);
        AgreementStatistic one = MeanAbsoluteError.of(new double[] {0.2}, new double[] {0.5}, 0.95);
        assertThat(one.estimate()).isCloseTo(0.3, within(1e-15));
        assertThat(one.se()).isNaN();
        assertThat(one.note()).contains("one unit");
    }

    @Test
    void refusesMalformedInput() {
        assertThatThrownBy(() -> KrippendorffAlpha.of(new double[][] {{1, 2}, {1}}, MeasurementLevel.NOMINAL))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("unit 2 has 1 raters");
        assertThatThrownBy(() -> PercentAgreement.of(new double[][] {{1, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("infinite");
        assertThatThrownBy(() -> KrippendorffAlpha.of(new double[][] {{-1, 2}, {1, 1}}, MeasurementLevel.RATIO))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> CohensKappa.withDefaults().estimate(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("same units");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new double[][] {{1, 2}, {2, 2}}, FleissKappa.Method.FLEISS))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("unit 2");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new double[][] {{1.5, 1}, {2, 0.5}}, FleissKappa.Method.FLEISS))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("whole number of raters");
        assertThatThrownBy(() -> MeasurementLevel.parse("cardinal")).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("nominal, ordinal, interval or ratio");
        assertThatThrownBy(() -> KappaWeights.parse("cubic")).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> Agreement.withDefaults().report(new double[][] {{1}}, List.of("a")))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("two raters");
    }

    @Test
    void reportHasARowPerStatisticAndItsJsonHasNoNaN() {
        double[][] m = {{0.1, 0.2}, {0.5, 0.5}, {0.9, 0.8}, {0.4, NAN}, {0.0, 0.1}};
        AgreementReport r = Agreement.withDefaults().with(MeasurementLevel.INTERVAL).with(KappaWeights.QUADRATIC)
                .report(m, List.of("human", "judge"));
        assertThat(r.rows()).extracting(AgreementStatistic::statistic).containsExactly("percent agreement", "Cohen's kappa",
                "Cohen's kappa", "Fleiss' kappa", "Randolph's kappa", "Krippendorff's alpha", "mean absolute error");
        assertThat(r.find("Cohen's kappa", "quadratic")).isPresent();
        assertThat(r.find(AgreementStatistic.MEAN_ABSOLUTE_ERROR, "interval").orElseThrow().estimate())
                .isCloseTo(0.3 / 4, within(1e-15));
        assertThat(r.table().rows()).isEqualTo(7);
        assertThat(r.table().metadata()).containsEntry("raters", "human, judge").containsEntry("level", "interval");
        String json = org.pluralstats.report.ResultTableWriters.write(r.table(), "json");
        assertThat(json).doesNotContain("NaN").contains("\"se\" : null");
        assertThat(r.toString()).isEqualTo(r.table().toString());
    }

    @Test
    void judgeReliabilityIsOneMinusTheMeanAbsoluteError() {
        Ratings ratings = new Ratings("a.csv", List.of("s1", "s2", "s3", "s4"), List.of("human", "judge"),
                new double[][] {{0.5, 0.55}, {1, 1}, {0, 0.1}, {0.25, NAN}}, List.of());
        JudgeReliability j = JudgeReliability.of(ratings, "human", "judge");
        assertThat(j.meanAbsoluteError()).isCloseTo(0.05, within(1e-15));
        assertThat(j.reliability()).isCloseTo(0.95, within(1e-15));
        assertThat(j.units()).isEqualTo(3);
        assertThat(j.percentAgreement()).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(j.describeSource("a.csv")).startsWith("1 - mean absolute error 0.05").endsWith("judge against human over 3 units (a.csv)");
        Ratings outside = new Ratings("b.csv", List.of("s1", "s2"), List.of("human", "judge"),
                new double[][] {{0.5, 2}, {1, 1}}, List.of());
        assertThatThrownBy(() -> JudgeReliability.of(outside, "human", "judge")).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("b.csv, unit s1: score 2.0 outside [0, 1]");
        assertThatThrownBy(() -> JudgeReliability.of(ratings, "human", "llm")).hasMessageContaining("no rater llm");
    }
}
