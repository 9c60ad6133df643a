package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import org.pluralstats.regress.Coefficient;
import org.pluralstats.regress.CovarianceType;
import org.pluralstats.regress.OlsResult;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.report.svg.Chart;
import org.pluralstats.report.svg.ChartStyle;
import org.pluralstats.report.svg.DotPlot;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.ScatterPlot;
import org.pluralstats.report.svg.SeriesData;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.RegressionRun;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * The report section of a regression ({@link RegressionRun}): a coefficient plot (each term's estimate
 * with its 95% interval, a dashed zero line), residuals against fitted values, and the tables
 * {@code pluralstats regress} prints for the same fit — coefficients, fit statistics and, for least
 * squares, statsmodels' residual diagnostics; for a mixed model, a caterpillar plot of the predicted random
 * intercepts with their prediction intervals and the variance-components and random-effects tables — written by the
 * same generic writers, so they are the command's bytes.
 */
public final class RegressionSections {
    /** The seed of the random sample of points drawn when a fit has more than {@link ScatterPlot#DEFAULT_MAX_POINTS} rows. */
    public static final long SAMPLE_SEED = PercentileBootstrap.DEFAULT_SEED;

    private RegressionSections() {
    }

    /**
     * @param id the section id and prefix of its figure and table ids ({@code regression})
     * @param run the fitted regression
     * @return the section: intro, coefficient plot, residuals against fitted values, (mixed model) the caterpillar
     *     plot of the random intercepts, coefficient table, fit table, (least squares) diagnostics table, (mixed
     *     model) variance-components and random-effects tables
     */
    public static ReportSection of(String id, RegressionRun run) {
        Analysis.Regression r = run.regression();
        ReportSection.Builder s = ReportSection.builder(id, r.title());
        s.paragraph(method(run) + " of " + r.formula() + " on " + run.nobs() + " rows of " + r.data().getFileName()
                + dropped(run) + ". The tables below are what " + command(r) + " prints with --table coefficients (the "
                + "default), --table fit" + (run.mixed().isPresent() ? ", --table variance-components and --table "
                + "random-effects" : " and --table diagnostics") + ".");
        s.figure(id + "-coefficient-plot", coefficientPlot(run), coefficientCaption(run));
        ScatterPlot scatter = residualPlot(run);
        s.figure(id + "-residuals-fitted", scatter.render(), residualCaption(run, scatter));
        run.randomEffectsTable().ifPresent(t -> s.chart(id + "-random-effects-plot", caterpillar(run, t),
                caterpillarCaption(run), why -> why));
        s.table(ReportTable.of(id + "-coefficients", run.coefficientTable(), run.coefficients().size() > 40));
        s.table(ReportTable.of(id + "-fit", run.fitTable(), false));
        run.diagnosticsTable().ifPresent(t -> s.table(ReportTable.of(id + "-diagnostics", t, false)));
        run.varianceComponentsTable().ifPresent(t -> s.table(ReportTable.of(id + "-variance-components", t, false)));
        run.randomEffectsTable().ifPresent(t -> s.table(ReportTable.of(id + "-random-effects", t, t.rows() > 40)));
        return s.build();
    }

    /**
     * The caterpillar plot of a mixed model's random intercepts, as {@code lattice::dotplot(ranef(fit, condVar = TRUE))}
     * draws it: one row per group, the conditional mode {@code b̂_j} (point) with its 95% prediction interval
     * {@code b̂_j ± Φ⁻¹(0.975) condSd_j} (whisker), sorted by mode with the largest on top, a dashed line at 0. The
     * values are the random-effects table's ({@code effect, pi_lower, pi_upper}), so chart and table agree.
     *
     * @param run a mixed-model fit
     * @param table its {@link RegressionRun#randomEffectsTable()}
     * @return the chart
     */
    static DotPlot.Builder caterpillarPlot(RegressionRun run, org.pluralstats.table.ResultTable table) {
        int group = table.columnIndex("group").orElseThrow();
        int effect = table.columnIndex("effect").orElseThrow();
        int lower = table.columnIndex("pi_lower").orElseThrow();
        int upper = table.columnIndex("pi_upper").orElseThrow();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            rows.add(i);
        }
        // largest mode on top (lattice puts it at the top of the y axis); ties keep the table's label order
        rows.sort((a, b) -> Double.compare(table.number(b, effect), table.number(a, effect)));
        List<String> names = new ArrayList<>();
        List<Estimate> estimates = new ArrayList<>();
        double lo = 0;
        double hi = 0;
        for (int i : rows) {
            names.add(table.text(i, group));
            double b = table.number(i, effect);
            double l = table.number(i, lower);
            double u = table.number(i, upper);
            estimates.add(u > l ? Estimate.of(b, l, u) : Estimate.of(b));
            lo = Math.min(lo, Math.min(l, b));
            hi = Math.max(hi, Math.max(u, b));
        }
        double[] axis = axis(lo, hi);
        String g = run.regression().groups().get();
        SeriesData data = SeriesData.builder(names).series("conditional mode, 95% prediction interval", estimates).build();
        return DotPlot.builder("Random intercepts per " + g + ": conditional modes", data)
                // no combining hat in the SVG: fonts place U+0302 unevenly over a letter in a chart's small text
                .subtitle(names.size() + " groups, largest mode on top · 95% prediction interval: mode ± 1.96 × conditional "
                        + "SD (lme4 condVar) · dashed line: 0")
                .xLabel("predicted random intercept (conditional mode), in units of " + dependent(run))
                .range(axis[0], axis[1]).reference(0).maxLabelWidth(360).tickDecimals(1).valueDecimals(4);
    }

    /**
     * The caterpillar plot, not drawn for a singular fit: on the boundary {@code θ̂ = 0} every conditional mode is 0
     * up to rounding and every conditional variance is 0, so there is nothing to show but the fit's singularity.
     */
    private static Chart caterpillar(RegressionRun run, org.pluralstats.table.ResultTable table) {
        DotPlot.Builder plot = caterpillarPlot(run, table);
        boolean singular = run.mixed().get().boundary();
        return new Chart() {
            @Override
            public String title() {
                return plot.title();
            }

            @Override
            public java.util.Optional<String> degenerate() {
                return singular ? java.util.Optional.of("the estimated variance of the random intercepts is 0 (a singular "
                        + "fit, θ̂ = 0), so every predicted intercept is 0 with no interval; the fit table says boundary.")
                        : plot.degenerate().map(w -> "the chart would show nothing: " + w + ".");
            }

            @Override
            public String render() {
                return plot.render();
            }
        };
    }

    private static String caterpillarCaption(RegressionRun run) {
        String g = run.regression().groups().get();
        org.pluralstats.regress.MixedModelResult m = run.mixed().get();
        return "Each " + g + "'s predicted random intercept: the conditional mode b̂_j (BLUP; point) with its 95% "
                + "prediction interval b̂_j ± 1.96·condSd_j (whisker), where condSd_j² is the conditional variance of the "
                + "intercept given the data — lme4's postVar from ranef(fit, condVar = TRUE). The intervals are conditional "
                + "on the estimated θ̂, σ̂ and β̂: the uncertainty of the variance components and of the fixed effects is "
                + "left out, so they are somewhat too narrow, most for small groups. Sorted by mode, largest on top, as "
                + "lattice::dotplot(ranef(fit, condVar = TRUE)) draws them; the dashed line marks 0, the mean of the "
                + "random intercepts under the model. " + m.groups() + " groups of " + m.minGroupSize()
                + (m.minGroupSize() == m.maxGroupSize() ? "" : " to " + m.maxGroupSize()) + " rows; the table below "
                + "(--table random-effects) gives every value. " + method(run) + ".";
    }

    /**
     * @param r a regression
     * @return the {@code pluralstats regress} command that prints its tables (the data file as the analysis gives it)
     */
    public static String command(Analysis.Regression r) {
        StringBuilder sb = new StringBuilder("pluralstats regress --data ").append(r.data().getFileName())
                .append(" --formula \"").append(r.formula()).append('"');
        r.groups().ifPresent(g -> sb.append(" --groups ").append(g)
                .append(r.criterion() == org.pluralstats.regress.MixedModel.Criterion.ML ? " --ml" : ""));
        r.weights().ifPresent(w -> sb.append(" --weights ").append(w));
        if (r.covariance() != CovarianceType.NONROBUST) {
            sb.append(" --cov ").append(r.covariance().statsmodelsName());
        }
        r.cluster().ifPresent(c -> sb.append(" --cluster ").append(c));
        return sb.toString();
    }

    /** The terms drawn: every coefficient but the intercept, unless it is the only one. */
    static List<Coefficient> plotted(RegressionRun run) {
        List<Coefficient> all = run.coefficients();
        List<Coefficient> out = all.stream().filter(c -> !c.name().equals("Intercept")).toList();
        return out.isEmpty() ? all : out;
    }

    private static String coefficientPlot(RegressionRun run) {
        List<Coefficient> terms = plotted(run);
        List<String> names = new ArrayList<>();
        List<Estimate> estimates = new ArrayList<>();
        double lo = 0;
        double hi = 0;
        for (Coefficient c : terms) {
            names.add(c.name());
            boolean interval = Double.isFinite(c.ciLow()) && Double.isFinite(c.ciHigh());
            estimates.add(interval ? Estimate.of(c.estimate(), c.ciLow(), c.ciHigh()) : Estimate.of(c.estimate()));
            for (double v : interval ? new double[] {c.ciLow(), c.ciHigh(), c.estimate()} : new double[] {c.estimate()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double[] axis = axis(lo, hi);
        SeriesData data = SeriesData.builder(names).series("estimate, 95% CI", estimates).build();
        return DotPlot.builder("Coefficients of " + run.regression().formula(), data)
                .subtitle(method(run) + " · 95% " + intervalKind(run) + " · dashed line: 0")
                .xLabel("estimate, in units of " + dependent(run))
                .range(axis[0], axis[1]).reference(0).maxLabelWidth(360).tickDecimals(1).valueDecimals(4).render();
    }

    /**
     * The coefficient axis: the values' extent with 0, padded by 4%, its ends on round ticks of the step the
     * chart's own tick rule ({@link ChartStyle#ticks}) picks for the final axis, so no end label crowds a tick.
     */
    static double[] axis(double lo, double hi) {
        double pad = (hi - lo) * 0.04;
        double x0 = lo - pad;
        double x1 = hi + pad;
        if (!(x1 > x0)) {
            return new double[] {x0 - 1, x1 + 1};
        }
        for (int k = 0; k < 4; k++) {
            double[] t = ChartStyle.ticks(x0, x1, 6);
            double step = t.length > 1 ? t[1] - t[0] : x1 - x0;
            double a = Math.floor(x0 / step + 1e-9) * step;
            double b = Math.ceil(x1 / step - 1e-9) * step;
            if (Math.abs(a - x0) < step * 1e-6 && Math.abs(b - x1) < step * 1e-6) {
                break;
            }
            x0 = a;
            x1 = b;
        }
        return new double[] {x0, x1};
    }

    private static ScatterPlot residualPlot(RegressionRun run) {
        boolean mixed = run.mixed().isPresent();
        boolean weighted = run.ols().map(OlsResult::weighted).orElse(false);
        String y = mixed ? "conditional residual" : weighted ? "weighted residual √w × residual" : "residual";
        return ScatterPlot.builder("Residuals against fitted values: " + run.regression().formula(), run.fitted(),
                        run.plottedResiduals())
                .subtitle(method(run) + " · " + run.nobs() + " rows · dashed line: 0")
                .xLabel(mixed ? "fitted value (fixed effects + the group's predicted intercept)" : "fitted value")
                .yLabel(y).reference(0).maxPoints(ScatterPlot.DEFAULT_MAX_POINTS, SAMPLE_SEED).build();
    }

    private static String coefficientCaption(RegressionRun run) {
        boolean hasIntercept = run.coefficients().stream().anyMatch(c -> c.name().equals("Intercept"));
        int drawn = plotted(run).size();
        String intercept = !hasIntercept ? "The model has no intercept."
                : drawn < run.coefficients().size() ? "The intercept is left out (it is on another scale; it is in the table below)."
                : "Only the intercept is estimated, so it is drawn.";
        String kind = run.mixed().isPresent()
                ? "Wald z intervals (normal quantiles, the model-based covariance of the fixed effects, as statsmodels' "
                + "MixedLM summary)" : intervalKind(run);
        return "Each term's estimate (point) with its 95% confidence interval (whisker): " + kind + ". "
                + drawn + " terms, in the order of the design; the dashed line marks 0, so a whisker that crosses it is "
                + "a term not different from 0 at the 5% level. " + intercept + " " + method(run) + "."
                + fewClusters(run);
    }

    /** Fewer clusters than this are "few" for the caption's warning. */
    static final int FEW_CLUSTERS = 50;

    /**
     * A warning when a cluster-robust covariance rests on few clusters: the sandwich is then biased downwards
     * and its intervals too narrow even with statsmodels' small-sample factor (Cameron &amp; Miller 2015, "A
     * practitioner's guide to cluster-robust inference", J. Human Resources 50(2), section VI "Few clusters").
     */
    static String fewClusters(RegressionRun run) {
        if (run.ols().isEmpty() || run.ols().get().covarianceType() != CovarianceType.CLUSTER
                || run.ols().get().clusters() >= FEW_CLUSTERS) {
            return "";
        }
        return " Only " + run.ols().get().clusters() + " clusters: with few clusters cluster-robust standard errors are"
                + " biased downwards and these intervals too narrow, even with statsmodels' small-sample factor"
                + " (Cameron & Miller 2015, section VI); read them with care.";
    }

    private static String residualCaption(RegressionRun run, ScatterPlot plot) {
        String what;
        if (run.mixed().isPresent()) {
            what = "Conditional residuals y − x′β − b against conditional fitted values x′β + b, where b is the predicted random "
                    + "intercept (BLUP) of the row's " + run.regression().groups().get() + " and β the fixed effects";
        } else if (run.ols().get().weighted()) {
            what = "Weighted residuals √w × (y − x′β) (statsmodels' wresid; weights " + run.regression().weights().get()
                    + ") against fitted values x′β: under the model they have constant variance, the raw residuals do not";
        } else {
            what = "Residuals y − x′β against fitted values x′β";
        }
        String points = plot.sampled()
                ? "A simple random sample of " + plot.drawn() + " of the " + run.nobs() + " rows is drawn (seed "
                + SAMPLE_SEED + "); the axes span every row."
                : "Every one of the " + plot.drawn() + " rows used is a point; darker where points overlap.";
        return what + ". " + points + " The dashed line marks 0; no smoothing line is drawn. A funnel suggests "
                + "heteroskedasticity (see a robust covariance), a curve a missing term. " + method(run) + ".";
    }

    /** @return the estimator in words: "OLS", "WLS (weights w)", "Mixed model (REML), random intercept per g" */
    static String method(RegressionRun run) {
        Analysis.Regression r = run.regression();
        if (run.mixed().isPresent()) {
            return "Linear mixed model (" + r.criterion().name() + "), random intercept per " + r.groups().get();
        }
        return run.ols().get().weighted() ? "WLS (weights " + r.weights().get() + ")" : "OLS";
    }

    /** @return how the intervals were computed: t on df, or normal z, and the covariance */
    static String intervalKind(RegressionRun run) {
        if (run.mixed().isPresent()) {
            return "Wald z intervals";
        }
        OlsResult o = run.ols().get();
        String cov = switch (o.covarianceType()) {
            case NONROBUST -> "classical covariance s²(X′X)⁻¹";
            case CLUSTER -> "cluster-robust covariance by " + run.regression().cluster().get() + " (" + o.clusters()
                    + " clusters)";
            default -> o.covarianceType().statsmodelsName() + " heteroskedasticity-robust covariance";
        };
        return (o.usesT() ? "t intervals on " + o.dfResid() + " df" : "normal (z) intervals") + ", " + cov;
    }

    private static String dependent(RegressionRun run) {
        return run.regression().formula().split("~", 2)[0].trim();
    }

    private static String dropped(RegressionRun run) {
        int d = run.ols().map(OlsResult::droppedRows).orElseGet(() -> run.mixed().get().droppedRows());
        return d == 0 ? "" : " (" + d + " rows with missing values left out)";
    }
}
