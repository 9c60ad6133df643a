package org.pluralstats.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pluralstats.regress.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.table.ResultTable;

/**
 * The conditional variances of the random intercepts and the variance-component intervals of
 * {@link MixedModelResult} against lme4 1.1.31 ({@code tools/mixed_ranef_reference.R}) and statsmodels
 * 0.13.5 ({@code tools/mixed_vc_reference.py}), REML and ML, on an unbalanced data set (20 groups of 34–39,
 * {@code mixed_synthetic.csv}) and one near the boundary (10 groups of 4–13, group SD ≈ 5% of the residual
 * SD, {@code near_boundary_synthetic.csv}, whose profile of the group SD reaches 0).
 *
 * <p>Quantities that follow from θ are compared at lme4's θ ({@link MixedModel#fitAt}) to {@value #EXACT}:
 * the random intercepts, lme4's {@code postVar}, statsmodels' Hessian-based {@code bse_re}. The profile
 * limits do not depend on the fitted θ (they are roots of the ML profile) and are compared with the
 * exact roots R finds by {@code uniroot} to {@value #EXACT}, and with lme4's spline-interpolated
 * {@code confint(method = "profile")} to {@value #CONFINT}. The fitted θ itself agrees with lme4's to
 * {@value #THETA} (both minimise a criterion that is flat at its minimum).
 */
class MixedModelVarianceComponentsReferenceTest {
    static final double EXACT = 1e-10;
    static final double CONFINT = 1e-5;
    static final double THETA = 2e-6;

    static Stream<Arguments> lme4() {
        return Fixtures.cases("mixed_ranef_lme4.json", "tools/mixed_ranef_reference.R");
    }

    static Stream<Arguments> statsmodels() {
        return Fixtures.cases("mixed_vc_statsmodels.json", "tools/mixed_vc_reference.py");
    }

    private static MixedModel model(JsonNode c) {
        return MixedModel.withDefaults()
                .with(c.get("reml").asBoolean() ? MixedModel.Criterion.REML : MixedModel.Criterion.ML);
    }

    private static MixedModelResult fit(JsonNode c) {
        return model(c).fit(c.get("formula").asText(), Fixtures.data(c.get("data").asText()), c.get("groups").asText());
    }

    private static MixedModelResult fitAtReference(JsonNode c, double theta) {
        return model(c).fitAt(c.get("formula").asText(), Fixtures.data(c.get("data").asText()),
                c.get("groups").asText(), theta);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lme4")
    void conditionalModesAndVariancesEqualLme4AtItsTheta(String name, JsonNode c) {
        MixedModelResult r = fitAtReference(c, c.get("theta").asDouble());
        assertClose(name + " sigma", Math.sqrt(r.scale()), c.get("sigma").asDouble(), EXACT, 1.0);
        assertClose(name + " group variance", r.groupVariance(), c.get("group_var").asDouble(), EXACT, 1e-300);
        Map<String, Double> modes = r.randomEffects();
        Map<String, Double> condVar = r.conditionalVariances();
        assertThat(condVar.keySet()).containsExactlyElementsOf(modes.keySet());
        assertThat(condVar).hasSize(c.get("cond_var").size());
        Iterator<Map.Entry<String, JsonNode>> it = c.get("cond_var").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String g = e.getKey();
            assertClose(name + " postVar " + g, condVar.get(g), e.getValue().asDouble(), EXACT, 1e-300);
            assertClose(name + " mode " + g, modes.get(g), c.get("ranef").get(g).asDouble(), EXACT, 1e-6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lme4")
    void fittedThetaIsAsGoodAsLme4s(String name, JsonNode c) {
        MixedModelResult ours = fit(c);
        MixedModelResult atLme4 = fitAtReference(c, c.get("theta").asDouble());
        assertClose(name + " theta", ours.theta(), c.get("theta").asDouble(), THETA, 1e-300);
        assertThat(ours.logLikelihood()).as(name).isGreaterThanOrEqualTo(atLme4.logLikelihood() - 1e-11);
        for (String g : ours.conditionalVariances().keySet()) {
            assertClose(name + " postVar " + g, ours.conditionalVariances().get(g),
                    c.get("cond_var").get(g).asDouble(), 2 * THETA, 1e-300);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lme4")
    void profileLimitsEqualTheExactRootsAndLme4sConfint(String name, JsonNode c) {
        List<MixedModelResult.VarianceComponent> vc = fit(c).varianceComponents();
        assertThat(vc).extracting(MixedModelResult.VarianceComponent::component)
                .containsExactly(c.get("groups").asText() + " (Intercept)", "Residual");
        double[] ours = {vc.get(0).profileLower(), vc.get(0).profileUpper(), vc.get(1).profileLower(),
            vc.get(1).profileUpper()};
        JsonNode exact = c.get("profile_exact");
        JsonNode confint = c.get("profile_confint");
        String[] what = {"sig01 lower", "sig01 upper", "sigma lower", "sigma upper"};
        for (int k = 0; k < 4; k++) {
            String par = k < 2 ? "sig01" : "sigma";
            double e = exact.get(par).get(k % 2).asDouble();
            assertClose(name + " exact " + what[k], ours[k], e, EXACT, 1e-12);
            assertClose(name + " confint " + what[k], ours[k], confint.get(par).get(k % 2).asDouble(), CONFINT, 1e-12);
        }
        assertThat(vc.get(0).profileLower()).isLessThan(vc.get(0).sd());
        assertThat(vc.get(0).profileUpper()).isGreaterThan(vc.get(0).sd());
    }

    @Test
    void remlFitsAreProfiledOnTheMlDevianceAsLme4Does() {
        RegressionData d = Fixtures.data("mixed_synthetic.csv");
        String f = "alignment ~ consistency + language";
        List<MixedModelResult.VarianceComponent> reml = MixedModel.withDefaults().fit(f, d, "model_name").varianceComponents();
        List<MixedModelResult.VarianceComponent> ml = MixedModel.withDefaults().with(MixedModel.Criterion.ML)
                .fit(f, d, "model_name").varianceComponents();
        for (int k = 0; k < 2; k++) {
            assertThat(reml.get(k).variance()).isNotEqualTo(ml.get(k).variance());
            assertClose("lower " + k, reml.get(k).profileLower(), ml.get(k).profileLower(), 1e-12, 1e-12);
            assertClose("upper " + k, reml.get(k).profileUpper(), ml.get(k).profileUpper(), 1e-12, 1e-12);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statsmodels")
    void waldStandardErrorEqualsStatsmodelsHessian(String name, JsonNode c) {
        MixedModelResult r = fitAtReference(c, c.get("exact_theta").asDouble());
        assertClose(name + " scale", r.scale(), c.get("exact_scale").asDouble(), EXACT, 1.0);
        assertClose(name + " bse_re", r.statsmodelsGroupVarianceBse(), c.get("exact_bse_re").asDouble(), EXACT, 1e-300);
        assertClose(name + " se of the group variance", r.groupVarianceStandardError(),
                c.get("exact_scale").asDouble() * c.get("exact_se_psi").asDouble(), EXACT, 1e-300);
        // statsmodels' own fit stops earlier: its bse_re agrees to the precision of its optimum
        MixedModelResult fitted = fit(c);
        assertClose(name + " bse_re of statsmodels' fit", fitted.statsmodelsGroupVarianceBse(),
                c.get("fit_bse_re").asDouble(), 5e-4, 1e-300);
        MixedModelResult.VarianceComponent g = fitted.varianceComponents().get(0);
        double z = TestDistributions.Z_975;
        assertThat(g.standardError()).isEqualTo(fitted.groupVarianceStandardError());
        assertThat(g.waldUpper()).isEqualTo(g.variance() + z * g.standardError());
        assertThat(g.waldLower()).isEqualTo(Math.max(0.0, g.variance() - z * g.standardError()));
    }

    @Test
    void randomEffectsTableCarriesConditionalSdAndPredictionInterval() {
        MixedModelResult r = MixedModel.withDefaults()
                .fit("y ~ x", Fixtures.data("near_boundary_synthetic.csv"), "g");
        ResultTable t = r.randomEffectsTable();
        assertThat(t.columns()).extracting(org.pluralstats.table.Column::name).containsExactly("group", "effect", "condVar", "condSd", "pi_lower", "pi_upper", "n");
        assertThat(t.rows()).isEqualTo(10);
        double z = TestDistributions.Z_975;
        int j = 0;
        for (Map.Entry<String, Double> e : r.randomEffects().entrySet()) {
            double v = r.conditionalVariances().get(e.getKey());
            assertThat(t.text(j, col(t, "group"))).isEqualTo(e.getKey());
            assertThat(t.integer(j, col(t, "n"))).isEqualTo(r.groupSizes()[j]);
            assertThat(t.number(j, col(t, "condVar"))).isEqualTo(v);
            assertThat(t.number(j, col(t, "condSd"))).isEqualTo(Math.sqrt(v));
            assertThat(t.number(j, col(t, "pi_lower"))).isEqualTo(e.getValue() - z * Math.sqrt(v));
            assertThat(t.number(j, col(t, "pi_upper"))).isEqualTo(e.getValue() + z * Math.sqrt(v));
            j++;
        }
        // larger groups are predicted more precisely
        assertThat(r.conditionalVariances().get("g10")).isLessThan(r.conditionalVariances().get("g01"));
    }

    private static int col(ResultTable t, String name) {
        return t.columnIndex(name).orElseThrow();
    }

    @Test
    void onTheBoundaryTheConditionalVariancesAndTheLowerProfileLimitAreZero() {
        MixedModelResult r = MixedModel.withDefaults().fit("y ~ x", Fixtures.data("boundary_synthetic.csv"), "g");
        assertThat(r.boundary()).isTrue();
        assertThat(r.conditionalVariances().values()).containsOnly(0.0);
        MixedModelResult.VarianceComponent g = r.varianceComponents().get(0);
        assertThat(g.profileLower()).isZero();
        assertThat(g.profileUpper()).isPositive();
        // the Wald SE is undefined where minus the Hessian is not positive; the profile is the interval to read
        assertThat(g.standardError()).isNaN();
        assertThat(g.waldLower()).isNaN();
        assertThat(r.varianceComponentsTable().rows()).isEqualTo(2);
    }
}
