package org.pluralstats.weight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.stats.CompensatedSum;

/**
 * A population margin to rake to: the population total of each level of a variable, or of each
 * combination of levels of several variables (a cross-classified margin, as {@code ~A + B} in one
 * margin of R's {@code rake}). Level texts are matched to the data's values in shortest form
 * ({@code 1}, {@code DNK}); combinations are written with {@code :} between the levels, in the order of
 * {@link #variables()} ({@code "DNK:1"}). Read from JSON or CSV by {@code io.sidefile.MarginFiles}.
 *
 * @param variables the variable names (case-insensitive), one or more
 * @param targets level (or combination) → population total, in file order
 */
public record Margin(List<String> variables, Map<String, Double> targets) {
    /** The separator of levels in a combination. */
    public static final String SEPARATOR = ":";

    /** Validates and copies. */
    public Margin {
        variables = List.copyOf(variables);
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("a margin needs a variable");
        }
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("margin " + String.join(SEPARATOR, variables) + " has no targets");
        }
        for (Map.Entry<String, Double> e : targets.entrySet()) {
            if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("margin " + String.join(SEPARATOR, variables) + ", level " + e.getKey()
                        + ": target " + e.getValue() + " is not a finite non-negative number");
            }
        }
    }

    /**
     * @param variable a variable name
     * @param targets level → population total
     * @return a one-variable margin
     */
    public static Margin of(String variable, Map<String, Double> targets) {
        return new Margin(List.of(variable), targets);
    }

    /**
     * @param total the total the targets should add up to (e.g. the sum of the base weights, for
     *     targets given as proportions)
     * @return a copy with the targets scaled proportionally
     */
    public Margin scaledTo(double total) {
        double f = total / total();
        Map<String, Double> t = new LinkedHashMap<>();
        targets.forEach((k, v) -> t.put(k, v * f));
        return new Margin(variables, t);
    }

    /** @return the variables joined by {@code :}, as written in files */
    public String name() {
        return String.join(SEPARATOR, variables);
    }

    /** @return the sum of the targets */
    public double total() {
        CompensatedSum s = CompensatedSum.create();
        targets.values().forEach(s::accept);
        return s.getAsDouble();
    }
}
