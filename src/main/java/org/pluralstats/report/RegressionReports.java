package org.pluralstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pluralstats.io.Json;
import org.pluralstats.SafeText;
import org.pluralstats.regress.Coefficient;
import org.pluralstats.regress.MixedModelResult;
import org.pluralstats.regress.OlsResult;

/**
 * Regression results as JSON (full precision, {@code null} for undefined numbers) and as Markdown
 * summaries laid out like statsmodels' {@code summary()}: the model table, then one row per
 * coefficient with {@code coef, std err, t (or z), P>|t|, [0.025, 0.975]}.
 */
public final class RegressionReports {
    private RegressionReports() {
    }

    /**
     * @param r an OLS fit
     * @return {@code {"model":"OLS","formula","nobs","droppedRows","dfModel","dfResid","rsquared",
     *     "rsquaredAdj","fvalue","fPvalue","llf","aic","bic","scale","coefficients":[{"name","coef","se",
     *     "stat","p","ciLow","ciHigh"}],"fitted":[…]}}
     */
    public static ObjectNode olsJson(OlsResult r) {
        ObjectNode o = Json.object();
        o.put("model", "OLS");
        o.put("formula", r.formula().text());
        o.put("nobs", r.nobs());
        o.put("droppedRows", r.droppedRows());
        o.put("dfModel", r.dfModel());
        o.put("dfResid", r.dfResid());
        Json.put(o, "rsquared", r.rSquared());
        Json.put(o, "rsquaredAdj", r.rSquaredAdj());
        Json.put(o, "fvalue", r.fValue());
        Json.put(o, "fPvalue", r.fPValue());
        Json.put(o, "llf", r.logLikelihood());
        Json.put(o, "aic", r.aic());
        Json.put(o, "bic", r.bic());
        Json.put(o, "scale", r.scale());
        o.set("coefficients", coefficientsJson(r.coefficients()));
        ArrayNode fitted = o.putArray("fitted");
        for (double f : r.fitted()) {
            Json.add(fitted, f);
        }
        return o;
    }

    /**
     * @param r a mixed model fit
     * @return {@code {"model":"MixedLM","method","formula","groupColumn","nobs","droppedRows","groups",
     *     "minGroupSize","maxGroupSize","meanGroupSize","coefficients":[…],"groupVar","scale","llf","aic",
     *     "bic","theta","boundary","converged","randomEffects":[{"group","effect"}],"fitted":[…]}}
     */
    public static ObjectNode mixedJson(MixedModelResult r) {
        ObjectNode o = Json.object();
        o.put("model", "MixedLM");
        o.put("method", r.criterion().name());
        o.put("formula", r.formula().text());
        o.put("groupColumn", r.groupColumn());
        o.put("nobs", r.nobs());
        o.put("droppedRows", r.droppedRows());
        o.put("groups", r.groups());
        o.put("minGroupSize", r.minGroupSize());
        o.put("maxGroupSize", r.maxGroupSize());
        Json.put(o, "meanGroupSize", r.meanGroupSize());
        o.set("coefficients", coefficientsJson(r.coefficients()));
        Json.put(o, "groupVar", r.groupVariance());
        Json.put(o, "scale", r.scale());
        Json.put(o, "llf", r.logLikelihood());
        Json.put(o, "aic", r.aic());
        Json.put(o, "bic", r.bic());
        Json.put(o, "theta", r.theta());
        o.put("boundary", r.boundary());
        o.put("converged", r.converged());
        ArrayNode re = o.putArray("randomEffects");
        for (Map.Entry<String, Double> e : r.randomEffects().entrySet()) {
            ObjectNode g = re.addObject();
            g.put("group", e.getKey());
            Json.put(g, "effect", e.getValue());
        }
        ArrayNode fitted = o.putArray("fitted");
        for (double f : r.fitted()) {
            Json.add(fitted, f);
        }
        return o;
    }

    private static ArrayNode coefficientsJson(List<Coefficient> coefs) {
        ArrayNode out = Json.array();
        for (Coefficient c : coefs) {
            ObjectNode o = out.addObject();
            o.put("name", c.name());
            Json.put(o, "coef", c.estimate());
            Json.put(o, "se", c.standardError());
            Json.put(o, "stat", c.statistic());
            Json.put(o, "p", c.pValue());
            Json.put(o, "ciLow", c.ciLow());
            Json.put(o, "ciHigh", c.ciHigh());
        }
        return out;
    }

    /**
     * @param r an OLS fit
     * @return a Markdown summary in the layout of statsmodels' {@code OLSResults.summary()}
     */
    public static String olsMarkdown(OlsResult r) {
        StringBuilder sb = new StringBuilder("## OLS Regression Results\n\n");
        String[][] header = {
            {"Dep. Variable:", Tables.cell(r.formula().response().name()), "R-squared:", fixed(r.rSquared(), 3)},
            {"Model:", "OLS", "Adj. R-squared:", fixed(r.rSquaredAdj(), 3)},
            {"Method:", "Least Squares", "F-statistic:", general(r.fValue())},
            {"No. Observations:", Integer.toString(r.nobs()), "Prob (F-statistic):", general(r.fPValue())},
            {"Df Residuals:", Integer.toString(r.dfResid()), "Log-Likelihood:", general(r.logLikelihood())},
            {"Df Model:", Integer.toString(r.dfModel()), "AIC:", general(r.aic())},
            {"Covariance Type:", "nonrobust", "BIC:", general(r.bic())},
        };
        appendHeader(sb, header);
        sb.append("Formula: `").append(SafeText.forDisplay(r.formula().text())).append('`');
        if (r.droppedRows() > 0) {
            sb.append("; ").append(r.droppedRows()).append(" rows with missing values dropped");
        }
        sb.append("\n\n");
        appendCoefficients(sb, r.coefficients(), "t", List.<String[]>of());
        return sb.toString();
    }

    /**
     * @param r a mixed model fit
     * @return a Markdown summary in the layout of statsmodels' {@code MixedLMResults.summary()}
     */
    public static String mixedMarkdown(MixedModelResult r) {
        StringBuilder sb = new StringBuilder("## Mixed Linear Model Regression Results\n\n");
        String[][] header = {
            {"Model:", "MixedLM", "Dependent Variable:", Tables.cell(r.formula().response().name())},
            {"No. Observations:", Integer.toString(r.nobs()), "Method:", r.criterion().name()},
            {"No. Groups:", Integer.toString(r.groups()), "Scale:", fixed(r.scale(), 4)},
            {"Min. group size:", Integer.toString(r.minGroupSize()), "Log-Likelihood:", fixed(r.logLikelihood(), 4)},
            {"Max. group size:", Integer.toString(r.maxGroupSize()), "Converged:", r.converged() ? "Yes" : "No"},
            {"Mean group size:", fixed(r.meanGroupSize(), 1), "", ""},
        };
        appendHeader(sb, header);
        sb.append("Formula: `").append(SafeText.forDisplay(r.formula().text())).append("`, random intercept per `")
                .append(SafeText.forDisplay(r.groupColumn()))
                .append('`');
        if (r.boundary()) {
            sb.append("; the group variance is on the boundary (0): singular fit");
        }
        if (r.droppedRows() > 0) {
            sb.append("; ").append(r.droppedRows()).append(" rows with missing values dropped");
        }
        sb.append("\n\n");
        appendCoefficients(sb, r.coefficients(), "z",
                List.<String[]>of(new String[] {Tables.cell(r.groupColumn() + " Var"), fixed(r.groupVariance(), 3)}));
        return sb.toString();
    }

    private static void appendHeader(StringBuilder sb, String[][] rows) {
        sb.append("| | | | |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        sb.append('\n');
    }

    private static void appendCoefficients(StringBuilder sb, List<Coefficient> coefs, String stat,
                                           List<String[]> extraRows) {
        sb.append("| | coef | std err | ").append(stat).append(" | P>\\|").append(stat)
                .append("\\| | [0.025 | 0.975] |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Coefficient c : coefs) {
            List<String> cells = new ArrayList<>();
            cells.add(Tables.cell(c.name()));
            cells.add(fixed(c.estimate(), 4));
            cells.add(fixed(c.standardError(), 3));
            cells.add(fixed(c.statistic(), 3));
            cells.add(fixed(c.pValue(), 3));
            cells.add(fixed(c.ciLow(), 3));
            cells.add(fixed(c.ciHigh(), 3));
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        for (String[] extra : extraRows) {
            sb.append("| ").append(extra[0]).append(" | ").append(extra[1]).append(" | | | | | |\n");
        }
    }

    private static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Four significant digits, as statsmodels prints F, log-likelihood, AIC and BIC. */
    private static String general(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
