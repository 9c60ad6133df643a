package org.pluralstats.report.svg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pluralstats.PluralstatsException;

/**
 * What interval charts draw: categories (items, groups, languages), series (groups, countries,
 * models), and one {@link Estimate} per series × category. Immutable; built with {@link #builder}.
 */
public final class SeriesData {
    private final List<String> categories;
    private final List<List<String>> subLabels;
    private final List<String> series;
    private final List<List<Estimate>> values;

    private SeriesData(Builder b) {
        this.categories = List.copyOf(b.categories);
        List<List<String>> subs = new ArrayList<>();
        for (List<String> s : b.subLabels) {
            subs.add(List.copyOf(s));
        }
        this.subLabels = Collections.unmodifiableList(subs);
        this.series = List.copyOf(b.series);
        List<List<Estimate>> vals = new ArrayList<>();
        for (List<Estimate> v : b.values) {
            vals.add(List.copyOf(v));
        }
        this.values = Collections.unmodifiableList(vals);
    }

    /**
     * @param categories the categories, in drawing order
     * @return a builder
     */
    public static Builder builder(List<String> categories) {
        return new Builder(categories);
    }

    /** @return the categories */
    public List<String> categories() {
        return categories;
    }

    /**
     * @param category a category index
     * @return the further lines drawn under (or beside) its label; may be empty
     */
    public List<String> subLabels(int category) {
        return subLabels.get(category);
    }

    /** @return the series names */
    public List<String> series() {
        return series;
    }

    /**
     * @param series a series index
     * @param category a category index
     * @return the estimate
     */
    public Estimate get(int series, int category) {
        return values.get(series).get(category);
    }

    /** @return the smallest and largest finite value or bound, or {NaN, NaN} when there is none */
    double[] extent() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Estimate> row : values) {
            for (Estimate e : row) {
                for (double v : new double[] {e.value(), e.lower(), e.upper()}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** Collects the series of a {@link SeriesData}. */
    public static final class Builder {
        private final List<String> categories;
        private final List<List<String>> subLabels = new ArrayList<>();
        private final List<String> series = new ArrayList<>();
        private final List<List<Estimate>> values = new ArrayList<>();

        private Builder(List<String> categories) {
            this.categories = List.copyOf(categories);
            for (int i = 0; i < categories.size(); i++) {
                subLabels.add(List.of());
            }
        }

        /**
         * @param category a category index
         * @param lines further lines for its label (a description, a translation)
         * @return this
         */
        public Builder subLabel(int category, List<String> lines) {
            subLabels.set(category, List.copyOf(lines));
            return this;
        }

        /**
         * @param name the series name (shown in the legend)
         * @param estimates one per category, in category order
         * @return this
         */
        public Builder series(String name, List<Estimate> estimates) {
            if (estimates.size() != categories.size()) {
                throw new PluralstatsException("series " + name + " has " + estimates.size() + " values for "
                        + categories.size() + " categories");
            }
            series.add(name);
            values.add(List.copyOf(estimates));
            return this;
        }

        /** @return the data */
        public SeriesData build() {
            return new SeriesData(this);
        }
    }

    /** @return the categories and the series names */
    @Override
    public String toString() {
        return "SeriesData[categories " + categories + "; series " + series + "]";
    }
}
