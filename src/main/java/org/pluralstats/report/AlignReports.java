package org.pluralstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pluralstats.io.Json;
import org.pluralstats.align.AlignmentResample;
import org.pluralstats.align.AlignmentResult;
import org.pluralstats.align.ModelConsistency;
import org.pluralstats.align.QuestionSimilarity;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.align.SimilaritySummary;
import org.pluralstats.align.UsBiasResult;

/**
 * Tables of the align package as JSON, CSV and Markdown (to move onto {@link ResultTableWriters} as the
 * weight results did): JSON and CSV at full precision (shortest round-trip decimals) with {@code null} /
 * an empty cell where a number is undefined, never {@code NaN}; Markdown rounded for reading.
 */
public final class AlignReports {
    private static final List<String> ALIGNMENT_FIELDS = List.of("model", "language", "population", "n", "rho", "p",
            "ciLow", "ciHigh", "level", "family", "items", "itemsWithoutScore", "generationsWithoutScore", "pearson",
            "pearsonP", "pearsonCiLow", "pearsonCiHigh", "meanAlignment", "meanAlignmentCiLow", "meanAlignmentCiHigh",
            "selfConsistency", "resamples", "undefinedResamples");
    private static final List<String> RESAMPLE_FIELDS = List.of("model", "language", "population", "resample", "rho",
            "pearson", "meanAlignment", "selfConsistency", "n", "level", "family");
    private static final List<String> CONSISTENCY_FIELDS = List.of("model", "language", "selfConsistency", "ciLow",
            "ciHigh", "observed", "reliability", "method", "family", "items", "generations", "pairs", "resamples",
            "undefinedResamples");
    private static final List<String> BIAS_FIELDS = List.of("model", "language", "local", "reference", "n", "rhoLocal",
            "rhoReference", "difference", "ciLow", "ciHigh", "level", "family", "resamples", "undefinedResamples");
    private static final List<String> SUMMARY_FIELDS = List.of("population", "metric", "questions", "similarity", "ciLow",
            "ciHigh", "unclassifiableShare", "classified", "unclassifiable", "excludedQuestions", "logBase", "resamples");
    private static final List<String> QUESTION_FIELDS = List.of("population", "question", "options", "similarity",
            "distance", "classified", "unclassifiable");

    private AlignReports() {
    }

    // ------------------------------------------------------------------ alignment

    /**
     * @param rows alignment results
     * @return an array of objects with the fields {@code model, language, population, n, rho, p, ciLow,
     *     ciHigh} first, then level, family, item counts, Pearson, mean alignment and their intervals,
     *     self-consistency and the bootstrap counts
     */
    public static ArrayNode alignmentJson(List<AlignmentResult> rows) {
        ArrayNode out = Json.array();
        for (AlignmentResult r : rows) {
            ObjectNode o = out.addObject();
            o.put("model", r.model());
            o.put("language", r.language());
            o.put("population", r.population());
            o.put("n", r.n());
            Json.put(o, "rho", r.rho());
            Json.put(o, "p", r.p());
            Json.put(o, "ciLow", r.ciLow());
            Json.put(o, "ciHigh", r.ciHigh());
            o.put("level", r.level().jsonName());
            o.put("family", r.family());
            o.put("items", r.items());
            o.put("itemsWithoutScore", r.itemsWithoutScore());
            o.put("generationsWithoutScore", r.generationsWithoutScore());
            Json.put(o, "pearson", r.pearson());
            Json.put(o, "pearsonP", r.pearsonP());
            Json.put(o, "pearsonCiLow", r.pearsonCiLow());
            Json.put(o, "pearsonCiHigh", r.pearsonCiHigh());
            Json.put(o, "meanAlignment", r.meanAlignment());
            Json.put(o, "meanAlignmentCiLow", r.meanAlignmentCiLow());
            Json.put(o, "meanAlignmentCiHigh", r.meanAlignmentCiHigh());
            Json.put(o, "selfConsistency", r.selfConsistency());
            o.put("resamples", r.resamples());
            o.put("undefinedResamples", r.undefinedResamples());
        }
        return out;
    }

    /**
     * @param rows alignment results
     * @return CSV with the JSON field names as header
     */
    public static String alignmentCsv(List<AlignmentResult> rows) {
        List<List<String>> out = new ArrayList<>();
        for (AlignmentResult r : rows) {
            out.add(List.of(r.model(), r.language(), r.population(), Integer.toString(r.n()), Tables.num(r.rho()),
                    Tables.num(r.p()), Tables.num(r.ciLow()), Tables.num(r.ciHigh()), r.level().jsonName(), r.family(),
                    Integer.toString(r.items()), Integer.toString(r.itemsWithoutScore()),
                    Integer.toString(r.generationsWithoutScore()), Tables.num(r.pearson()), Tables.num(r.pearsonP()),
                    Tables.num(r.pearsonCiLow()), Tables.num(r.pearsonCiHigh()), Tables.num(r.meanAlignment()),
                    Tables.num(r.meanAlignmentCiLow()), Tables.num(r.meanAlignmentCiHigh()),
                    Tables.num(r.selfConsistency()), Integer.toString(r.resamples()),
                    Integer.toString(r.undefinedResamples())));
        }
        return Tables.csv(ALIGNMENT_FIELDS, out);
    }

    /**
     * @param rows alignment results
     * @return a Markdown table: ρ with its interval and p, Pearson's r, mean alignment, self-consistency
     */
    public static String alignmentMarkdown(List<AlignmentResult> rows) {
        List<List<String>> out = new ArrayList<>();
        for (AlignmentResult r : rows) {
            out.add(List.of(r.model(), r.language(), r.population(), Integer.toString(r.n()), Tables.fixed(r.rho(), 3),
                    interval(r.ciLow(), r.ciHigh()), Tables.sig(r.p()), Tables.fixed(r.pearson(), 3),
                    Tables.fixed(r.meanAlignment(), 3), Tables.fixed(r.selfConsistency(), 3)));
        }
        return Tables.markdown(List.of("model", "language", "population", "n", "ρ", "95% CI", "p", "r", "1 − mean|Δ|",
                "self-consistency"), out, 3);
    }

    // ------------------------------------------------------------------ alignment, per resample

    /**
     * @param rows bootstrap resamples of alignments
     * @return an array of objects {@code model, language, population, resample, rho, pearson,
     *     meanAlignment, selfConsistency, n, level, family}
     */
    public static ArrayNode resamplesJson(List<AlignmentResample> rows) {
        ArrayNode out = Json.array();
        for (AlignmentResample r : rows) {
            ObjectNode o = out.addObject();
            o.put("model", r.model());
            o.put("language", r.language());
            o.put("population", r.population());
            o.put("resample", r.resample());
            Json.put(o, "rho", r.rho());
            Json.put(o, "pearson", r.pearson());
            Json.put(o, "meanAlignment", r.meanAlignment());
            Json.put(o, "selfConsistency", r.selfConsistency());
            o.put("n", r.n());
            o.put("level", r.level().jsonName());
            o.put("family", r.family());
        }
        return out;
    }

    /**
     * @param rows bootstrap resamples of alignments
     * @return CSV with the JSON field names as header
     */
    public static String resamplesCsv(List<AlignmentResample> rows) {
        List<List<String>> out = new ArrayList<>();
        for (AlignmentResample r : rows) {
            out.add(List.of(r.model(), r.language(), r.population(), Integer.toString(r.resample()), Tables.num(r.rho()),
                    Tables.num(r.pearson()), Tables.num(r.meanAlignment()), Tables.num(r.selfConsistency()),
                    Integer.toString(r.n()), r.level().jsonName(), r.family()));
        }
        return Tables.csv(RESAMPLE_FIELDS, out);
    }

    /**
     * @param rows bootstrap resamples of alignments
     * @return a Markdown table, rounded
     */
    public static String resamplesMarkdown(List<AlignmentResample> rows) {
        List<List<String>> out = new ArrayList<>();
        for (AlignmentResample r : rows) {
            out.add(List.of(r.model(), r.language(), r.population(), Integer.toString(r.resample()),
                    Tables.fixed(r.rho(), 3), Tables.fixed(r.pearson(), 3), Tables.fixed(r.meanAlignment(), 3),
                    Tables.fixed(r.selfConsistency(), 3), Integer.toString(r.n())));
        }
        return Tables.markdown(List.of("model", "language", "population", "resample", "ρ", "r", "1 − mean|Δ|",
                "self-consistency", "n"), out, 3);
    }

    // ------------------------------------------------------------------ self-consistency

    /**
     * @param rows self-consistency per model × language
     * @return an array of objects ({@code model, language, selfConsistency, ciLow, ciHigh, observed, …})
     */
    public static ArrayNode consistencyJson(List<ModelConsistency> rows) {
        ArrayNode out = Json.array();
        for (ModelConsistency c : rows) {
            ObjectNode o = out.addObject();
            o.put("model", c.model());
            o.put("language", c.language());
            Json.put(o, "selfConsistency", c.selfConsistency());
            Json.put(o, "ciLow", c.ciLow());
            Json.put(o, "ciHigh", c.ciHigh());
            Json.put(o, "observed", c.observed());
            Json.put(o, "reliability", c.reliability());
            o.put("method", c.method().jsonName());
            o.put("family", c.family());
            o.put("items", c.items());
            o.put("generations", c.generations());
            o.put("pairs", c.pairs());
            o.put("resamples", c.resamples());
            o.put("undefinedResamples", c.undefinedResamples());
        }
        return out;
    }

    /**
     * @param rows self-consistency per model × language
     * @return CSV with the JSON field names
     */
    public static String consistencyCsv(List<ModelConsistency> rows) {
        List<List<String>> out = new ArrayList<>();
        for (ModelConsistency c : rows) {
            out.add(List.of(c.model(), c.language(), Tables.num(c.selfConsistency()), Tables.num(c.ciLow()),
                    Tables.num(c.ciHigh()), Tables.num(c.observed()), Tables.num(c.reliability()), c.method().jsonName(),
                    c.family(), Integer.toString(c.items()), Integer.toString(c.generations()), Long.toString(c.pairs()),
                    Integer.toString(c.resamples()), Integer.toString(c.undefinedResamples())));
        }
        return Tables.csv(CONSISTENCY_FIELDS, out);
    }

    /**
     * @param rows self-consistency per model × language
     * @return a Markdown table
     */
    public static String consistencyMarkdown(List<ModelConsistency> rows) {
        List<List<String>> out = new ArrayList<>();
        for (ModelConsistency c : rows) {
            out.add(List.of(c.model(), c.language(), Tables.fixed(c.selfConsistency(), 3), interval(c.ciLow(), c.ciHigh()),
                    Tables.fixed(c.observed(), 3), Integer.toString(c.items()), Long.toString(c.pairs())));
        }
        return Tables.markdown(List.of("model", "language", "self-consistency", "95% CI", "observed ρ", "items", "pairs"),
                out, 2);
    }

    // ------------------------------------------------------------------ US-centric bias

    /**
     * @param rows bias rows
     * @return an array of objects ({@code model, language, local, reference, n, rhoLocal, rhoReference, difference, ciLow, ciHigh, …})
     */
    public static ArrayNode biasJson(List<UsBiasResult> rows) {
        ArrayNode out = Json.array();
        for (UsBiasResult b : rows) {
            ObjectNode o = out.addObject();
            o.put("model", b.model());
            o.put("language", b.language());
            o.put("local", b.local());
            o.put("reference", b.reference());
            o.put("n", b.n());
            Json.put(o, "rhoLocal", b.rhoLocal());
            Json.put(o, "rhoReference", b.rhoReference());
            Json.put(o, "difference", b.difference());
            Json.put(o, "ciLow", b.ciLow());
            Json.put(o, "ciHigh", b.ciHigh());
            o.put("level", b.level().jsonName());
            o.put("family", b.family());
            o.put("resamples", b.resamples());
            o.put("undefinedResamples", b.undefinedResamples());
        }
        return out;
    }

    /**
     * @param rows bias rows
     * @return CSV with the JSON field names
     */
    public static String biasCsv(List<UsBiasResult> rows) {
        List<List<String>> out = new ArrayList<>();
        for (UsBiasResult b : rows) {
            out.add(List.of(b.model(), b.language(), b.local(), b.reference(), Integer.toString(b.n()),
                    Tables.num(b.rhoLocal()), Tables.num(b.rhoReference()), Tables.num(b.difference()),
                    Tables.num(b.ciLow()), Tables.num(b.ciHigh()), b.level().jsonName(), b.family(),
                    Integer.toString(b.resamples()), Integer.toString(b.undefinedResamples())));
        }
        return Tables.csv(BIAS_FIELDS, out);
    }

    /**
     * @param rows bias rows
     * @return a Markdown table
     */
    public static String biasMarkdown(List<UsBiasResult> rows) {
        List<List<String>> out = new ArrayList<>();
        for (UsBiasResult b : rows) {
            out.add(List.of(b.model(), b.language(), b.local(), Integer.toString(b.n()), Tables.fixed(b.rhoLocal(), 3),
                    Tables.fixed(b.rhoReference(), 3), Tables.fixed(b.difference(), 3), interval(b.ciLow(), b.ciHigh())));
        }
        String ref = rows.isEmpty() ? "reference" : rows.get(0).reference();
        return Tables.markdown(List.of("model", "language", "local", "n", "ρ local", "ρ " + ref, "ρ " + ref + " − ρ local",
                "95% CI"), out, 3);
    }

    // ------------------------------------------------------------------ distribution similarity

    /**
     * @param report a similarity report
     * @return an array of per-population summaries ({@code population, metric, questions, similarity, ciLow, ciHigh, unclassifiableShare, …})
     */
    public static ArrayNode similarityJson(SimilarityReport report) {
        ArrayNode out = Json.array();
        for (SimilaritySummary s : report.summaries()) {
            ObjectNode o = out.addObject();
            o.put("population", s.population());
            o.put("metric", s.metric().jsonName());
            o.put("questions", s.questions());
            Json.put(o, "similarity", s.similarity());
            Json.put(o, "ciLow", s.ciLow());
            Json.put(o, "ciHigh", s.ciHigh());
            Json.put(o, "unclassifiableShare", s.unclassifiableShare());
            Json.put(o, "classified", s.classified());
            Json.put(o, "unclassifiable", s.unclassifiable());
            o.put("excludedQuestions", s.excludedQuestions());
            Json.put(o, "logBase", s.logBase());
            o.put("resamples", s.resamples());
        }
        return out;
    }

    /**
     * @param report a similarity report
     * @return CSV of the summaries with the JSON field names
     */
    public static String similarityCsv(SimilarityReport report) {
        List<List<String>> out = new ArrayList<>();
        for (SimilaritySummary s : report.summaries()) {
            out.add(List.of(s.population(), s.metric().jsonName(), Integer.toString(s.questions()), Tables.num(s.similarity()),
                    Tables.num(s.ciLow()), Tables.num(s.ciHigh()), Tables.num(s.unclassifiableShare()),
                    Tables.num(s.classified()), Tables.num(s.unclassifiable()), Integer.toString(s.excludedQuestions()),
                    Tables.num(s.logBase()), Integer.toString(s.resamples())));
        }
        return Tables.csv(SUMMARY_FIELDS, out);
    }

    /**
     * @param report a similarity report
     * @return a Markdown table in the shape of seed paper 002's Table 1: mean similarity [CI] and the
     *     percentage of unclassifiable outputs per population
     */
    public static String similarityMarkdown(SimilarityReport report) {
        List<List<String>> out = new ArrayList<>();
        String metric = "similarity";
        for (SimilaritySummary s : report.summaries()) {
            metric = s.metric().jsonName().equals("jsd") ? "1 − Jensen–Shannon" : "Wasserstein similarity";
            out.add(List.of(s.population(), Integer.toString(s.questions()),
                    Tables.fixed(s.similarity(), 2) + " " + interval2(s.ciLow(), s.ciHigh()),
                    Double.isNaN(s.unclassifiableShare()) ? "–" : Tables.fixed(100 * s.unclassifiableShare(), 2) + "%"));
        }
        return Tables.markdown(List.of("population", "questions", "average " + metric + " ↑", "unclassifiable ↓"), out, 1);
    }

    /**
     * @param report a similarity report
     * @return an array of per-question rows ({@code population, question, options, similarity, distance, classified, unclassifiable})
     */
    public static ArrayNode questionsJson(SimilarityReport report) {
        ArrayNode out = Json.array();
        for (QuestionSimilarity q : report.questions()) {
            ObjectNode o = out.addObject();
            o.put("population", q.population());
            o.put("question", q.question());
            o.put("options", q.options());
            Json.put(o, "similarity", q.similarity());
            Json.put(o, "distance", q.distance());
            Json.put(o, "classified", q.classified());
            Json.put(o, "unclassifiable", q.unclassifiable());
        }
        return out;
    }

    /**
     * @param report a similarity report
     * @return CSV of the per-question rows
     */
    public static String questionsCsv(SimilarityReport report) {
        List<List<String>> out = new ArrayList<>();
        for (QuestionSimilarity q : report.questions()) {
            out.add(List.of(q.population(), q.question(), Integer.toString(q.options()), Tables.num(q.similarity()),
                    Tables.num(q.distance()), Tables.num(q.classified()), Tables.num(q.unclassifiable())));
        }
        return Tables.csv(QUESTION_FIELDS, out);
    }

    /**
     * @param report a similarity report
     * @return a Markdown table of the per-question rows
     */
    public static String questionsMarkdown(SimilarityReport report) {
        List<List<String>> out = new ArrayList<>();
        for (QuestionSimilarity q : report.questions()) {
            out.add(List.of(q.population(), q.question(), Integer.toString(q.options()), Tables.fixed(q.similarity(), 3),
                    Tables.fixed(q.distance(), 3), Tables.sig(q.classified()), Tables.sig(q.unclassifiable())));
        }
        return Tables.markdown(List.of("population", "question", "options", "similarity", "distance", "classified",
                "unclassifiable"), out, 2);
    }

    private static String interval(double low, double high) {
        return Double.isNaN(low) || Double.isNaN(high) ? "–" : Tables.fixed(low, 3) + " – " + Tables.fixed(high, 3);
    }

    private static String interval2(double low, double high) {
        return Double.isNaN(low) || Double.isNaN(high) ? "" : "[" + Tables.fixed(low, 2) + ", " + Tables.fixed(high, 2) + "]";
    }
}
