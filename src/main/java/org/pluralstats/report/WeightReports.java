package org.pluralstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pluralstats.data.SurveyData;
import org.pluralstats.weight.PopulationCorrelation;
import org.pluralstats.weight.RakingResult;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.SelfConsistency;
import org.pluralstats.weight.ValuePolarityScore;

/**
 * Tables of the weight package as JSON, CSV and Markdown. JSON and CSV carry full precision
 * (shortest round-trip decimals) and write undefined numbers as {@code null} / an empty cell;
 * Markdown rounds for reading.
 */
public final class WeightReports {
    private static final String[] SCORE_FIELDS = {"population", "item", "vps", "n", "weightSum", "se", "nEff", "ciLow", "ciHigh"};

    private WeightReports() {
    }

    /**
     * @param table scores
     * @param withExcluded whether to add each row's {@code excluded} count (respondents left out for an invalid weight)
     * @return an array of rows {@code {"population","item","vps","n","weightSum","se","nEff","ciLow","ciHigh"[,"excluded"]}}
     */
    public static ArrayNode scoresJson(ScoreTable table, boolean withExcluded) {
        ArrayNode out = Json.array();
        for (ValuePolarityScore s : table.rows()) {
            ObjectNode o = out.addObject();
            o.put("population", s.population());
            o.put("item", s.item());
            Json.put(o, "vps", s.vps());
            o.put("n", s.n());
            Json.put(o, "weightSum", s.weightSum());
            Json.put(o, "se", s.se());
            Json.put(o, "nEff", s.nEff());
            Json.put(o, "ciLow", s.ciLow());
            Json.put(o, "ciHigh", s.ciHigh());
            if (withExcluded) {
                o.put("excluded", s.excluded());
            }
        }
        return out;
    }

    /**
     * @param table scores
     * @param withExcluded whether to add the {@code excluded} column
     * @return CSV with the JSON field names as header; empty cells where undefined
     */
    public static String scoresCsv(ScoreTable table, boolean withExcluded) {
        List<String> header = new ArrayList<>(List.of(SCORE_FIELDS));
        if (withExcluded) {
            header.add("excluded");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ValuePolarityScore s : table.rows()) {
            List<String> r = new ArrayList<>(List.of(s.population(), s.item(), num(s.vps()), Integer.toString(s.n()),
                    num(s.weightSum()), num(s.se()), num(s.nEff()), num(s.ciLow()), num(s.ciHigh())));
            if (withExcluded) {
                r.add(Integer.toString(s.excluded()));
            }
            rows.add(r);
        }
        return csv(header, rows);
    }

    /**
     * @param table scores
     * @param withExcluded whether to add the {@code excluded} column
     * @return a Markdown table, numbers rounded to 4 decimals, {@code –} where undefined
     */
    public static String scoresMarkdown(ScoreTable table, boolean withExcluded) {
        List<String> header = new ArrayList<>(List.of("population", "item", "vps", "n", "Σw", "se", "n_eff", "95% CI"));
        if (withExcluded) {
            header.add("excluded");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ValuePolarityScore s : table.rows()) {
            List<String> r = new ArrayList<>(List.of(s.population(), s.item(), round(s.vps()), Integer.toString(s.n()),
                    round(s.weightSum()), round(s.se()), round(s.nEff()),
                    s.hasInterval() ? round(s.ciLow()) + "–" + round(s.ciHigh()) : "–"));
            if (withExcluded) {
                r.add(Integer.toString(s.excluded()));
            }
            rows.add(r);
        }
        return markdown(header, rows);
    }

    /**
     * @param pairs correlations
     * @return an array of {@code {"a","b","method","items","r"}}
     */
    public static ArrayNode correlationsJson(List<PopulationCorrelation> pairs) {
        ArrayNode out = Json.array();
        for (PopulationCorrelation c : pairs) {
            ObjectNode o = out.addObject();
            o.put("a", c.a());
            o.put("b", c.b());
            o.put("method", c.method().jsonName());
            o.put("items", c.items());
            Json.put(o, "r", c.r());
        }
        return out;
    }

    /**
     * @param pairs correlations
     * @return CSV {@code a,b,method,items,r}
     */
    public static String correlationsCsv(List<PopulationCorrelation> pairs) {
        List<List<String>> rows = new ArrayList<>();
        for (PopulationCorrelation c : pairs) {
            rows.add(List.of(c.a(), c.b(), c.method().jsonName(), Integer.toString(c.items()), num(c.r())));
        }
        return csv(List.of("a", "b", "method", "items", "r"), rows);
    }

    /**
     * @param pairs correlations of every ordered pair of populations
     * @return a Markdown matrix (rows a, columns b), rounded to 3 decimals
     */
    public static String correlationsMarkdown(List<PopulationCorrelation> pairs) {
        List<String> pops = new ArrayList<>();
        for (PopulationCorrelation c : pairs) {
            if (!pops.contains(c.a())) {
                pops.add(c.a());
            }
        }
        List<String> header = new ArrayList<>();
        header.add(pairs.isEmpty() ? "" : pairs.get(0).method().jsonName());
        header.addAll(pops);
        List<List<String>> rows = new ArrayList<>();
        for (String a : pops) {
            List<String> r = new ArrayList<>();
            r.add(a);
            for (String b : pops) {
                r.add(pairs.stream().filter(c -> c.a().equals(a) && c.b().equals(b)).findFirst()
                        .map(c -> Double.isNaN(c.r()) ? "–" : String.format(Locale.ROOT, "%.3f", c.r())).orElse(""));
            }
            rows.add(r);
        }
        return markdown(header, rows);
    }

    /**
     * @param values self-consistency per population
     * @return an array of {@code {"population","selfConsistency","items","draws","sampleSize"}}
     */
    public static ArrayNode selfConsistencyJson(List<SelfConsistency> values) {
        ArrayNode out = Json.array();
        for (SelfConsistency s : values) {
            ObjectNode o = out.addObject();
            o.put("population", s.population());
            Json.put(o, "selfConsistency", s.value());
            o.put("items", s.items());
            o.put("draws", s.draws());
            o.put("sampleSize", s.sampleSize());
        }
        return out;
    }

    /**
     * @param values self-consistency per population
     * @return CSV with the JSON field names
     */
    public static String selfConsistencyCsv(List<SelfConsistency> values) {
        List<List<String>> rows = new ArrayList<>();
        for (SelfConsistency s : values) {
            rows.add(List.of(s.population(), num(s.value()), Integer.toString(s.items()), Integer.toString(s.draws()),
                    Integer.toString(s.sampleSize())));
        }
        return csv(List.of("population", "selfConsistency", "items", "draws", "sampleSize"), rows);
    }

    /**
     * @param values self-consistency per population
     * @return a Markdown table
     */
    public static String selfConsistencyMarkdown(List<SelfConsistency> values) {
        List<List<String>> rows = new ArrayList<>();
        for (SelfConsistency s : values) {
            rows.add(List.of(s.population(), Double.isNaN(s.value()) ? "–" : String.format(Locale.ROOT, "%.3f", s.value()),
                    Integer.toString(s.items())));
        }
        return markdown(List.of("population", "self-consistency", "items"), rows);
    }

    /**
     * @param data the raked data (for respondent ids)
     * @param r the raking result
     * @return CSV {@code id,baseWeight,rakedWeight}, one row per data row (empty weights where excluded)
     */
    public static String rakedWeightsCsv(SurveyData data, RakingResult r) {
        double[] base = r.baseWeights();
        double[] raked = r.weights();
        List<List<String>> rows = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            rows.add(List.of(data.id(i), num(base[i]), num(raked[i])));
        }
        return csv(List.of("id", "baseWeight", "rakedWeight"), rows);
    }

    /**
     * @param r the raking result
     * @param margins how many margins
     * @return a JSON summary: method, iterations, convergence, margin error, Kish efficiencies, ratio range, exclusions
     */
    public static ObjectNode rakingJson(RakingResult r, int margins) {
        ObjectNode o = Json.object();
        o.put("method", r.method() == RakingResult.Method.IPF ? "ipf" : "bounded");
        o.put("margins", margins);
        o.put("respondents", r.kept());
        o.put("iterations", r.iterations());
        o.put("converged", r.converged());
        Json.put(o, "maxMarginError", r.maxMarginError());
        Json.put(o, "kishEfficiencyBefore", r.kishEfficiencyBefore());
        Json.put(o, "kishEfficiencyAfter", r.kishEfficiencyAfter());
        Json.put(o, "minRatio", r.minRatio());
        Json.put(o, "maxRatio", r.maxRatio());
        Json.put(o, "scale", r.scale());
        ObjectNode ex = o.putObject("excluded");
        r.excluded().forEach(ex::put);
        return o;
    }

    /**
     * @param r the raking result
     * @param margins the margin names
     * @param source the data file
     * @return a few lines for people
     */
    public static String rakingText(RakingResult r, List<String> margins, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append("raked ").append(r.kept()).append(" respondents of ").append(source).append(" to ").append(margins.size())
                .append(" margins (").append(String.join(", ", margins)).append(") by ")
                .append(r.method() == RakingResult.Method.IPF ? "iterative proportional fitting" : "bounded raking (Newton)")
                .append('\n');
        sb.append(r.converged() ? "converged after " : "NOT converged after ").append(r.iterations())
                .append(r.method() == RakingResult.Method.IPF ? " cycles" : " Newton steps").append('\n');
        sb.append(String.format(Locale.ROOT, "largest margin error (relative): %.3g%n", r.maxMarginError()));
        sb.append(String.format(Locale.ROOT, "Kish efficiency: %.4f before, %.4f after%n", r.kishEfficiencyBefore(),
                r.kishEfficiencyAfter()));
        sb.append(String.format(Locale.ROOT, "raked/base weight ratio: %.4g to %.4g%n", r.minRatio(), r.maxRatio()));
        if (r.scale() != 1) {
            sb.append(String.format(Locale.ROOT, "base weights scaled by %.6g before bounding%n", r.scale()));
        }
        sb.append("excluded: ").append(r.excluded().isEmpty() ? "none" : describe(r.excluded())).append('\n');
        return sb.toString();
    }

    /**
     * @param counts reason → count
     * @return {@code "2 zero weight, 1 missing weight"}
     */
    public static String describe(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }

    private static String num(double v) {
        return Tables.num(v);
    }

    private static String round(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        return Tables.csv(header, rows);
    }

    private static String markdown(List<String> header, List<List<String>> rows) {
        return Tables.markdown(header, rows, 2);
    }
}
