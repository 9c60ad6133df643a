package org.pluralstats.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.ModelAnswers;
import org.pluralstats.align.OptionCount;
import org.pluralstats.io.FileErrors;
import org.pluralstats.io.InputFiles;
import org.pluralstats.io.Utf8Lines;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.stats.CompensatedSum;

/**
 * Reads a language model's answers to multiple-choice questions from JSON Lines, one object per line,
 * into {@link ModelAnswers} per model × condition × persona × population × question.
 *
 * <h2>Sampled answers: one generation per line</h2>
 * <pre>
 * {"model":"gpt-4o","condition":"default","question":"Q12","answer":"Yes"}
 * {"model":"gpt-4o","condition":"persona","persona":"Germany","question":"Q12","answer":null}
 * </pre>
 * {@code answer} is the chosen option's label; {@code null} or the unclassifiable label ({@value
 * #UNCLASSIFIABLE} by default) is an output that matched no option; the refusal label ({@value
 * #REFUSED} by default) is a refusal. Generations with the same model, condition, persona, population
 * and question are counted together. An optional integer {@code generation} identifies the sample
 * and is otherwise ignored.
 *
 * <h2>Probabilities: one question per line (OpinionQA)</h2>
 * <pre>
 * {"model":"text-davinci-003","question":"GUNRESPKIDSC_W26","probabilities":{"A":0.61,"B":0.30,"Refused":0.09}}
 * {"model":"text-davinci-003","question":"GUNRESPKIDSC_W26","logprobs":{"A":-0.49,"B":-1.2,"Refused":-2.4}}
 * </pre>
 * Both are normalised to sum to 1 over the entries given ({@code logprobs} through {@code exp(lp_i −
 * max lp)}, a softmax, as OpinionQA turns a model's top log-probabilities into a distribution);
 * options absent from the map have probability 0. The refusal and unclassifiable labels' share stays
 * apart; the comparison normalises over the valid options. A question given twice for the same setting is an error.
 *
 * <p>Members: {@code model} and {@code question} required; {@code condition}, {@code persona},
 * {@code population} optional (absent: none; a line without population or persona is compared with
 * every population); exactly one of {@code answer}, {@code probabilities}, {@code logprobs}. Any other
 * member, a wrong type, a negative or non-finite probability, mixing sampled answers and probabilities
 * for one setting, or a question given twice is an error naming the file and line. Blank lines are
 * skipped and counted.
 */
public final class ModelAnswerFiles {
    /** The default label of outputs that matched no option. */
    public static final String UNCLASSIFIABLE = "unclassifiable";
    /** The default label of the refusal option (OpinionQA's). */
    public static final String REFUSED = "Refused";

    private ModelAnswerFiles() {
    }

    /**
     * What a model answer file held, and how every line was used.
     *
     * @param answers one per model × condition × persona × population × question, in order of first line
     * @param lines lines read
     * @param blank blank lines skipped
     * @param generations lines holding one sampled answer
     * @param probabilityLines lines holding probabilities or log-probabilities
     */
    public record Contents(List<ModelAnswers> answers, long lines, long blank, long generations, long probabilityLines) {
        /** Copies the list. */
        public Contents {
            answers = List.copyOf(answers);
        }

        /** @return one line accounting for every input line */
        public String accounting() {
            return lines + " lines: " + generations + " sampled answers, " + probabilityLines
                    + " probability lines, " + blank + " blank; " + answers.size() + " model distributions";
        }
    }

    /** One line as bound by Jackson (unknown members are errors). */
    record Line(String model, String condition, String persona, String population, String question, JsonNode answer,
                Map<String, Double> probabilities, Map<String, Double> logprobs, Integer generation) {
    }

    /**
     * @param file a JSON Lines file
     * @return its answers with the default labels
     */
    public static Contents read(Path file) {
        return read(file, UNCLASSIFIABLE, REFUSED);
    }

    /**
     * @param file a JSON Lines file
     * @param unclassifiableLabel the answer label of outputs matching no option (any case)
     * @param refusedLabel the label of the refusal option (any case)
     * @return its answers
     */
    public static Contents read(Path file, String unclassifiableLabel, String refusedLabel) {
        String name = file.toString();
        InputFiles.requireRegular(file);
        try (InputStream raw = Files.newInputStream(file); BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            return read(name, in, DistributionSimilarity.label(unclassifiableLabel), DistributionSimilarity.label(refusedLabel));
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(name).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        } catch (UncheckedIOException e) {
            throw SurveyFormatException.in(name).problem("cannot read: " + FileErrors.reason(e.getCause())).cause(e).build();
        }
    }

    /** The answers of one setting × question, accumulated. */
    private static final class Acc {
        final Line first;
        final long line;
        final boolean sampled;
        final Map<String, double[]> counts = new LinkedHashMap<>();
        final Map<String, String> labels = new LinkedHashMap<>();
        double unclassifiable;
        double refused;

        Acc(Line first, long line, boolean sampled) {
            this.first = first;
            this.line = line;
            this.sampled = sampled;
        }

        void add(String label, double count) {
            String key = DistributionSimilarity.label(label);
            labels.putIfAbsent(key, label);
            counts.computeIfAbsent(key, k -> new double[1])[0] += count;
        }

        ModelAnswers build() {
            List<OptionCount> options = new ArrayList<>();
            counts.forEach((k, c) -> options.add(new OptionCount(labels.get(k), Double.NaN, c[0])));
            return new ModelAnswers(first.model(), first.condition(), first.persona(), first.population(),
                    first.question(), options, unclassifiable, refused, sampled);
        }
    }

    private static Contents read(String name, InputStream in, String unclassifiable, String refused) {
        Utf8Lines lines = new Utf8Lines(name, in, Utf8Lines.DEFAULT_MAX_LINE_BYTES);
        Map<String, Acc> byKey = new LinkedHashMap<>();
        long blank = 0;
        long generations = 0;
        long probabilityLines = 0;
        String text;
        while ((text = lines.next()) != null) {
            long line = lines.lineNumber();
            if (text.isBlank()) {
                blank++;
                continue;
            }
            Line l = JsonInput.bind(name, line, text, Line.class);
            if (l == null) {
                throw SurveyFormatException.in(name).line(line).found("null").expected("a JSON object").build();
            }
            require(name, line, "model", l.model());
            require(name, line, "question", l.question());
            int given = (l.answer() != null ? 1 : 0) + (l.probabilities() != null ? 1 : 0) + (l.logprobs() != null ? 1 : 0);
            boolean sampled = l.probabilities() == null && l.logprobs() == null;
            if (given > 1) {
                throw SurveyFormatException.in(name).line(line)
                        .problem("give one of \"answer\", \"probabilities\" and \"logprobs\", not " + given).build();
            }
            if (given == 0) {
                throw SurveyFormatException.in(name).line(line)
                        .problem("no \"answer\" (null for an unclassifiable output), \"probabilities\" or \"logprobs\"").build();
            }
            if (l.answer() != null && !l.answer().isNull() && !l.answer().isTextual()) {
                throw SurveyFormatException.in(name).line(line).column("answer").found(l.answer().toString())
                        .expected("an option's label (a string) or null").build();
            }
            String key = String.join("\u0000", l.model(), nz(l.condition()), nz(l.persona()), nz(l.population()),
                    DistributionSimilarity.label(l.question()));
            Acc acc = byKey.get(key);
            if (acc == null) {
                acc = new Acc(l, line, sampled);
                byKey.put(key, acc);
            } else if (!sampled || !acc.sampled) {
                throw SurveyFormatException.in(name).line(line).problem("question " + l.question() + " of model "
                        + l.model() + (nz(l.condition()).isEmpty() ? "" : ", condition " + l.condition())
                        + " was already given on line " + acc.line
                        + (sampled == acc.sampled ? "" : " (sampled answers and probabilities cannot be mixed)")).build();
            }
            if (sampled) {
                generations++;
                String a = l.answer().isNull() ? null : l.answer().textValue();
                if (a == null || DistributionSimilarity.label(a).equals(unclassifiable)) {
                    acc.unclassifiable++;
                } else if (DistributionSimilarity.label(a).equals(refused)) {
                    acc.refused++;
                } else {
                    acc.add(a, 1);
                }
            } else {
                probabilityLines++;
                Map<String, Double> p = l.probabilities() != null ? l.probabilities() : l.logprobs();
                boolean log = l.probabilities() == null;
                double max = Double.NEGATIVE_INFINITY;
                for (Map.Entry<String, Double> e : p.entrySet()) {
                    Double v = e.getValue();
                    if (v == null || !Double.isFinite(v) || (!log && v < 0)) {
                        throw SurveyFormatException.in(name).line(line).column((log ? "logprobs." : "probabilities.") + e.getKey())
                                .found(String.valueOf(v)).expected(log ? "a finite log-probability" : "a finite probability >= 0").build();
                    }
                    max = Math.max(max, v);
                }
                if (p.isEmpty()) {
                    throw SurveyFormatException.in(name).line(line).problem("no options in \""
                            + (log ? "logprobs" : "probabilities") + "\"").build();
                }
                double[] mass = new double[p.size()];
                int i = 0;
                for (Double v : p.values()) {
                    mass[i++] = log ? Math.exp(v - max) : v;
                }
                double total = CompensatedSum.sum(mass);
                if (!(total > 0)) {
                    throw SurveyFormatException.in(name).line(line).column("probabilities")
                            .problem("the probabilities sum to zero").build();
                }
                i = 0;
                for (String option : p.keySet()) {
                    double v = mass[i++] / total;
                    String label = DistributionSimilarity.label(option);
                    if (label.equals(unclassifiable)) {
                        acc.unclassifiable += v;
                    } else if (label.equals(refused)) {
                        acc.refused += v;
                    } else if (acc.counts.containsKey(label)) {
                        throw SurveyFormatException.in(name).line(line).problem("option \"" + option
                                + "\" given twice (options are compared ignoring case and surrounding space)").build();
                    } else {
                        acc.add(option, v);
                    }
                }
            }
        }
        List<ModelAnswers> answers = new ArrayList<>(byKey.size());
        for (Acc a : byKey.values()) {
            answers.add(a.build());
        }
        return new Contents(answers, lines.lineNumber(), blank, generations, probabilityLines);
    }

    private static void require(String name, long line, String member, String value) {
        if (value == null || value.isBlank()) {
            throw SurveyFormatException.in(name).line(line).column(member).problem("\"" + member + "\" is required").build();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
