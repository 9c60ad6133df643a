package org.pluralstats.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/**
 * Value polarity scores (Eq. 1) of populations per item, the human side of an alignment. Item ids are
 * matched ignoring case (stored upper case, as {@link Generation} stores them); population names are
 * kept as written. Immutable.
 *
 * <p>{@code io.sidefile.PopulationScoreFiles} reads, per file:
 * <ul>
 * <li>the output of {@code pluralstats vps} (JSON, or CSV with at least {@code population,item,vps});
 * rows with an undefined score are left out;</li>
 * <li>the seed paper's released ground truth, CSV with {@code question_key} and {@code pro_score}:
 * the population is the {@code cntry_an} column when there is one
 * ({@code ground_truth_every_country.csv}: countries such as {@code US}, {@code DK}), else the
 * {@code lnge_iso} column ({@code ground_truth_per_language.csv}: languages such as {@code da}), else
 * {@code global} ({@code ground_truth_global.csv}); {@code pro_score} is the score.</li>
 * </ul>
 * Header names are matched ignoring case. A population × item given twice (in one file or across
 * files) is an error, as is a score outside [0, 1].
 */
public final class PopulationScores {
    /** The population name given to a file with no population column. */
    public static final String GLOBAL = "global";

    private final Map<String, Map<String, Double>> scores;

    private PopulationScores(Map<String, Map<String, Double>> scores) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        scores.forEach((p, m) -> copy.put(p, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        this.scores = Collections.unmodifiableMap(copy);
    }

    /**
     * @param table scores from {@link org.pluralstats.weight.ValuePolarityScores} or {@code ScoreTableFiles}
     * @return the defined scores of the table
     */
    public static PopulationScores of(ScoreTable table) {
        Builder b = new Builder();
        for (ValuePolarityScore s : table.rows()) {
            if (!Double.isNaN(s.vps())) {
                b.add(s.population(), s.item(), s.vps(), "the score table");
            }
        }
        return b.build();
    }

    /**
     * @param scores population → item → score
     * @return them
     */
    public static PopulationScores of(Map<String, Map<String, Double>> scores) {
        Builder b = new Builder();
        scores.forEach((p, m) -> m.forEach((i, v) -> b.add(p, i, v, "the map")));
        return b.build();
    }

    /**
     * One score of a population for an item, as a file gives it.
     *
     * @param population the population name
     * @param item the item id (any case)
     * @param score the score, in [0, 1]
     * @param source where it was read, for messages (e.g. {@code file.csv, line 3})
     */
    public record ScoreRow(String population, String item, double score, String source) {
    }

    /**
     * @param rows scores, from one or more files; a population × item given twice (items compared
     *     ignoring case) is an error naming both sources
     * @return them
     * @throws PluralstatsException for a score outside [0, 1] or a population × item given twice
     */
    public static PopulationScores of(List<ScoreRow> rows) {
        Builder b = new Builder();
        rows.forEach(r -> b.add(r.population(), r.item(), r.score(), r.source()));
        return b.build();
    }

    /** @return the population names, in order of first appearance */
    public List<String> populations() {
        return List.copyOf(scores.keySet());
    }

    /**
     * @param population a population
     * @param item an item id (any case)
     * @return its score, if the population has one for the item
     */
    public OptionalDouble score(String population, String item) {
        Double v = scores.getOrDefault(population, Map.of()).get(Generation.normaliseItem(item));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * @param population a population
     * @return whether it has any score
     */
    public boolean contains(String population) {
        return scores.containsKey(population);
    }

    /**
     * @param population a population
     * @return item (upper case) → score, in file order; empty for an unknown population
     */
    public Map<String, Double> scores(String population) {
        return scores.getOrDefault(population, Map.of());
    }

    private static final class Builder {
        final Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        final Map<String, String> where = new HashMap<>();

        void add(String population, String item, double score, String source) {
            if (!(score >= 0 && score <= 1)) {
                throw new PluralstatsException(source + ": the score of population " + population + ", item " + item
                        + " must lie in [0, 1], got " + score);
            }
            String it = Generation.normaliseItem(item);
            String key = population + '\u0000' + it;
            String prev = where.put(key, source);
            if (prev != null) {
                throw new PluralstatsException("population " + population + " has two scores for item " + it + " ("
                        + prev + " and " + source + "); item ids are compared ignoring case");
            }
            scores.computeIfAbsent(population, k -> new LinkedHashMap<>()).put(it, score);
        }

        PopulationScores build() {
            return new PopulationScores(scores);
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        scores.forEach((p, m) -> parts.add(p + " (" + m.size() + " items)"));
        return "PopulationScores" + parts;
    }
}
