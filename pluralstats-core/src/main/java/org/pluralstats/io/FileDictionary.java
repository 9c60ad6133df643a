package org.pluralstats.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * What a data file declares about itself before its data: format, variables, case count and
 * character encoding. Its {@link #table()} is what {@code pluralstats inspect} prints.
 *
 * @param file the file name, for messages
 * @param format the file format
 * @param rows the number of cases declared by the header, or -1 when the header does not say
 * @param variables the variables in file order
 * @param encoding the character encoding used for strings and labels (e.g. {@code UTF-8}, {@code windows-1252})
 */
public record FileDictionary(String file, FileFormat format, long rows, List<Variable> variables, String encoding)
        implements TabularResult {

    /** Copies the variable list. */
    public FileDictionary {
        variables = List.copyOf(variables);
    }

    /** @return the declared case count, when the header has one */
    public OptionalLong declaredRows() {
        return rows >= 0 ? OptionalLong.of(rows) : OptionalLong.empty();
    }

    /**
     * @param name variable name, matched case-insensitively (WVS releases differ in case)
     * @return the variable
     */
    public Optional<Variable> find(String name) {
        for (Variable v : variables) {
            if (v.name().equalsIgnoreCase(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** @return variable names in file order */
    public List<String> names() {
        List<String> out = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            out.add(v.name());
        }
        return out;
    }

    /**
     * @param cases the cases counted by reading the data
     * @return this dictionary with that case count
     */
    public FileDictionary withRows(long cases) {
        return new FileDictionary(file, format, cases, variables, encoding);
    }

    /**
     * The dictionary as a table, one row per variable: {@code name}, {@code label}, {@code type}
     * ({@code numeric} or {@code string}), {@code width} (of strings, 0 for numbers), {@code valueLabels}
     * (their count) and {@code labels} ({@code 1 "No"; .a "Refused"}: numeric codes shortest, Stata's missing
     * codes keyed {@code .} and {@code .a}..{@code .z} as Stata writes them, texts in double quotes with an inner
     * quote doubled as SPSS syntax writes it) and {@code missing} (the user-missing range and values as
     * {@link MissingValues#describe()} writes them: {@code -5 thru -1}, {@code LO thru -1; 99}). The metadata: file, format, cases ({@code -1}: not declared) and
     * encoding.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Variables of " + file).meta("file", file)
                .meta("format", format.jsonName()).meta("cases", Long.toString(rows)).meta("encoding", encoding)
                .column("name", ColumnType.TEXT, Role.KEY).column("label", ColumnType.TEXT, Role.LABEL)
                .column("type", ColumnType.TEXT, Role.OTHER).column("width", ColumnType.INTEGER, Role.OTHER)
                .column("valueLabels", ColumnType.INTEGER, Role.COUNT).column("labels", ColumnType.TEXT, Role.OTHER)
                .column("missing", ColumnType.TEXT, Role.OTHER);
        for (Variable v : variables) {
            List<String> labels = new ArrayList<>();
            v.valueLabels().forEach((k, l) -> labels.add(ShortestDecimal.format(k) + ' ' + quoted(l)));
            v.stringValueLabels().forEach((k, l) -> labels.add(quoted(k) + ' ' + quoted(l)));
            v.taggedValueLabels().forEach((k, l) -> labels.add((k == '.' ? "." : "." + k) + ' ' + quoted(l)));
            t.row(v.name(), v.label(), v.isNumeric() ? "numeric" : "string", v.width(), v.valueLabelCount(),
                    String.join("; ", labels), v.missing().describe());
        }
        return t.build();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
