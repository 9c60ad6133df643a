package org.pluralstats.design.replicate;

import java.util.List;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Estimates of one statistic per domain of a design, as R's {@code svyby(~y, ~group, design, FUN)} prints
 * them with {@code confint(…, df = degf(design))}.
 *
 * @param statistic the R function estimated in each domain ({@code svymean}, {@code svytotal}, {@code svyratio})
 * @param domains the domains' names, in order
 * @param estimates one estimate per domain, in the same order
 * @param level the intervals' confidence level
 * @param design what design they were estimated on (for the table's metadata)
 */
public record DomainEstimates(String statistic, List<String> domains, List<DesignEstimate> estimates, double level,
                              String design) implements TabularResult {
    /**
     * @param statistic the R function
     * @param domains the domains' names
     * @param estimates their estimates
     * @param level the confidence level
     * @param design the design's description
     */
    public DomainEstimates {
        domains = List.copyOf(domains);
        estimates = List.copyOf(estimates);
        if (domains.size() != estimates.size()) {
            throw new IllegalArgumentException(domains.size() + " domains but " + estimates.size() + " estimates");
        }
    }

    /**
     * @param domain a domain's name
     * @return its estimate
     */
    public DesignEstimate get(String domain) {
        int i = domains.indexOf(domain);
        if (i < 0) {
            throw new org.pluralstats.PluralstatsException("no domain " + domain + "; the domains are " + domains);
        }
        return estimates.get(i);
    }

    /**
     * One row per domain: {@code domain}, {@code estimate}, {@code se}, {@code ciLow}, {@code ciHigh}, {@code df}.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Domain estimates (" + statistic + ")")
                .meta(ResultTable.METHOD, "svyby(" + statistic + ") on a " + design + ", replicate standard errors")
                .meta(ResultTable.CONFIDENCE_LEVEL, Double.toString(level))
                .column("domain", ColumnType.TEXT, Role.KEY).number("estimate", Role.ESTIMATE, 4)
                .number("se", Role.SE, 4).number("ciLow", Role.CI_LOWER, 4).number("ciHigh", Role.CI_UPPER, 4)
                .number("df", Role.DF, 0);
        for (int i = 0; i < domains.size(); i++) {
            DesignEstimate e = estimates.get(i);
            t.row(domains.get(i), e.estimate(), e.se(), e.ciLow(), e.ciHigh(), e.df());
        }
        return t.build();
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
