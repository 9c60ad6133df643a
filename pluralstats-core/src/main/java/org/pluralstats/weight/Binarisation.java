package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Column;
import org.pluralstats.data.EditDistance;
import org.pluralstats.data.Item;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Scale;
import org.pluralstats.data.SurveyData;

/**
 * Turns survey answers into the binary stance indicator {@code A} of Eq. 1 of the seed paper
 * (Rystrøm, Kirk and Hale, "Multilingual != Multicultural", §2.1). Immutable; configure with
 * {@code with…} copies:
 *
 * <pre>{@code
 * Binarisation.of(ItemCodingFiles.read(Path.of("items.json")))   // positive codes listed per item
 * Binarisation.paper()                                        // the released code's automatic rule
 * Binarisation.paper().withItems(List.of(ItemCoding.automatic("Q184")))
 * }</pre>
 *
 * <p>Missing: rows missing in the data (WVS/EVS codes -1..-5, declared user-missing values,
 * system-missing, skipped), the item's own {@link ItemCoding#missing()} codes, and, under
 * {@link NonPositiveCodes#MISSING}, every code ≤ 0 (the WVS/EVS convention the released code applies).
 */
public final class Binarisation {
    /** What codes ≤ 0 are. */
    public enum NonPositiveCodes {
        /** Missing when the data follows WVS/EVS conventions (a WVS/EVS country attribute is present), else answers. */
        AUTO,
        /** Always missing (WVS/EVS). */
        MISSING,
        /** Answers like any other code (e.g. a 0-10 Google Forms scale). */
        ANSWERS
    }

    /** The WVS/EVS country attributes whose presence makes {@link NonPositiveCodes#AUTO} treat codes ≤ 0 as missing. */
    static final Set<String> WVS_COUNTRY_ATTRIBUTES = Set.of("b_country_alpha", "b_country", "cntry_an", "cntry");

    private final List<ItemCoding> items;
    private final Optional<AutomaticRule> rule;
    private final NonPositiveCodes nonPositive;
    private final List<String> reversedPrefixes;

    private Binarisation(List<ItemCoding> items, Optional<AutomaticRule> rule, NonPositiveCodes nonPositive,
                         List<String> reversedPrefixes) {
        this.items = List.copyOf(items);
        this.rule = rule;
        this.nonPositive = nonPositive;
        this.reversedPrefixes = List.copyOf(reversedPrefixes);
    }

    /**
     * @param codings the items, each listing its positive codes (items left to a rule:
     *     {@link #of(AutomaticRule)} then {@link #withItems})
     * @return a binarisation of exactly these items; codes ≤ 0 treated by {@link NonPositiveCodes#AUTO}
     */
    public static Binarisation of(List<ItemCoding> codings) {
        if (codings.isEmpty()) {
            throw new PluralstatsException("no items to binarise");
        }
        return new Binarisation(codings, Optional.empty(), NonPositiveCodes.AUTO, List.of());
    }

    /**
     * The released code's automatic rule ({@link AutomaticRule#PAPER}) over every eligible item: the
     * non-attribute numeric items whose answered codes are all integers with a pooled maximum between
     * 2 and 11 (the released code's filter; weights, ids and country codes fall outside it). Codes ≤ 0
     * are missing; items whose id starts with {@code E035} are reversed.
     *
     * @return the paper's binarisation
     */
    public static Binarisation paper() {
        return new Binarisation(List.of(), Optional.of(AutomaticRule.PAPER), NonPositiveCodes.MISSING, List.of("E035"));
    }

    /**
     * @param rule an automatic rule
     * @return {@link #paper()} or {@link #scaleMidpoint()}
     */
    public static Binarisation of(AutomaticRule rule) {
        return rule == AutomaticRule.PAPER ? paper() : scaleMidpoint();
    }

    /**
     * {@link AutomaticRule#SCALE_MIDPOINT} over every item with a declared scale (Google Forms).
     *
     * @return the scale-midpoint binarisation
     */
    public static Binarisation scaleMidpoint() {
        return new Binarisation(List.of(), Optional.of(AutomaticRule.SCALE_MIDPOINT), NonPositiveCodes.AUTO, List.of());
    }

    /**
     * @param codings the items to binarise; entries without positive codes use this binarisation's rule
     * @return a copy restricted to these items
     */
    public Binarisation withItems(List<ItemCoding> codings) {
        return new Binarisation(codings, rule, nonPositive, reversedPrefixes);
    }

    /**
     * @param policy what codes ≤ 0 are
     * @return a copy with this policy
     */
    public Binarisation withNonPositiveCodes(NonPositiveCodes policy) {
        return new Binarisation(items, rule, policy, reversedPrefixes);
    }

    /** @return the listed items (empty: all eligible items) */
    public List<ItemCoding> items() {
        return items;
    }

    /** @return the automatic rule, if any */
    public Optional<AutomaticRule> rule() {
        return rule;
    }

    /**
     * Binarises the items over all rows of the data.
     *
     * @param data the data
     * @return one indicator per item, in the order listed (or in column order when chosen automatically)
     * @throws PluralstatsException for an item not in the data (naming the closest ids), a column that
     *     cannot be binarised, or an item the rule does not apply to
     */
    public List<BinaryItem> apply(SurveyData data) {
        boolean nonPositiveMissing = nonPositiveMissing(data);
        List<BinaryItem> out = new ArrayList<>();
        if (items.isEmpty()) {
            AutomaticRule r = rule.orElseThrow(() -> new PluralstatsException("no items and no rule to binarise with"));
            for (Item item : data.items()) {
                Column c = data.require(item.id());
                if (eligible(c, r, r == AutomaticRule.PAPER || nonPositiveMissing)) {
                    out.add(automatic(c, ItemCoding.automatic(item.id()), r, nonPositiveMissing, data));
                }
            }
            if (out.isEmpty()) {
                throw new PluralstatsException(data.source() + ": no item is eligible for the " + name(r) + " rule");
            }
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ItemCoding coding : items) {
            Column c = data.column(coding.id()).orElseThrow(() -> new PluralstatsException(data.source()
                    + ": item \"" + coding.id() + "\" is not in the data; closest: "
                    + String.join(", ", EditDistance.closest(coding.id(), itemIds(data), 5))));
            if (!seen.add(c.item().id().toLowerCase(Locale.ROOT))) {
                throw new PluralstatsException("item \"" + coding.id() + "\" is listed twice");
            }
            if (coding.isExplicit()) {
                out.add(explicit(c, coding, nonPositiveMissing, data));
            } else {
                AutomaticRule r = coding.rule().or(() -> rule).orElseThrow(() -> new PluralstatsException(
                        "item \"" + coding.id() + "\" lists no positive codes and no rule is given"));
                out.add(automatic(c, coding, r, nonPositiveMissing, data));
            }
        }
        return out;
    }

    private boolean nonPositiveMissing(SurveyData data) {
        return switch (nonPositive) {
            case MISSING -> true;
            case ANSWERS -> false;
            case AUTO -> data.attributeNames().stream()
                    .anyMatch(a -> WVS_COUNTRY_ATTRIBUTES.contains(a.toLowerCase(Locale.ROOT)));
        };
    }

    private static List<String> itemIds(SurveyData data) {
        List<String> ids = new ArrayList<>();
        for (Column c : data.columns()) {
            ids.add(c.item().id());
        }
        return ids;
    }

    private static String name(AutomaticRule r) {
        return r == AutomaticRule.PAPER ? "paper" : "scale-midpoint";
    }

    /** The column's answered values as numbers (NaN where missing or excluded). */
    private static double[] numbers(Column c, SurveyData data, boolean nonPositiveMissing, double[] extraMissing,
                                    boolean required) {
        int n = c.size();
        double[] x = new double[n];
        if (c instanceof NumericColumn num) {
            for (int r = 0; r < n; r++) {
                x[r] = num.value(r);
            }
        } else if (c instanceof CategoricalColumn cat) {
            List<String> levels = cat.levels();
            double[] levelValue = new double[levels.size()];
            for (int i = 0; i < levelValue.length; i++) {
                levelValue[i] = parse(levels.get(i));
                if (Double.isNaN(levelValue[i]) && required) {
                    throw new PluralstatsException(data.source() + ": item " + c.item().id() + " has the non-numeric answer \""
                            + levels.get(i) + "\"; an automatic rule needs numeric codes (list the positive levels instead)");
                }
            }
            for (int r = 0; r < n; r++) {
                int code = cat.code(r);
                x[r] = code < 0 ? Double.NaN : levelValue[code];
            }
        } else {
            throw new PluralstatsException(data.source() + ": item " + c.item().id() + " is a "
                    + c.item().kind().jsonName() + " item; only numeric and single-choice items can be binarised");
        }
        for (int r = 0; r < n; r++) {
            double v = x[r];
            if (nonPositiveMissing && v <= 0) {
                x[r] = Double.NaN;
            } else {
                for (double m : extraMissing) {
                    if (v == m) {
                        x[r] = Double.NaN;
                        break;
                    }
                }
            }
        }
        return x;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] parseCodes(List<String> codes, String what, ItemCoding coding) {
        double[] out = new double[codes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parse(codes.get(i));
            if (Double.isNaN(out[i])) {
                throw new PluralstatsException("item " + coding.id() + ": " + what + " code \"" + codes.get(i)
                        + "\" is not a number, but the item's answers are numeric");
            }
        }
        return out;
    }

    private BinaryItem explicit(Column c, ItemCoding coding, boolean nonPositiveMissing, SurveyData data) {
        int n = c.size();
        byte[] a = new byte[n];
        String label = coding.label().isEmpty() ? c.item().label() : coding.label();
        if (c instanceof CategoricalColumn cat) {
            // level texts: match exactly (after trimming), or numerically when both sides are numbers
            List<String> levels = cat.levels();
            byte[] levelA = new byte[levels.size()];
            for (int i = 0; i < levels.size(); i++) {
                String level = levels.get(i).trim();
                boolean missing = matches(level, coding.missing()) || nonPositiveMissing && parse(level) <= 0;
                levelA[i] = missing ? (byte) BinaryItem.MISSING : (byte) (matches(level, coding.positive()) ? 1 : 0);
                if (coding.reversed() && levelA[i] >= 0) {
                    levelA[i] = (byte) (1 - levelA[i]);
                }
            }
            for (int r = 0; r < n; r++) {
                int code = cat.code(r);
                a[r] = code < 0 ? (byte) BinaryItem.MISSING : levelA[code];
            }
            return new BinaryItem(c.item().id(), label, a, coding.positive(), "items file" + (coding.reversed() ? ", reversed" : ""));
        }
        double[] positive = parseCodes(coding.positive(), "positive", coding);
        double[] x = numbers(c, data, nonPositiveMissing, parseCodes(coding.missing(), "missing", coding), false);
        for (int r = 0; r < n; r++) {
            double v = x[r];
            if (Double.isNaN(v)) {
                a[r] = BinaryItem.MISSING;
            } else {
                byte hit = 0;
                for (double p : positive) {
                    if (v == p) {
                        hit = 1;
                        break;
                    }
                }
                a[r] = coding.reversed() ? (byte) (1 - hit) : hit;
            }
        }
        return new BinaryItem(c.item().id(), label, a, coding.positive(), "items file" + (coding.reversed() ? ", reversed" : ""));
    }

    private static boolean matches(String level, List<String> codes) {
        double lv = parse(level);
        for (String code : codes) {
            if (code.trim().equals(level)) {
                return true;
            }
            double cv = parse(code);
            if (!Double.isNaN(lv) && lv == cv) {
                return true;
            }
        }
        return false;
    }

    private boolean eligible(Column c, AutomaticRule r, boolean nonPositiveMissing) {
        if (r == AutomaticRule.SCALE_MIDPOINT) {
            return c.item().scale().isPresent() && (c instanceof NumericColumn || c instanceof CategoricalColumn);
        }
        if (!(c instanceof NumericColumn num)) {
            return false;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < num.size(); i++) {
            double v = num.value(i);
            if (Double.isNaN(v) || nonPositiveMissing && v <= 0) {
                continue;
            }
            if (v != Math.rint(v)) {
                return false;
            }
            max = Math.max(max, v);
        }
        return max >= 2 && max <= 11;
    }

    private BinaryItem automatic(Column c, ItemCoding coding, AutomaticRule r, boolean nonPositiveMissing,
                                 SurveyData data) {
        String id = c.item().id();
        String label = coding.label().isEmpty() ? c.item().label() : coding.label();
        boolean paper = r == AutomaticRule.PAPER;
        double[] x = numbers(c, data, paper || nonPositiveMissing, parseCodes(coding.missing(), "missing", coding), true);
        int n = x.length;
        byte[] a = new byte[n];
        boolean reversed = coding.reversed() ^ (paper && reversedByRule(id));
        String rule;
        TreeSet<Double> positiveSeen = new TreeSet<>();
        if (paper) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                if (!Double.isNaN(v)) {
                    if (v != Math.rint(v)) {
                        throw new PluralstatsException(data.source() + ": item " + id + " has the non-integer code "
                                + SurveyData.formatNumber(v) + "; the paper rule needs integer codes");
                    }
                    max = Math.max(max, v);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new PluralstatsException(data.source() + ": item " + id + " has no answers; the paper rule needs its maximum");
            }
            if (max < 2 || max > 11) {
                throw new PluralstatsException(data.source() + ": item " + id + " has maximum " + SurveyData.formatNumber(max)
                        + "; the paper rule applies to maxima 2 to 11 (list its positive codes instead)");
            }
            double half = Math.floor(max / 2);
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (Double.isNaN(v)) {
                    a[i] = BinaryItem.MISSING;
                    continue;
                }
                boolean pos = max == 3 ? v == 1 : max == 10 ? v > 5 : v <= half;
                a[i] = (byte) ((pos ^ reversed) ? 1 : 0);
            }
            rule = "paper rule: maximum " + SurveyData.formatNumber(max) + (reversed ? ", reversed" : "");
            for (double v = 1; v <= max; v++) {
                boolean pos = max == 3 ? v == 1 : max == 10 ? v > 5 : v <= half;
                if (pos ^ reversed) {
                    positiveSeen.add(v);
                }
            }
        } else {
            Scale s = c.item().scale().orElseThrow(() -> new PluralstatsException(data.source() + ": item " + id
                    + " has no declared scale; the scale-midpoint rule needs one (list its positive codes instead)"));
            double mid = (s.min() + s.max()) / 2.0;
            boolean ascending = s.direction() == Scale.Direction.ASCENDING;
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (Double.isNaN(v)) {
                    a[i] = BinaryItem.MISSING;
                    continue;
                }
                boolean pos = ascending ? v > mid : v < mid;
                a[i] = (byte) ((pos ^ reversed) ? 1 : 0);
            }
            for (int v = s.min(); v <= s.max(); v++) {
                if ((ascending ? v > mid : v < mid) ^ reversed) {
                    positiveSeen.add((double) v);
                }
            }
            rule = "scale midpoint: " + s.min() + "-" + s.max() + (ascending ? " ascending" : " descending")
                    + (reversed ? ", reversed" : "");
        }
        List<String> codes = new ArrayList<>();
        for (double v : positiveSeen) {
            codes.add(SurveyData.formatNumber(v));
        }
        return new BinaryItem(id, label, a, codes, rule);
    }

    private boolean reversedByRule(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        for (String p : reversedPrefixes) {
            if (k.startsWith(p.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
