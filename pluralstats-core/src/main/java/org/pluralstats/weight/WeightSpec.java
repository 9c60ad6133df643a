package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Column;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;

/**
 * Where each respondent's weight comes from: the data's design weights as read ({@link #design()}:
 * under WVS/EVS conventions {@code W_WEIGHT}, or {@code gwght*pwght} for the joint file), no weights
 * ({@link #none()}), or the product of numeric columns ({@link #product}: {@code W_WEIGHT*S018}).
 * Column names are case-insensitive. A weight is valid when it is finite and positive; see
 * {@link #problem(SurveyData, int)}.
 */
public sealed interface WeightSpec {

    /** @return the weights stored in the data (1 for every row when it has none) */
    static WeightSpec design() {
        return new Design();
    }

    /** @return weight 1 for every respondent */
    static WeightSpec none() {
        return new Product(List.of());
    }

    /**
     * @param columns numeric columns whose product is the weight; none means unweighted
     * @return the product spec
     */
    static WeightSpec product(List<String> columns) {
        return new Product(columns);
    }

    /**
     * @param expression {@code none}, {@code design}, or column names joined by {@code *}
     *     ({@code W_WEIGHT*S018}); blanks around names are ignored
     * @return the spec
     */
    static WeightSpec parse(String expression) {
        String e = expression.trim();
        if (e.equalsIgnoreCase("none") || e.equals("1")) {
            return none();
        }
        if (e.equalsIgnoreCase("design")) {
            return design();
        }
        List<String> cols = new ArrayList<>();
        for (String part : e.split("\\*", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new PluralstatsException("weight expression \"" + expression + "\" has an empty factor; expected"
                        + " none, or column names joined by * (W_WEIGHT*S018)");
            }
            cols.add(p);
        }
        return product(cols);
    }

    /** @return the columns the weight is computed from (empty for {@link #design()} and {@link #none()}) */
    List<String> columns();

    /** @return the expression, e.g. {@code W_WEIGHT*S018}, {@code none} or {@code design} */
    String expression();

    /**
     * @param data the data
     * @return one weight per row; NaN where a factor is missing
     * @throws PluralstatsException for a column that is not in the data (naming the closest) or not numeric
     */
    double[] weights(SurveyData data);

    /**
     * Why a row's weight is not usable, naming the variable.
     *
     * @param data the data
     * @param row row index
     * @return the problem ({@code "S018 is missing (no_answer)"}, {@code "W_WEIGHT = 0"}), or empty when
     *     the weight is finite and positive
     */
    Optional<String> problem(SurveyData data, int row);

    /** The design weights stored in the data. */
    record Design() implements WeightSpec {
        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public String expression() {
            return "design";
        }

        @Override
        public double[] weights(SurveyData data) {
            double[] w = new double[data.rows()];
            for (int r = 0; r < w.length; r++) {
                w[r] = data.weight(r);
            }
            return w;
        }

        @Override
        public Optional<String> problem(SurveyData data, int row) {
            return Product.check("the design weight", data.weight(row));
        }
    }

    /**
     * The product of columns (none: unweighted).
     *
     * @param names the column names
     */
    record Product(List<String> names) implements WeightSpec {
        /** Copies the names. */
        public Product {
            names = List.copyOf(names);
        }

        @Override
        public List<String> columns() {
            return names;
        }

        @Override
        public String expression() {
            return names.isEmpty() ? "none" : String.join("*", names);
        }

        private List<NumericColumn> resolve(SurveyData data) {
            List<NumericColumn> out = new ArrayList<>();
            for (String n : names) {
                Column c = data.require(n);
                if (!(c instanceof NumericColumn num)) {
                    throw new PluralstatsException(data.source() + ": weight variable " + c.item().id() + " is not numeric");
                }
                out.add(num);
            }
            return out;
        }

        @Override
        public double[] weights(SurveyData data) {
            double[] w = new double[data.rows()];
            java.util.Arrays.fill(w, 1.0);
            for (NumericColumn c : resolve(data)) {
                for (int r = 0; r < w.length; r++) {
                    w[r] *= c.value(r);
                }
            }
            return w;
        }

        @Override
        public Optional<String> problem(SurveyData data, int row) {
            double w = 1;
            for (NumericColumn c : resolve(data)) {
                if (c.isMissing(row)) {
                    return Optional.of(c.item().id() + " is missing ("
                            + c.missingReason(row).map(MissingReason::jsonName).orElse("missing") + ")");
                }
                Optional<String> p = check(c.item().id(), c.value(row));
                if (p.isPresent()) {
                    return p;
                }
                w *= c.value(row);
            }
            return check(expression(), w);
        }

        static Optional<String> check(String what, double w) {
            if (Double.isNaN(w)) {
                return Optional.of(what + " is missing");
            } else if (Double.isInfinite(w)) {
                return Optional.of(what + " is infinite");
            } else if (w < 0) {
                return Optional.of(what + " = " + SurveyData.formatNumber(w) + " is negative");
            } else if (w == 0) {
                return Optional.of(what + " = 0");
            }
            return Optional.empty();
        }
    }

    /**
     * @param what the weight or factor, for the message
     * @param w its value
     * @return what makes it unusable ({@code "W_WEIGHT = 0"}, {@code "S018 = -2 is negative"}, {@code "… is
     *     missing"}), or empty when it is finite and positive
     */
    static Optional<String> problemOf(String what, double w) {
        return Product.check(what, w);
    }

    /**
     * @param spec a spec
     * @return whether it is unweighted
     */
    static boolean isNone(WeightSpec spec) {
        return spec instanceof Product p && p.names().isEmpty();
    }
}
