package org.pluralstats.io.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link GoogleFormsReader} reads a set of exports. Immutable; build once and reuse:
 * <pre>{@code
 * FormsReadOptions options = FormsReadOptions.builder()
 *         .codebook(Codebook.read(Path.of("codebook.json")))
 *         .keepDuplicates(false)
 *         .build();
 * }</pre>
 * The defaults ({@link #defaults()}): no codebook (columns aligned by position, kinds inferred),
 * duplicate submissions excluded, day/month order of timestamps detected per file.
 */
public final class FormsReadOptions {
    private static final FormsReadOptions DEFAULTS = builder().build();

    /** Order of day and month in timestamps whose year comes last ({@code 8/4/2025 23:25:41}). */
    public enum DateOrder {
        /**
         * Per file: day first if any date's first number exceeds 12, month first if any date's second
         * number does; otherwise day first for dotted dates ({@code 14.05.2025}) and month first for
         * slashed ones (Google's {@code en-US} default). Only the differences between times of one file
         * are used (duplicate detection), so an undecidable file loses nothing when guessed wrong.
         */
        AUTO,
        /** Always day/month/year ({@code 14/05/2025}). */
        DAY_MONTH_YEAR,
        /** Always month/day/year ({@code 5/14/2025}). */
        MONTH_DAY_YEAR
    }

    private final Codebook codebook;
    private final boolean keepDuplicates;
    private final DateOrder dateOrder;
    private final java.util.List<String> attributes;
    private final java.util.List<String> numericAttributes;

    private FormsReadOptions(Builder b) {
        this.codebook = b.codebook;
        this.keepDuplicates = b.keepDuplicates;
        this.dateOrder = b.dateOrder;
        this.attributes = java.util.List.copyOf(b.attributes);
        this.numericAttributes = java.util.List.copyOf(b.numericAttributes);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String a : allAttributes()) {
            if (a.isBlank() || !seen.add(a.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new org.pluralstats.PluralstatsException("attribute column \"" + a
                        + "\" is " + (a.isBlank() ? "empty" : "named twice"));
            }
        }
    }

    /** @return the default options */
    public static FormsReadOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().codebook(codebook).keepDuplicates(keepDuplicates).dateOrder(dateOrder)
                .attributes(attributes).numericAttributes(numericAttributes);
    }

    /**
     * @return the titles of columns read as text attributes, not items (e.g. a survey design's cluster and
     *     stratum columns): present in every export, matched by title ignoring case and surrounding blanks,
     *     stored under the title as given here
     */
    public java.util.List<String> attributes() {
        return attributes;
    }

    /**
     * @return the titles of columns read as numeric attributes, not items (e.g. a sampling weight or an fpc):
     *     present in every export, every kept row holding a number
     */
    public java.util.List<String> numericAttributes() {
        return numericAttributes;
    }

    java.util.List<String> allAttributes() {
        java.util.List<String> all = new java.util.ArrayList<>(attributes);
        all.addAll(numericAttributes);
        return all;
    }

    /** @return the codebook that maps each form's headers and options to canonical items, if any */
    public Optional<Codebook> codebook() {
        return Optional.ofNullable(codebook);
    }

    /**
     * @return whether duplicate submissions (same e-mail; identical answers within 2 minutes) are kept;
     *         they are excluded and counted by default
     */
    public boolean keepDuplicates() {
        return keepDuplicates;
    }

    /** @return how the day/month order of year-last timestamps is decided */
    public DateOrder dateOrder() {
        return dateOrder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormsReadOptions x && Objects.equals(codebook, x.codebook)
                && keepDuplicates == x.keepDuplicates && dateOrder == x.dateOrder && attributes.equals(x.attributes)
                && numericAttributes.equals(x.numericAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codebook, keepDuplicates, dateOrder, attributes, numericAttributes);
    }

    @Override
    public String toString() {
        return "FormsReadOptions[codebook=" + (codebook == null ? "none" : codebook.source()) + ", keepDuplicates="
                + keepDuplicates + ", dateOrder=" + dateOrder + (allAttributes().isEmpty() ? ""
                : ", attributes=" + attributes + ", numericAttributes=" + numericAttributes) + "]";
    }

    /** Collects options; see {@link FormsReadOptions#builder()}. */
    public static final class Builder {
        private Codebook codebook;
        private boolean keepDuplicates;
        private DateOrder dateOrder = DateOrder.AUTO;
        private java.util.List<String> attributes = java.util.List.of();
        private java.util.List<String> numericAttributes = java.util.List.of();

        private Builder() {
        }

        /**
         * @param titles columns (by title) read as text attributes instead of items, e.g. {@code cluster},
         *     {@code stratum}; every export must have them
         * @return this
         */
        public Builder attributes(java.util.List<String> titles) {
            this.attributes = java.util.List.copyOf(titles);
            return this;
        }

        /**
         * @param titles columns (by title) read as numeric attributes instead of items, e.g. {@code weight};
         *     every export must have them, with a number in every kept row
         * @return this
         */
        public Builder numericAttributes(java.util.List<String> titles) {
            this.numericAttributes = java.util.List.copyOf(titles);
            return this;
        }

        /**
         * @param codebook the codebook, or {@code null} for none (align columns by position)
         * @return this
         */
        public Builder codebook(Codebook codebook) {
            this.codebook = codebook;
            return this;
        }

        /**
         * @param keep whether to keep duplicate submissions (the CLI's {@code --keep-duplicates})
         * @return this
         */
        public Builder keepDuplicates(boolean keep) {
            this.keepDuplicates = keep;
            return this;
        }

        /**
         * @param order how to read year-last dates
         * @return this
         */
        public Builder dateOrder(DateOrder order) {
            this.dateOrder = Objects.requireNonNull(order, "dateOrder");
            return this;
        }

        /** @return the options */
        public FormsReadOptions build() {
            return new FormsReadOptions(this);
        }
    }
}
