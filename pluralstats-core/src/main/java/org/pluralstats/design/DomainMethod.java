package org.pluralstats.design;

/**
 * How {@link TaylorDesign#by} estimates per group: as domains of the one design, or as separate designs
 * built per group. {@code docs/methods.md}, "Survey designs: domains versus separate designs", says when
 * each is right.
 */
public enum DomainMethod {
    /**
     * Domains of the whole design: {@code svyby(~y, ~g, design, svymean)}, {@code subset(design, g == k)}.
     * Respondents outside the group keep their PSUs and strata with zero influence; PSU counts per stratum
     * and the finite-population corrections are the whole design's.
     */
    DOMAIN,
    /**
     * A design of its own per group (pluralstats' behaviour before designs): {@code svydesign(…,
     * data = d[d$g == k & !is.na(d$y), ])}; PSUs, strata and sampling fractions are counted within the
     * group.
     */
    SEPARATE_DESIGNS
}
