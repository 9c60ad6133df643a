package org.pluralstats.align;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link DistributionSimilarity#compare}: one summary per population, the per-question
 * similarities behind them, and the population × question pairs left out, by reason.
 *
 * @param summaries one per population, in the order of the human file
 * @param questions one per compared question
 * @param excluded reason → number of population × question pairs
 */
public record SimilarityReport(List<SimilaritySummary> summaries, List<QuestionSimilarity> questions,
                               Map<String, Integer> excluded) {

    /** Copies the lists and map. */
    public SimilarityReport {
        summaries = List.copyOf(summaries);
        questions = List.copyOf(questions);
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }
}
