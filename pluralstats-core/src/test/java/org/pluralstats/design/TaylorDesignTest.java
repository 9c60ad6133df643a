package org.pluralstats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.table.ResultTable;

/** Hand-computed designs and the builder's refusals; R agreement is in {@link TaylorDesignReferenceTest}. */
class TaylorDesignTest {
    // two strata; stratum a: PSUs 1, 2 (of 10); stratum b: PSUs 3, 4, 5 (of 6)
    private static final String[] STRATA = {"a", "a", "a", "b", "b", "b", "b"};
    private static final long[] PSU = {1, 1, 2, 3, 4, 5, 5};
    private static final double[] FPC = {10, 10, 10, 6, 6, 6, 6};
    private static final double[] W = {2, 3, 1, 4, 2, 2, 1};
    private static final double[] Y = {1, 5, 2, 7, 3, 4, 6};

    private static TaylorDesign design() {
        return TaylorDesign.builder(7).clusters(PSU).strata(STRATA).fpc(FPC).weights(W).build();
    }

    /** svyrecvar written out for this design: Σ_h (1 − n_h/N_h) n_h/(n_h − 1) Σ_j (z_hj − z̄_h)². */
    private static double handVariance(double[] z) {
        double a1 = z[0] + z[1];
        double a2 = z[2];
        double b3 = z[3];
        double b4 = z[4];
        double b5 = z[5] + z[6];
        double ma = (a1 + a2) / 2;
        double mb = (b3 + b4 + b5) / 3;
        double va = (1 - 2.0 / 10) * 2 / 1 * ((a1 - ma) * (a1 - ma) + (a2 - ma) * (a2 - ma));
        double vb = (1 - 3.0 / 6) * 3 / 2 * ((b3 - mb) * (b3 - mb) + (b4 - mb) * (b4 - mb) + (b5 - mb) * (b5 - mb));
        return va + vb;
    }

    @Test
    void meanAndTotalFollowTheStratifiedClusterFormula() {
        TaylorDesign d = design();
        double wsum = 15;
        double ybar = (2 * 1 + 3 * 5 + 1 * 2 + 4 * 7 + 2 * 3 + 2 * 4 + 1 * 6) / wsum;
        double[] z = new double[7];
        double[] t = new double[7];
        for (int i = 0; i < 7; i++) {
            z[i] = W[i] * (Y[i] - ybar) / wsum;
            t[i] = W[i] * Y[i];
        }
        DesignEstimate mean = d.mean(Y, null, 0.95);
        assertThat(mean.estimate()).isCloseTo(ybar, within(1e-14));
        assertThat(mean.se()).isCloseTo(Math.sqrt(handVariance(z)), within(1e-14));
        assertThat(mean.df()).isEqualTo(5 - 2);
        DesignEstimate total = d.total(Y, null, 0.95);
        assertThat(total.estimate()).isCloseTo(67, within(1e-12));
        assertThat(total.se()).isCloseTo(Math.sqrt(handVariance(t)), within(1e-12));
    }

    @Test
    void aDomainHasZeroInfluenceOutsideAndKeepsThePsuCounts() {
        TaylorDesign d = design();
        boolean[] domain = {true, false, true, false, true, true, false};
        double wsum = 2 + 1 + 2 + 2;
        double ybar = (2 * 1 + 1 * 2 + 2 * 3 + 2 * 4) / wsum;
        double[] z = new double[7];
        for (int i = 0; i < 7; i++) {
            z[i] = domain[i] ? W[i] * (Y[i] - ybar) / wsum : 0;
        }
        DesignEstimate e = d.mean(Y, domain, 0.95);
        assertThat(e.estimate()).isCloseTo(ybar, within(1e-14));
        // PSU 3 has no domain member: a zero among stratum b's three PSUs, not a stratum of two
        assertThat(e.se()).isCloseTo(Math.sqrt(handVariance(z)), within(1e-14));
        assertThat(d.degreesOfFreedom(domain)).isEqualTo(4 - 2);
        // missing values are left out the same way (na.rm = TRUE)
        double[] withMissing = Y.clone();
        for (int i = 0; i < 7; i++) {
            if (!domain[i]) {
                withMissing[i] = Double.NaN;
            }
        }
        DesignEstimate na = d.mean(withMissing, null, 0.95);
        assertThat(na.estimate()).isEqualTo(e.estimate());
        assertThat(na.se()).isEqualTo(e.se());
    }

    @Test
    void separateDesignsRecountThePsus() {
        TaylorDesign d = design();
        boolean[] rows = {true, true, true, false, true, true, true};
        TaylorDesign sep = d.restrictedTo(rows);
        assertThat(sep.size()).isEqualTo(6);
        // stratum b now has PSUs 4 and 5 of 6: n_b = 2
        assertThat(sep.degreesOfFreedom()).isEqualTo(4 - 2);
        assertThat(d.degreesOfFreedom(rows)).isEqualTo(4 - 2);
        double[] ys = {1, 5, 2, 3, 4, 6};
        double[] ws = {2, 3, 1, 2, 2, 1};
        double wsum = 11;
        double ybar = 0;
        for (int i = 0; i < 6; i++) {
            ybar += ws[i] * ys[i] / wsum;
        }
        double[] z = new double[6];
        for (int i = 0; i < 6; i++) {
            z[i] = ws[i] * (ys[i] - ybar) / wsum;
        }
        double a1 = z[0] + z[1];
        double a2 = z[2];
        double b4 = z[3];
        double b5 = z[4] + z[5];
        double va = 0.8 * 2 * (Math.pow(a1 - (a1 + a2) / 2, 2) + Math.pow(a2 - (a1 + a2) / 2, 2));
        double vb = (1 - 2.0 / 6) * 2 * (Math.pow(b4 - (b4 + b5) / 2, 2) + Math.pow(b5 - (b4 + b5) / 2, 2));
        assertThat(sep.mean(ys, null, 0.95).se()).isCloseTo(Math.sqrt(va + vb), within(1e-14));
        assertThat(sep.mean(ys, null, 0.95).se()).isNotCloseTo(d.mean(Y, rows, 0.95).se(), within(1e-6));
    }

    @Test
    void lonelyPsuRules() {
        String[] strata = {"a", "a", "b", "b", "c"};
        long[] psu = {1, 2, 3, 4, 5};
        double[] y = {1, 2, 4, 8, 16};
        TaylorDesign fail = TaylorDesign.builder(5).clusters(psu).strata(strata).build();
        assertThatThrownBy(() -> fail.mean(y, null, 0.95)).isInstanceOf(PluralstatsException.class)
                .hasMessage("stratum c has only one PSU at stage 1 (lonely PSU rule fail; choose another with "
                        + "with(LonelyPsu))");
        // outside the lonely stratum nothing fails (R checks while it computes)
        assertThat(fail.mean(y, new boolean[] {true, true, true, true, false}, 0.95).se()).isFinite();
        double ybar = 31 / 5.0;
        double va = 2 * (Math.pow((1 - 2) / 5.0 / 2, 2) * 2);
        double vb = 2 * (Math.pow((4 - 8) / 5.0 / 2, 2) * 2);
        double zc = (16 - ybar) / 5;
        assertThat(fail.with(LonelyPsu.REMOVE).mean(y, null, 0.95).se()).isCloseTo(Math.sqrt(va + vb), within(1e-14));
        assertThat(fail.with(LonelyPsu.CERTAINTY).mean(y, null, 0.95).se()).isCloseTo(Math.sqrt(va + vb),
                within(1e-14));
        assertThat(fail.with(LonelyPsu.ADJUST).mean(y, null, 0.95).se()).isCloseTo(Math.sqrt(va + vb + zc * zc),
                within(1e-14));
        assertThat(fail.with(LonelyPsu.AVERAGE).mean(y, null, 0.95).se()).isCloseTo(Math.sqrt((va + vb) * 3 / 2),
                within(1e-14));
        assertThat(fail.lonelyPsu()).isEqualTo(LonelyPsu.FAIL);
    }

    @Test
    void aLonelyPsuAtTheSecondStageNamesItsCluster() {
        long[] district = {1, 1, 2, 2, 3};
        long[] school = {1, 2, 3, 4, 5};
        double[] fpc1 = {10, 10, 10, 10, 10};
        double[] fpc2 = {5, 5, 5, 5, 4};
        TaylorDesign d = TaylorDesign.builder(5).clusters(district, school).fpc(fpc1, fpc2).build();
        assertThatThrownBy(() -> d.mean(new double[] {1, 2, 3, 4, 5}, null, 0.95))
                .hasMessageStartingWith("stratum within stage-1 cluster 3 has only one PSU at stage 2");
        // a census of the district's schools is self-representing, not lonely
        double[] census = {5, 5, 5, 5, 1};
        assertThat(TaylorDesign.builder(5).clusters(district, school).fpc(fpc1, census).build()
                .mean(new double[] {1, 2, 3, 4, 5}, null, 0.95).se()).isFinite();
    }

    @Test
    void intervalsUseTheChosenQuantile() {
        TaylorDesign d = design();
        DesignEstimate t = d.mean(Y, null, 0.9);
        assertThat(t.ciHigh() - t.estimate()).isCloseTo(2.3533634348018264 * t.se(), within(1e-12));
        DesignEstimate z = d.with(IntervalDf.NORMAL).mean(Y, null, 0.9);
        assertThat(z.ciHigh() - z.estimate()).isCloseTo(1.6448536269514722 * z.se(), within(1e-12));
        assertThat(z.df()).isInfinite();
        boolean[] domain = {true, true, true, false, false, false, true};
        assertThat(d.with(IntervalDf.DOMAIN).mean(Y, domain, 0.9).df()).isEqualTo(3 - 2);
    }

    @Test
    void theBuilderRefusesWhatSvydesignRefuses() {
        assertThatThrownBy(() -> TaylorDesign.builder(7).weights(W).probabilities(new double[7]).build())
                .hasMessage("give sampling weights or probabilities, not both");
        assertThatThrownBy(() -> TaylorDesign.builder(7).clusters(new long[] {1, 1, 1, 1, 1, 1, 1}).build())
                .hasMessage("the design has only one primary sampling unit");
        assertThatThrownBy(() -> TaylorDesign.builder(7).clusters(new long[] {1, 1, 2, 2, 1, 3, 3}).strata(STRATA)
                .build()).hasMessageContaining("cluster 2 is in more than one stratum");
        assertThat(TaylorDesign.builder(7).clusters(new long[] {1, 1, 2, 2, 1, 3, 3}).strata(STRATA).nest(true)
                .build().degreesOfFreedom()).isEqualTo(5 - 2);
        assertThatThrownBy(() -> TaylorDesign.builder(7).clusters(PSU).strata(STRATA)
                .fpc(new double[] {10, 10, 10, 0.5, 0.5, 0.5, 0.5}).build())
                .hasMessage("fpc must be all population sizes (>= 1) or all sampling fractions (<= 1)");
        assertThatThrownBy(() -> TaylorDesign.builder(7).clusters(PSU).strata(STRATA)
                .fpc(new double[] {10, 10, 10, 2, 2, 2, 2}).build())
                .hasMessageStartingWith("fpc implies more than 100% sampling");
        assertThatThrownBy(() -> TaylorDesign.builder(7).clusters(PSU).strata(STRATA)
                .fpc(new double[] {10, 10, 11, 6, 6, 6, 6}).build())
                .hasMessageStartingWith("fpc varies within a stratum at stage 1");
        assertThatThrownBy(() -> TaylorDesign.builder(7).weights(new double[] {1, 2}).build())
                .hasMessage("weights has 2 values for 7 respondents");
        assertThatThrownBy(() -> TaylorDesign.builder(7).weights(new double[] {1, 2, 0, 1, 1, 1, 1}).build())
                .hasMessage("weights must be finite and positive: respondent 3 has 0.0");
        assertThatThrownBy(() -> design().mean(new double[3], null, 0.95))
                .hasMessage("y has 3 values, the design 7 respondents");
        assertThatThrownBy(() -> design().proportion(Y, null, ProportionMethod.LOGIT, 0.95))
                .hasMessage("a proportion needs 0/1 values, respondent 2 has 5.0");
    }

    @Test
    void samplingFractionsAndPopulationSizesAgree() {
        double[] fractions = {0.2, 0.2, 0.2, 0.5, 0.5, 0.5, 0.5};
        DesignEstimate a = design().mean(Y, null, 0.95);
        DesignEstimate b = TaylorDesign.builder(7).clusters(PSU).strata(STRATA).fpc(fractions).weights(W).build()
                .mean(Y, null, 0.95);
        assertThat(b.se()).isCloseTo(a.se(), within(1e-15));
        // without weights they come from the fpc: N_h / n_h
        assertThat(TaylorDesign.builder(7).clusters(PSU).strata(STRATA).fpc(FPC).build().weights())
                .containsExactly(5, 5, 5, 2, 2, 2, 2);
    }

    @Test
    void printsLikeR() {
        assertThat(design().toString()).startsWith("Stratified 1 - level Cluster Sampling design\nWith (5) clusters.\n");
        assertThat(TaylorDesign.builder(7).weights(W).build().toString())
                .startsWith("Independent Sampling design (with replacement)\nTaylorDesign: 7 respondents, ");
    }

    @Test
    void domainsAsATable() {
        String[] g = {"x", "y", "x", "y", "x", "y", null};
        DesignEstimates by = design().by("y", Y, g, DesignEstimates.Statistic.MEAN, DomainMethod.DOMAIN, 0.95);
        ResultTable t = by.table();
        assertThat(t.columns()).extracting(c -> c.name())
                .containsExactly("variable", "domain", "estimate", "se", "ciLow", "ciHigh", "df", "deff", "n");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.text(1, 1)).isEqualTo("y");
        assertThat(t.number(0, 2)).isEqualTo(design().mean(Y, new boolean[] {true, false, true, false, true, false,
                false}, 0.95).estimate());
        assertThat(t.metadata()).containsEntry("domains", "domain estimation")
                .containsEntry("interval", "t on degf(design)");
        assertThat(by.toString()).isEqualTo(t.toString());
        assertThatThrownBy(() -> by.domain("z")).hasMessage("no domain z among [x, y]");
    }
}
