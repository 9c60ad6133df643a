package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.pluralstats.regress.CovarianceType;
import org.pluralstats.regress.MixedModel;
import org.pluralstats.report.html.ReportBlock;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.RegressionRun;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The regression section: a coefficient plot with one row per term (the intercept left out), its interval
 * whiskers and a dashed zero line; residuals against fitted values with one point per row and a zero line;
 * captions that name the interval (t or z), the covariance, the estimator and the residuals drawn.
 */
class RegressionSectionsTest {
    private static final Path RES = Path.of("pluralstats-core/src/test/resources/org/pluralstats/regress");
    private static final String FORMULA = "alignment ~ consistency + multilingual + C(language)";

    private static Analysis.Regression regression(String file, String formula, Optional<String> groups,
                                                  Optional<String> weights, CovarianceType cov, Optional<String> cluster) {
        return new Analysis.Regression("t", RES.resolve(file), formula, groups, weights, cov, cluster,
                MixedModel.Criterion.REML);
    }

    private static NodeList parse(String svg, String tag) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement().getElementsByTagNameNS("*", tag);
    }

    private static List<Element> withClass(String svg, String tag, String cls) throws Exception {
        NodeList all = parse(svg, tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Data points of the dot plot carry a tooltip; they are the coefficient plot's rows. */
    private static List<String> pointTips(String svg) throws Exception {
        List<String> out = new ArrayList<>();
        NodeList titles = parse(svg, "title");
        for (int i = 0; i < titles.getLength(); i++) {
            if (!((Element) titles.item(i).getParentNode()).getLocalName().equals("svg")) {
                out.add(titles.item(i).getTextContent());
            }
        }
        return out;
    }

    private static ReportBlock.Figure figure(ReportSection s, String suffix) {
        return s.figures().stream().filter(f -> f.id().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void olsCoefficientPlotHasOneRowPerTermButTheInterceptAndAZeroLine() throws Exception {
        RegressionRun run = RegressionRun.fit(Analysis.Regression.ols(RES.resolve("mixed_synthetic.csv"), FORMULA));
        ReportSection s = RegressionSections.of("regression", run);
        ReportBlock.Figure f = figure(s, "-coefficient-plot");
        List<String> tips = pointTips(f.svg());
        // 6 coefficients, the intercept left out
        assertThat(run.coefficients()).hasSize(6);
        assertThat(tips).hasSize(5).noneMatch(t -> t.contains("Intercept"));
        assertThat(tips.get(0)).startsWith("estimate, 95% CI · C(language)[T.Dutch]: ");
        // every row has its whisker inside the tooltip, as [lower, upper]
        assertThat(tips).allMatch(t -> t.matches(".*\\[.*, .*\\]$"));
        List<Element> zero = withClass(f.svg(), "line", "reference");
        assertThat(zero).hasSize(1);
        assertThat(zero.get(0).getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(f.caption()).contains("t intervals on " + run.ols().get().dfResid() + " df",
                "classical covariance", "The intercept is left out", "OLS");
        assertThat(f.svg()).contains("<title>Coefficients of " + FORMULA + "</title>");
        // the axis ends are labelled ticks: the first and last tick straddle every interval and 0
        List<Element> ticks = withClass(f.svg(), "text", "tick");
        double first = Double.parseDouble(ticks.get(0).getTextContent().replace('\u2212', '-'));
        double last = Double.parseDouble(ticks.get(ticks.size() - 1).getTextContent().replace('\u2212', '-'));
        double lo = run.coefficients().stream().skip(1).mapToDouble(c -> c.ciLow()).min().orElseThrow();
        double hi = run.coefficients().stream().skip(1).mapToDouble(c -> c.ciHigh()).max().orElseThrow();
        assertThat(first).isLessThanOrEqualTo(Math.min(0, lo));
        assertThat(last).isGreaterThanOrEqualTo(Math.max(0, hi));

        ReportBlock.Figure r = figure(s, "-residuals-fitted");
        assertThat(withClass(r.svg(), "g", "points").get(0).getElementsByTagNameNS("*", "circle").getLength())
                .isEqualTo(run.nobs());
        assertThat(withClass(r.svg(), "line", "reference")).hasSize(1);
        assertThat(r.caption()).contains("Residuals y − x′β against fitted values", "Every one of the " + run.nobs(),
                "no smoothing line");
        assertThat(s.tables()).extracting(t -> t.id())
                .containsExactly("regression-coefficients", "regression-fit", "regression-diagnostics");
    }

    @Test
    void robustWeightedAndMixedCaptionsSayWhatIsShown() {
        RegressionRun wls = RegressionRun.fit(regression("wls_synthetic.csv", FORMULA, Optional.empty(), Optional.of("w"),
                CovarianceType.HC1, Optional.empty()));
        ReportSection w = RegressionSections.of("w", wls);
        assertThat(figure(w, "-coefficient-plot").caption()).contains("normal (z) intervals",
                "HC1 heteroskedasticity-robust covariance", "WLS (weights w)");
        assertThat(figure(w, "-residuals-fitted").caption()).contains("Weighted residuals √w × (y − x′β)");

        RegressionRun cl = RegressionRun.fit(regression("mixed_synthetic.csv", FORMULA, Optional.empty(), Optional.empty(),
                CovarianceType.CLUSTER, Optional.of("model_name")));
        assertThat(figure(RegressionSections.of("c", cl), "-coefficient-plot").caption())
                .contains("cluster-robust covariance by model_name (" + cl.ols().get().clusters() + " clusters)")
                .contains("Only " + cl.ols().get().clusters() + " clusters: with few clusters cluster-robust standard"
                        + " errors are biased downwards", "(Cameron & Miller 2015, section VI)");
        assertThat(cl.ols().get().clusters()).isLessThan(RegressionSections.FEW_CLUSTERS);
        assertThat(figure(w, "-coefficient-plot").caption()).doesNotContain("few clusters");

        RegressionRun mixed = RegressionRun.fit(regression("mixed_synthetic.csv", "alignment ~ 0 + consistency:language",
                Optional.of("model_name"), Optional.empty(), CovarianceType.NONROBUST, Optional.empty()));
        ReportSection m = RegressionSections.of("m", mixed);
        assertThat(figure(m, "-coefficient-plot").caption()).contains("Wald z intervals", "The model has no intercept",
                "random intercept per model_name");
        assertThat(figure(m, "-residuals-fitted").caption()).contains("Conditional residuals", "BLUP");
        assertThat(m.tables()).extracting(t -> t.id())
                .containsExactly("m-coefficients", "m-fit", "m-variance-components", "m-random-effects");
        // conditional residuals: y − fitted, where fitted includes the group's predicted intercept
        double[] fitted = mixed.fitted();
        double[] res = mixed.plottedResiduals();
        assertThat(fitted).hasSize(res.length);
        assertThat(RegressionSections.command(mixed.regression()))
                .isEqualTo("pluralstats regress --data mixed_synthetic.csv --formula \"alignment ~ 0 + consistency:language\""
                        + " --groups model_name");
    }

    @Test
    void caterpillarPlotHasOneRowPerGroupSortedByModeWithPredictionIntervalsAndAZeroLine() throws Exception {
        RegressionRun mixed = RegressionRun.fit(regression("mixed_synthetic.csv", "alignment ~ consistency",
                Optional.of("model_name"), Optional.empty(), CovarianceType.NONROBUST, Optional.empty()));
        ReportSection m = RegressionSections.of("m", mixed);
        ReportBlock.Figure f = figure(m, "-random-effects-plot");
        org.pluralstats.table.ResultTable t = mixed.randomEffectsTable().orElseThrow();
        int group = t.columnIndex("group").orElseThrow();
        int effect = t.columnIndex("effect").orElseThrow();
        int sd = t.columnIndex("condSd").orElseThrow();
        List<String> tips = pointTips(f.svg());
        assertThat(tips).hasSize(mixed.mixed().get().groups()).hasSize(t.rows());
        // top to bottom: modes non-increasing, each with b̂ ± 1.96·condSd from the table
        double previous = Double.POSITIVE_INFINITY;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String tip : tips) {
            String label = tip.substring(tip.indexOf(" · ") + 3, tip.lastIndexOf(": "));
            int row = -1;
            for (int i = 0; i < t.rows(); i++) {
                if (t.text(i, group).equals(label)) {
                    row = i;
                }
            }
            assertThat(row).as(tip).isNotNegative();
            assertThat(seen.add(label)).as(tip).isTrue();
            double b = t.number(row, effect);
            assertThat(b).as(tip).isLessThanOrEqualTo(previous);
            previous = b;
            double half = 1.959963984540054 * t.number(row, sd);
            assertThat(half).isPositive();
            assertThat(tip).endsWith(String.format(java.util.Locale.ROOT, ": %.4f [%.4f, %.4f]", b, b - half, b + half)
                    .replace('-', '\u2212'));
        }
        assertThat(tips.get(0)).startsWith("conditional mode, 95% prediction interval · ");
        assertThat(withClass(f.svg(), "line", "reference")).hasSize(1);
        assertThat(withClass(f.svg(), "text", "clip-note")).isEmpty();
        assertThat(f.caption()).contains("b̂_j ± 1.96·condSd_j", "conditional on the estimated θ̂, σ̂ and β̂",
                "lattice::dotplot(ranef(fit, condVar = TRUE))", "largest on top", "postVar");
        // least squares has no random effects: no caterpillar
        RegressionRun ols = RegressionRun.fit(Analysis.Regression.ols(RES.resolve("mixed_synthetic.csv"), FORMULA));
        assertThat(RegressionSections.of("o", ols).figures()).extracting(ReportBlock.Figure::id)
                .containsExactly("o-coefficient-plot", "o-residuals-fitted");
    }

    @Test
    void aSingularFitHasNoCaterpillarButSaysWhy() {
        RegressionRun singular = RegressionRun.fit(regression("boundary_synthetic.csv", "y ~ x", Optional.of("g"),
                Optional.empty(), CovarianceType.NONROBUST, Optional.empty()));
        assertThat(singular.mixed().get().boundary()).isTrue();
        ReportSection s = RegressionSections.of("b", singular);
        assertThat(s.figures()).extracting(ReportBlock.Figure::id).doesNotContain("b-random-effects-plot");
        assertThat(s.blocks()).filteredOn(b -> b instanceof ReportBlock.NotDrawn).singleElement()
                .satisfies(b -> assertThat(((ReportBlock.NotDrawn) b).reason()).contains("singular fit"));
        assertThat(s.tables()).extracting(t -> t.id()).contains("b-random-effects");
    }

    @Test
    void axisEndsAreTicksOfTheAxisTickRule() {
        for (double[] lh : new double[][] {{-0.2, 0.75}, {0, 1.43}, {-3.1, 0}, {0.001, 0.002}, {-120, 355}}) {
            double[] a = RegressionSections.axis(Math.min(0, lh[0]), Math.max(0, lh[1]));
            double[] t = org.pluralstats.report.svg.ChartStyle.ticks(a[0], a[1], 6);
            double step = t[1] - t[0];
            assertThat(t[0]).as("%s", java.util.Arrays.toString(lh)).isCloseTo(a[0], org.assertj.core.data.Offset.offset(step * 1e-6));
            assertThat(t[t.length - 1]).isCloseTo(a[1], org.assertj.core.data.Offset.offset(step * 1e-6));
            assertThat(a[0]).isLessThanOrEqualTo(Math.min(0, lh[0]));
            assertThat(a[1]).isGreaterThanOrEqualTo(Math.max(0, lh[1]));
        }
    }
}
