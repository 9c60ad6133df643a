package org.pluralstats.align;

import java.util.List;
import java.util.Map;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The result of {@link DistributionSimilarity#compare}: one summary per population, the per-question
 * similarities behind them, and the population × question pairs left out, by reason, with the settings
 * that produced them. Shown as {@link #table()} (the summaries) and {@link #questionsTable()}.
 *
 * @param summaries one per population, in the order of the human file
 * @param questions one per compared question
 * @param excluded reason → number of population × question pairs
 * @param metric Wasserstein, Jensen–Shannon or total variation
 * @param logBase the logarithm base of the Jensen–Shannon distance ({@code NaN} for Wasserstein)
 * @param bootstrap the bootstrap of the intervals (questions resampled)
 */
public record SimilarityReport(List<SimilaritySummary> summaries, List<QuestionSimilarity> questions,
                               Map<String, Integer> excluded, SimilarityMetric metric, double logBase,
                               BootstrapSettings bootstrap) implements TabularResult {

    /** Copies the lists and map. */
    public SimilarityReport {
        summaries = List.copyOf(summaries);
        questions = List.copyOf(questions);
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }

    /**
     * The summaries as a table, one row per population (seed paper 002's Table 1), the columns named as the
     * fields of {@link SimilaritySummary}: {@code population} (the key), {@code metric, questions,
     * similarity, ciLow, ciHigh, unclassifiableShare, classified, unclassifiable, excludedQuestions, logBase,
     * resamples}; the metadata also says which pairs were left out. What {@code pluralstats similarity}
     * prints and the report's {@code similarity-summary} (Wasserstein) and {@code similarity-summary-jsd}
     * tables.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = describe("Similarity of model and human answer distributions per population")
                .column("population", ColumnType.TEXT, Role.KEY).column("metric", ColumnType.TEXT, Role.PARAMETER)
                .column("questions", ColumnType.INTEGER, Role.COUNT).number("similarity", Role.ESTIMATE, 3)
                .number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3)
                .number("unclassifiableShare", Role.ESTIMATE, 3).number("classified", Role.COUNT, 0)
                .number("unclassifiable", Role.COUNT, 0).column("excludedQuestions", ColumnType.INTEGER, Role.COUNT)
                .number("logBase", Role.PARAMETER, 4).column("resamples", ColumnType.INTEGER, Role.COUNT);
        for (SimilaritySummary s : summaries) {
            t.row(s.population(), s.metric().jsonName(), s.questions(), s.similarity(), s.ciLow(), s.ciHigh(),
                    s.unclassifiableShare(), s.classified(), s.unclassifiable(), s.excludedQuestions(), s.logBase(),
                    s.resamples());
        }
        return t.build();
    }

    /**
     * @return the per-question similarities as a table {@code population, question} (the key), {@code
     *     options, similarity, distance, classified, unclassifiable}: what {@code pluralstats similarity
     *     --per-question} prints and the report's {@code similarity-questions} tables
     */
    public ResultTable questionsTable() {
        ResultTable.Builder t = describe("Similarity of model and human answer distributions per population × question")
                .column("population", ColumnType.TEXT, Role.KEY).column("question", ColumnType.TEXT, Role.KEY)
                .column("options", ColumnType.INTEGER, Role.COUNT).number("similarity", Role.ESTIMATE, 3)
                .number("distance", Role.STATISTIC, 3).number("classified", Role.COUNT, 0)
                .number("unclassifiable", Role.COUNT, 0);
        for (QuestionSimilarity q : questions) {
            t.row(q.population(), q.question(), q.options(), q.similarity(), q.distance(), q.classified(),
                    q.unclassifiable());
        }
        return t.build();
    }

    private ResultTable.Builder describe(String title) {
        ResultTable.Builder t = ResultTable.builder(title + ", " + switch (metric) {
            case WASSERSTEIN -> "Wasserstein similarity";
            case JENSEN_SHANNON -> "1 - Jensen-Shannon distance";
            case TOTAL_VARIATION -> "1 - total variation distance";
            case KULLBACK_LEIBLER -> "Kullback-Leibler divergence";
        }).meta(ResultTable.METHOD, switch (metric) {
            case WASSERSTEIN -> "1 - W1(h, m) / (max ordinal - min ordinal) (OpinionQA), mean over questions";
            case JENSEN_SHANNON -> "1 - Jensen-Shannon distance (base " + (logBase == 2 ? "2" : "e") + "), mean over questions";
            case TOTAL_VARIATION -> "1 - total variation distance, 1/2 sum |h - m| of the shares, mean over questions";
            case KULLBACK_LEIBLER -> "Kullback-Leibler divergence KL(h || m), mean over questions";
        });
        bootstrap.describe(t);
        if (!excluded.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            excluded.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            t.meta("left out (population × question)", sb.toString());
        }
        return t;
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
