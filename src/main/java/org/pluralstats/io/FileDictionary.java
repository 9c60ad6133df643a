package org.pluralstats.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a data file declares about itself before its data: format, variables, case count and
 * character encoding.
 *
 * @param file the file name, for messages
 * @param format the file format
 * @param rows the number of cases declared by the header, or -1 when the header does not say
 * @param variables the variables in file order
 * @param encoding the character encoding used for strings and labels (e.g. {@code UTF-8}, {@code windows-1252})
 */
public record FileDictionary(String file, FileFormat format, long rows, List<Variable> variables, String encoding) {

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
}
