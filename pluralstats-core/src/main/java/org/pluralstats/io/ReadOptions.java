package org.pluralstats.io;

import java.util.List;
import java.util.Optional;

/**
 * What to read from a data file: which variables, which conventions to apply, and which variables
 * make the weight. Immutable; build once with {@link #builder()}.
 *
 * <pre>{@code
 * ReadOptions opts = ReadOptions.builder().variables("Q1", "Q2").weight("W_WEIGHT").build();
 * SurveyData data = SurveyFiles.read(path, opts);
 * }</pre>
 */
public final class ReadOptions {
    /** Whether WVS/EVS conventions (missing codes, country/language attributes, default weight) apply. */
    public enum Conventions {
        /** Apply them when the file's variable names match a WVS/EVS release. */
        AUTO,
        /** Never apply them: negative codes are answers, no default weight. */
        NONE
    }

    private final List<String> variables;
    private final List<String> attributes;
    private final Optional<List<String>> weight;
    private final Conventions conventions;

    private ReadOptions(Builder b) {
        this.variables = List.copyOf(b.variables);
        this.attributes = List.copyOf(b.attributes);
        this.weight = b.weight;
        this.conventions = b.conventions;
    }

    /** @return the defaults: every variable, conventions detected, the convention's default weight */
    public static ReadOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the variables to read (case-insensitive); empty means all */
    public List<String> variables() {
        return variables;
    }

    /** @return extra variables to mark as population attributes */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * @return the variables whose product is the weight; empty optional means the convention's default,
     *     an empty list means unweighted
     */
    public Optional<List<String>> weight() {
        return weight;
    }

    /** @return whether WVS/EVS conventions are detected */
    public Conventions conventions() {
        return conventions;
    }

    /** Builds {@link ReadOptions}. */
    public static final class Builder {
        private List<String> variables = List.of();
        private List<String> attributes = List.of();
        private Optional<List<String>> weight = Optional.empty();
        private Conventions conventions = Conventions.AUTO;

        private Builder() {
        }

        /** @param names variables to read; none means all @return this */
        public Builder variables(String... names) {
            return variables(List.of(names));
        }

        /** @param names variables to read; empty means all @return this */
        public Builder variables(List<String> names) {
            this.variables = List.copyOf(names);
            return this;
        }

        /** @param names variables to mark as population attributes @return this */
        public Builder attributes(List<String> names) {
            this.attributes = List.copyOf(names);
            return this;
        }

        /** @param product variables whose product is the weight; none means unweighted @return this */
        public Builder weight(String... product) {
            this.weight = Optional.of(List.of(product));
            return this;
        }

        /** @param c the conventions @return this */
        public Builder conventions(Conventions c) {
            this.conventions = c;
            return this;
        }

        /** @return the options */
        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
