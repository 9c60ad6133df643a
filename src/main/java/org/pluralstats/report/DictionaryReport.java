package org.pluralstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.pluralstats.io.Json;
import org.pluralstats.SafeText;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.Variable;

/** Describes a data file's dictionary as JSON or text, for {@code pluralstats inspect}. */
public final class DictionaryReport {
    private DictionaryReport() {
    }

    /**
     * The JSON form: {@code {"format":"sav","rows":N,"encoding":…,"variables":[{"name","label","type",
     * "width","valueLabels":{"1":"Very important",".a":"Refused"},"missing":{"values":[…],"range":{"low":…,"high":…},
     * "strings":[…]}}]}}; labels of Stata's missing values are keyed {@code "."} and {@code ".a"}..{@code ".z"}
     * as Stata writes them; infinite range bounds are written {@code "LO"}/{@code "HI"}.
     *
     * @param d the dictionary
     * @param rows the number of cases counted
     * @return the JSON tree
     */
    public static ObjectNode json(FileDictionary d, long rows) {
        ObjectNode root = Json.object();
        root.put("file", d.file());
        root.put("format", d.format().jsonName());
        root.put("rows", rows);
        root.put("encoding", d.encoding());
        ArrayNode vars = root.putArray("variables");
        for (Variable v : d.variables()) {
            ObjectNode o = vars.addObject();
            o.put("name", v.name());
            o.put("label", v.label());
            o.put("type", v.type().name().toLowerCase(Locale.ROOT));
            o.put("width", v.width());
            ObjectNode labels = o.putObject("valueLabels");
            for (Map.Entry<Double, String> e : v.valueLabels().entrySet()) {
                labels.put(ShortestDecimal.format(e.getKey()), e.getValue());
            }
            for (Map.Entry<String, String> e : v.stringValueLabels().entrySet()) {
                labels.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<Character, String> e : v.taggedValueLabels().entrySet()) {
                labels.put(e.getKey() == '.' ? "." : "." + e.getKey(), e.getValue());
            }
            o.set("missing", missing(v.missing()));
        }
        return root;
    }

    private static ObjectNode missing(MissingValues m) {
        ObjectNode o = Json.object();
        if (m.values().length > 0) {
            ArrayNode a = o.putArray("values");
            for (double x : m.values()) {
                a.add(x);
            }
        }
        if (m.hasRange()) {
            ObjectNode r = o.putObject("range");
            bound(r, "low", m.low(), "LO");
            bound(r, "high", m.high(), "HI");
        }
        if (!m.strings().isEmpty()) {
            ArrayNode a = o.putArray("strings");
            m.strings().forEach(a::add);
        }
        return o;
    }

    private static void bound(ObjectNode r, String field, double v, String infinite) {
        if (Double.isInfinite(v)) {
            r.put(field, infinite);
        } else {
            r.put(field, v);
        }
    }

    /**
     * The text form: one line per variable with type, label and the number of value labels, followed by
     * the labels of Stata's missing values ({@code .a "Refused"}), which are not numbers.
     *
     * @param d the dictionary
     * @param rows the number of cases counted
     * @return the text
     */
    public static String text(FileDictionary d, long rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(SafeText.escapeControls(d.file())).append(": ").append(d.format().jsonName()).append(", ").append(rows).append(" cases, ")
                .append(d.variables().size()).append(" variables, encoding ").append(d.encoding()).append('\n');
        for (Variable v : d.variables()) {
            sb.append(String.format(Locale.ROOT, "  %-16s %-7s %s", SafeText.forDisplay(v.name()),
                    v.isNumeric() ? "numeric" : "string" + (v.width() > 0 ? "(" + v.width() + ")" : ""),
                    SafeText.forDisplay(v.label())));
            int nl = v.valueLabelCount();
            if (nl > 0) {
                sb.append("  [").append(nl).append(" value labels");
                v.taggedValueLabels().forEach((tag, text) -> sb.append(tag == '.' ? ", . " : ", ." + tag + " ")
                        .append('"').append(SafeText.forDisplay(text)).append('"'));
                sb.append(']');
            }
            if (!v.missing().isEmpty()) {
                sb.append("  missing ").append(SafeText.forDisplay(v.missing().toString()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
