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

    /**
     * Whether a chart of this data would show nothing a reader can use, and why, as a clause that completes
     * "Not drawn: …". Checked in this order:
     * <ol>
     *   <li>no estimate is defined: {@code "no value is defined"};</li>
     *   <li>two or more series, each equal to the first in every category (values and bounds to a relative
     *       1e-12, as Kish's n_eff of equal weights is n up to rounding, and undefined in the same places): {@code "“A” and “B” are equal in every category (60, 55, …)"};</li>
     *   <li>two or more defined estimates, all of the same value and none with an interval wider than a
     *       point: {@code "every value is 0.5"}.</li>
     * </ol>
     * A single defined estimate, or equal values with intervals, is a chart worth drawing.
     *
     * @return the reason, or empty when the chart is worth drawing
     */
    public java.util.Optional<String> degenerate() {
        int defined = 0;
        double first = Double.NaN;
        boolean allSame = true;
        boolean anyInterval = false;
        for (List<Estimate> row : values) {
            for (Estimate e : row) {
                if (!e.present()) {
                    continue;
                }
                if (defined++ == 0) {
                    first = e.value();
                } else if (Double.compare(e.value(), first) != 0) {
                    allSame = false;
                }
                anyInterval |= e.hasInterval() && e.upper() > e.lower();
            }
        }
        if (defined == 0) {
            return java.util.Optional.of("no value is defined");
        }
        if (series.size() > 1 && values.stream().allMatch(v -> same(v, values.get(0)))) {
            StringBuilder list = new StringBuilder();
            for (int c = 0; c < Math.min(3, categories.size()); c++) {
                Estimate e = values.get(0).get(c);
                list.append(c == 0 ? "" : ", ").append(e.present() ? org.pluralstats.data.ShortestDecimal.format(e.value()) : "–");
            }
            String names = series.size() == 2 ? "\u201c" + series.get(0) + "\u201d and \u201c" + series.get(1) + "\u201d"
                    : "all " + series.size() + " series";
            return java.util.Optional.of(names + " are equal in every category (" + list
                    + (categories.size() > 3 ? ", \u2026" : "") + ")");
        }
        if (defined > 1 && allSame && !anyInterval) {
            return java.util.Optional.of("every value is " + org.pluralstats.data.ShortestDecimal.format(first));
        }
        return java.util.Optional.empty();
    }

    private static boolean same(List<Estimate> a, List<Estimate> b) {
        for (int c = 0; c < a.size(); c++) {
            Estimate x = a.get(c);
            Estimate y = b.get(c);
            if (!close(x.value(), y.value()) || !close(x.lower(), y.lower()) || !close(x.upper(), y.upper())) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double x, double y) {
        return Double.isNaN(x) ? Double.isNaN(y) : !Double.isNaN(y) && Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
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
