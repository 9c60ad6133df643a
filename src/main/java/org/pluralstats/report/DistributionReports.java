package org.pluralstats.report;

import static org.pluralstats.report.Tables.csv;
import static org.pluralstats.report.Tables.num;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pluralstats.distribution.DistributionTable;
import org.pluralstats.distribution.OptionShare;

/**
 * Answer distributions ({@link org.pluralstats.distribution.AnswerDistributions}) as JSON, CSV and
 * Markdown, in long format: one row per population × question × option, the valid options
 * ({@code base = valid}, shares over the respondents with a valid answer, summing to 1) followed by the
 * missing reasons ({@code base = all}, shares over all respondents, the reason's name as option code).
 * JSON and CSV carry the numbers exactly (shortest round-trip decimals), undefined ones as
 * {@code null} / an empty cell; Markdown rounds for reading.
 */
public final class DistributionReports {
    /** The CSV header, which is also the JSON rows' field order. */
    public static final List<String> FIELDS = List.of("population", "question", "base", "option_code", "option_label",
            "share", "se", "ci_lower", "ci_upper", "n", "count", "n_eff");

    private DistributionReports() {
    }

    /**
     * @param table the distributions
     * @return {@code {"by":[...],"weight":...,"design":...,"interval":...,"rows":[{FIELDS...}]}}
     */
    public static ObjectNode json(DistributionTable table) {
        ObjectNode root = Json.object();
        ArrayNode by = root.putArray("by");
        table.by().forEach(by::add);
        root.put("weight", table.weight());
        root.put("design", table.design());
        root.put("interval", table.interval());
        ArrayNode rows = root.putArray("rows");
        for (OptionShare s : table.rows()) {
            ObjectNode o = rows.addObject();
            o.put("population", s.population());
            o.put("question", s.question());
            o.put("base", s.base().jsonName());
            o.put("option_code", s.code());
            o.put("option_label", s.label());
            Json.put(o, "share", s.share());
            Json.put(o, "se", s.se());
            Json.put(o, "ci_lower", s.ciLower());
            Json.put(o, "ci_upper", s.ciUpper());
            o.put("n", s.n());
            o.put("count", s.count());
            Json.put(o, "n_eff", s.nEff());
        }
        return root;
    }

    /**
     * @param table the distributions
     * @return CSV with {@link #FIELDS} as header; empty cells where undefined
     */
    public static String csvText(DistributionTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (OptionShare s : table.rows()) {
            rows.add(List.of(s.population(), s.question(), s.base().jsonName(), s.code(), s.label(), num(s.share()),
                    num(s.se()), num(s.ciLower()), num(s.ciUpper()), Integer.toString(s.n()), Integer.toString(s.count()),
                    num(s.nEff())));
        }
        return csv(FIELDS, rows);
    }

    /**
     * @param table the distributions
     * @return a Markdown table (numbers to 4 decimals, {@code –} where undefined) after a line naming
     *     the populations, weight, design and interval
     */
    public static String markdown(DistributionTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (OptionShare s : table.rows()) {
            rows.add(List.of(s.population(), s.question(), s.base().jsonName(), s.code(), s.label(),
                    Tables.fixed(s.share(), 4), Tables.fixed(s.se(), 4),
                    Double.isNaN(s.ciLower()) ? "–" : Tables.fixed(s.ciLower(), 4) + "–" + Tables.fixed(s.ciUpper(), 4),
                    Integer.toString(s.n()), Integer.toString(s.count()), Tables.fixed(s.nEff(), 1)));
        }
        String head = "Populations by " + String.join(" × ", table.by()) + "; weight " + table.weight() + "; "
                + table.design() + "; " + table.interval() + ".";
        return Tables.cell(head) + "\n\n" + Tables.markdown(List.of("population", "question", "base", "option",
                "label", "share", "se", "95% CI", "n", "count", "n_eff"), rows, 5);
    }
}
