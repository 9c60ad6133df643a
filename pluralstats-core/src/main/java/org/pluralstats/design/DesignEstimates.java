package org.pluralstats.design;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pluralstats.table.Column;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Several design-based estimates, one row per variable and domain, as R's {@code svyby(~y, ~g, design,
 * svymean, deff = TRUE)} prints them beside {@code confint(…, df = …)}: estimate, se, ciLow, ciHigh, df,
 * deff, and the respondents counted. The table's metadata say how the domains were estimated
 * ({@link DomainMethod}) and which quantile the intervals use.
 */
public final class DesignEstimates implements TabularResult {
    /** What each row estimates. */
    public enum Statistic {
        /** {@code svymean}. */
        MEAN,
        /** {@code svytotal}. */
        TOTAL
    }

    /**
     * One row.
     *
     * @param variable the variable's name
     * @param domain the domain (group) name, {@code ""} for the whole design
     * @param n the respondents in the domain with a value of the variable
     * @param estimate the estimate
     */
    public record Row(String variable, String domain, int n, DesignEstimate estimate) {
        /**
         * @param variable the variable's name
         * @param domain the domain name
         * @param n the respondents counted
         * @param estimate the estimate
         */
        public Row {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(estimate, "estimate");
        }
    }

    private final Statistic statistic;
    private final DomainMethod method;
    private final double level;
    private final IntervalDf intervalDf;
    private final String design;
    private final List<Row> rows;
    private final ResultTable table;

    private DesignEstimates(Statistic statistic, DomainMethod method, double level, IntervalDf intervalDf,
                            String design, List<Row> rows) {
        this.statistic = Objects.requireNonNull(statistic, "statistic");
        this.method = Objects.requireNonNull(method, "method");
        this.level = level;
        this.intervalDf = Objects.requireNonNull(intervalDf, "intervalDf");
        this.design = Objects.requireNonNull(design, "design");
        this.rows = List.copyOf(rows);
        this.table = toTable();
    }

    /**
     * @param statistic what the rows estimate
     * @param method how the domains were estimated
     * @param level the confidence level of the intervals
     * @param intervalDf which quantile the intervals use
     * @param design a one-line description of the design
     * @param rows the rows
     * @return the estimates
     */
    public static DesignEstimates of(Statistic statistic, DomainMethod method, double level, IntervalDf intervalDf,
                                     String design, List<Row> rows) {
        return new DesignEstimates(statistic, method, level, intervalDf, design, rows);
    }

    /** @return the rows, in order */
    public List<Row> rows() {
        return rows;
    }

    /** @return what the rows estimate */
    public Statistic statistic() {
        return statistic;
    }

    /** @return how the domains were estimated */
    public DomainMethod domainMethod() {
        return method;
    }

    /**
     * @param domain a domain name
     * @return its row's estimate
     * @throws org.pluralstats.PluralstatsException if there is no such domain
     */
    public DesignEstimate domain(String domain) {
        return rows.stream().filter(r -> r.domain().equals(domain)).findFirst().map(Row::estimate)
                .orElseThrow(() -> new org.pluralstats.PluralstatsException("no domain " + domain + " among "
                        + rows.stream().map(Row::domain).toList()));
    }

    /**
     * @return the table: variable, domain, estimate, se, ciLow, ciHigh, df, deff, n; metadata: method
     *     (svyby with svymean or svytotal), domains (domain of the whole design or separate designs), the
     *     design, the confidence level and the interval's quantile
     */
    @Override
    public ResultTable table() {
        return table;
    }

    private ResultTable toTable() {
        String fn = statistic == Statistic.MEAN ? "svymean" : "svytotal";
        ResultTable.Builder b = ResultTable.builder("Design-based " + statistic.name().toLowerCase(Locale.ROOT)
                        + "s by domain")
                .column("variable", ColumnType.TEXT, Role.KEY)
                .column("domain", ColumnType.TEXT, Role.KEY)
                .column("estimate", ColumnType.NUMBER, Role.ESTIMATE)
                .column("se", ColumnType.NUMBER, Role.SE)
                .column("ciLow", ColumnType.NUMBER, Role.CI_LOWER)
                .column("ciHigh", ColumnType.NUMBER, Role.CI_UPPER)
                .number("df", Role.DF, 0)
                .column("deff", ColumnType.NUMBER, Role.STATISTIC)
                .column(Column.of("n", ColumnType.INTEGER, Role.COUNT));
        for (Row r : rows) {
            DesignEstimate e = r.estimate();
            b.row(r.variable(), r.domain(), e.estimate(), e.se(), e.ciLow(), e.ciHigh(), e.df(), e.deff(),
                    (long) r.n());
        }
        return b.meta(ResultTable.METHOD, method == DomainMethod.DOMAIN
                        ? "svyby(~y, ~domain, design, " + fn + ", deff = TRUE): domains of the whole design"
                        : fn + " on a separate design per domain (svydesign on the domain's rows)")
                .meta("domains", method == DomainMethod.DOMAIN ? "domain estimation" : "separate designs")
                .meta("design", design)
                .meta(ResultTable.CONFIDENCE_LEVEL, Double.toString(level))
                .meta("interval", switch (intervalDf) {
                    case NORMAL -> "normal quantile (confint(est))";
                    case DESIGN -> "t on degf(design)";
                    case DOMAIN -> "t on degf(subset(design, domain))";
                })
                .build();
    }

    /** @return {@code table().toString()} */
    @Override
    public String toString() {
        return table.toString();
    }
}
