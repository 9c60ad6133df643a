package org.pluralstats.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The result of {@link DistributionalAlignment#compare}: one summary per model × condition × persona ×
 * population × metric with its baselines and intervals ({@link #table()}), the per-question scores
 * ({@link #questionsTable()}), OpinionQA's steerability ({@link #steerabilityTable()}) and the pairs
 * left out, by reason. Undefined numbers are {@code NaN} ({@code null} in JSON, blank in CSV).
 *
 * @param summaries in order of first appearance of the model answers, metrics in the order asked
 * @param questions one per compared question and metric
 * @param excluded reason → number of model question × population pairs
 * @param metrics the metrics, in order
 * @param logBase the logarithm base of Jensen–Shannon and Kullback–Leibler
 * @param bootstrap the bootstrap of the intervals
 */
public record DistributionalAlignmentReport(List<Summary> summaries, List<Question> questions, Map<String, Integer> excluded,
                                            List<SimilarityMetric> metrics, double logBase, BootstrapSettings bootstrap)
        implements TabularResult {

    /** Copies the lists and the map. */
    public DistributionalAlignmentReport {
        summaries = List.copyOf(summaries);
        questions = List.copyOf(questions);
        metrics = List.copyOf(metrics);
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
    }

    /**
     * One model × condition × persona × population × metric.
     *
     * @param model the model
     * @param condition the condition ({@code ""} for none)
     * @param persona the steering persona ({@code ""} for none)
     * @param population the population compared with
     * @param metric the metric
     * @param questions questions compared
     * @param score mean score over them (a similarity, or the Kullback–Leibler divergence)
     * @param ciLow percentile bootstrap interval over questions, lower end
     * @param ciHigh its upper end
     * @param generationsCiLow percentile bootstrap interval over generations (sampled answers only), lower end
     * @param generationsCiHigh its upper end
     * @param uniform the uniform model's mean score over the same questions
     * @param majority the global majority's
     * @param otherPopulations the mean score of the other populations' distributions
     * @param splitHalf the mean score of one random half of the population against the other (microdata only)
     * @param infinite questions with an infinite divergence (Kullback–Leibler)
     * @param classified the model's answers that chose an option (generations, or probability mass)
     * @param unclassifiableShare unclassifiable answers over all answers of these questions
     * @param refusedShare refusals over all answers
     * @param excludedQuestions questions of this group left out
     * @param sampled whether the answers are sampled generations
     */
    public record Summary(String model, String condition, String persona, String population, SimilarityMetric metric,
                          int questions, double score, double ciLow, double ciHigh, double generationsCiLow,
                          double generationsCiHigh, double uniform, double majority, double otherPopulations,
                          double splitHalf, int infinite,
                          double classified, double unclassifiableShare, double refusedShare, int excludedQuestions,
                          boolean sampled) {
    }

    /**
     * One question of one group and metric.
     *
     * @param model the model
     * @param condition the condition
     * @param persona the persona
     * @param population the population
     * @param question the question
     * @param metric the metric
     * @param options the number of options
     * @param score the score
     * @param distance the distance ({@code W₁}, JS, TV or KL)
     * @param uniform the uniform model's score
     * @param majority the global majority's score
     * @param otherPopulations the other populations' mean score
     * @param splitHalf the split-half score of the population (microdata only)
     * @param classified the model's classified answers
     * @param unclassifiable its unclassifiable answers
     * @param refused its refusals
     */
    public record Question(String model, String condition, String persona, String population, String question,
                           SimilarityMetric metric, int options, double score, double distance, double uniform,
                           double majority, double otherPopulations, double splitHalf, double classified,
                           double unclassifiable,
                           double refused) {
    }

    /**
     * One row per model × condition × persona × population × metric (the key), with {@code questions, score,
     * ciLow, ciHigh} (questions resampled), {@code generationsCiLow, generationsCiHigh} (generations redrawn),
     * the baselines {@code uniform, majority, otherPopulations, splitHalf}, {@code infinite, classified,
     * unclassifiableShare, refusedShare, excludedQuestions}: what {@code pluralstats similarity} prints for a
     * model answer file (JSON Lines) and the report's distributional-alignment table.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = describe("Distributional alignment of models with populations");
        keys(t).column("metric", ColumnType.TEXT, Role.KEY).column("questions", ColumnType.INTEGER, Role.COUNT)
                .number("score", Role.ESTIMATE, 3).number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3)
                .number("generationsCiLow", Role.CI_LOWER, 3).number("generationsCiHigh", Role.CI_UPPER, 3)
                .number("uniform", Role.ESTIMATE, 3).number("majority", Role.ESTIMATE, 3)
                .number("otherPopulations", Role.ESTIMATE, 3).number("splitHalf", Role.ESTIMATE, 3)
                .column("infinite", ColumnType.INTEGER, Role.COUNT)
                .number("classified", Role.COUNT, 0).number("unclassifiableShare", Role.ESTIMATE, 3)
                .number("refusedShare", Role.ESTIMATE, 3).column("excludedQuestions", ColumnType.INTEGER, Role.COUNT);
        for (Summary s : summaries) {
            t.row(s.model(), s.condition(), s.persona(), s.population(), s.metric().jsonName(), s.questions(), s.score(),
                    s.ciLow(), s.ciHigh(), s.generationsCiLow(), s.generationsCiHigh(), s.uniform(), s.majority(),
                    s.otherPopulations(), s.splitHalf(), s.infinite(), s.classified(), s.unclassifiableShare(), s.refusedShare(),
                    s.excludedQuestions());
        }
        return t.build();
    }

    /**
     * @return one row per model × condition × persona × population × question × metric: {@code options, score,
     *     distance, uniform, majority, otherPopulations, splitHalf, classified, unclassifiable, refused} ({@code
     *     pluralstats similarity --per-question})
     */
    public ResultTable questionsTable() {
        ResultTable.Builder t = describe("Distributional alignment per question");
        keys(t).column("question", ColumnType.TEXT, Role.KEY).column("metric", ColumnType.TEXT, Role.KEY)
                .column("options", ColumnType.INTEGER, Role.COUNT).number("score", Role.ESTIMATE, 3)
                .number("distance", Role.STATISTIC, 3).number("uniform", Role.ESTIMATE, 3)
                .number("majority", Role.ESTIMATE, 3).number("otherPopulations", Role.ESTIMATE, 3)
                .number("splitHalf", Role.ESTIMATE, 3).number("classified", Role.COUNT, 0).number("unclassifiable", Role.COUNT, 0)
                .number("refused", Role.COUNT, 0);
        for (Question q : questions) {
            t.row(q.model(), q.condition(), q.persona(), q.population(), q.question(), q.metric().jsonName(), q.options(),
                    q.score(), q.distance(), q.uniform(), q.majority(), q.otherPopulations(), q.splitHalf(), q.classified(),
                    q.unclassifiable(), q.refused());
        }
        return t.build();
    }

    /**
     * OpinionQA's steerability (Santurkar et al. 2023, §4.2): how close a model comes to a group when it is
     * prompted with that group's persona. Per model × condition × metric, over the summaries with a persona
     * compared with the persona's own population: {@code personas}, {@code steered} (the mean score over
     * personas), the {@code best} and {@code worst} persona and their scores, {@code unsteered} (the mean score
     * of the same model and condition without a persona towards the same populations, where given) and
     * {@code gain = steered − unsteered} over the personas that have both.
     *
     * @return the table (no rows without personas)
     */
    public ResultTable steerabilityTable() {
        ResultTable.Builder t = describe("Steerability: scores of models prompted with a group's persona towards that group")
                .column("model", ColumnType.TEXT, Role.KEY).column("condition", ColumnType.TEXT, Role.KEY)
                .column("metric", ColumnType.TEXT, Role.KEY).column("personas", ColumnType.INTEGER, Role.COUNT)
                .number("steered", Role.ESTIMATE, 3).column("best", ColumnType.TEXT, Role.LABEL)
                .number("bestScore", Role.ESTIMATE, 3).column("worst", ColumnType.TEXT, Role.LABEL)
                .number("worstScore", Role.ESTIMATE, 3).number("unsteered", Role.ESTIMATE, 3)
                .number("gain", Role.ESTIMATE, 3);
        Map<String, List<Summary>> steered = new LinkedHashMap<>();
        Map<String, Summary> plain = new LinkedHashMap<>();
        for (Summary s : summaries) {
            String k = s.model() + '\u001f' + s.condition() + '\u001f' + s.metric();
            if (!s.persona().isEmpty() && s.persona().equals(s.population())) {
                steered.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
            } else if (s.persona().isEmpty()) {
                plain.put(k + '\u001f' + s.population(), s);
            }
        }
        steered.forEach((k, list) -> {
            Summary best = null;
            Summary worst = null;
            CompensatedSum sum = CompensatedSum.create();
            CompensatedSum gain = CompensatedSum.create();
            CompensatedSum base = CompensatedSum.create();
            int paired = 0;
            boolean higherIsCloser = list.get(0).metric().isSimilarity();
            for (Summary s : list) {
                sum.accept(s.score());
                if (best == null || (higherIsCloser ? s.score() > best.score() : s.score() < best.score())) {
                    best = s;
                }
                if (worst == null || (higherIsCloser ? s.score() < worst.score() : s.score() > worst.score())) {
                    worst = s;
                }
                Summary u = plain.get(k + '\u001f' + s.population());
                if (u != null) {
                    paired++;
                    base.accept(u.score());
                    gain.accept(s.score() - u.score());
                }
            }
            Summary s0 = list.get(0);
            t.row(s0.model(), s0.condition(), s0.metric().jsonName(), list.size(), sum.getAsDouble() / list.size(),
                    best.persona(), best.score(), worst.persona(), worst.score(),
                    paired == 0 ? Double.NaN : base.getAsDouble() / paired, paired == 0 ? Double.NaN : gain.getAsDouble() / paired);
        });
        return t.build();
    }

    private static ResultTable.Builder keys(ResultTable.Builder t) {
        return t.column("model", ColumnType.TEXT, Role.KEY).column("condition", ColumnType.TEXT, Role.KEY)
                .column("persona", ColumnType.TEXT, Role.KEY).column("population", ColumnType.TEXT, Role.KEY);
    }

    private ResultTable.Builder describe(String title) {
        StringBuilder m = new StringBuilder();
        for (SimilarityMetric x : metrics) {
            m.append(m.length() == 0 ? "" : "; ").append(x.jsonName()).append(": ").append(switch (x) {
                case WASSERSTEIN -> "representativeness 1 - W1(h, m) / (max - min ordinal) (OpinionQA)";
                case JENSEN_SHANNON -> "1 - Jensen-Shannon distance";
                case TOTAL_VARIATION -> "1 - total variation distance";
                case KULLBACK_LEIBLER -> "Kullback-Leibler divergence KL(h || m), lower is closer";
            });
        }
        ResultTable.Builder t = ResultTable.builder(title).meta(ResultTable.METHOD, m + "; means over questions")
                .meta("logarithm base", logBase == 2 ? "2" : "e")
                .meta("baselines", "uniform: equal shares; majority: all mass on the option with the largest mean share"
                        + " over populations; otherPopulations: the other populations' distributions, mean score;"
                        + " splitHalf: one random half of the population's respondents against the other, mean over splits")
                .meta("intervals", "ciLow/ciHigh: questions resampled; generationsCiLow/High: each question's generations"
                        + " redrawn (sampled answers only)");
        bootstrap.describe(t);
        if (!excluded.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            excluded.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            t.meta("left out (model question × population)", sb.toString());
        }
        return t;
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
