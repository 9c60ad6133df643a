/**
 * Comparing groups of a survey item by item: per group, Likert summaries of scale items and option
 * shares with Wilson intervals of choice and checkbox items; across groups, Kruskal-Wallis with
 * Holm-adjusted pairwise Mann-Whitney U tests and chi-square tests of independence. This is the
 * analysis of the pilot survey's Table 1 (seed paper 000).
 */
package org.pluralstats.compare;
