package org.pluralstats.align;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.TextFiles;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/**
 * Value polarity scores (Eq. 1) of populations per item, the human side of an alignment. Item ids are
 * matched ignoring case (stored upper case, as {@link Generation} stores them); population names are
 * kept as written. Immutable.
 *
 * <p>{@link #read(Path...)} takes, per file:
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
     * @param table scores from {@link org.pluralstats.weight.ValuePolarityScores} or {@link ScoreTable#read}
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
     * Reads and merges population files (see the class comment for the formats).
     *
     * @param files one or more files
     * @return all their scores
     */
    public static PopulationScores read(Path... files) {
        return read(List.of(files));
    }

    /**
     * @param files one or more files
     * @return all their scores
     */
    public static PopulationScores read(List<Path> files) {
        if (files.isEmpty()) {
            throw new PluralstatsException("no population file given");
        }
        Builder b = new Builder();
        for (Path f : files) {
            readInto(b, f);
        }
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

    private static void readInto(Builder b, Path file) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        String t = text;
        if (t.strip().startsWith("[") || t.strip().startsWith("{")) {
            addTable(b, ScoreTable.read(file), name);
            return;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader r = new java.io.StringReader(t); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, Integer> col = new HashMap<>();
            List<String> names = p.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                col.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            int item;
            int score;
            int population;
            if (col.containsKey("question_key") && col.containsKey("pro_score")) {
                item = col.get("question_key");
                score = col.get("pro_score");
                population = col.containsKey("cntry_an") ? col.get("cntry_an") : col.getOrDefault("lnge_iso", -1);
            } else if (col.containsKey("population") && col.containsKey("item") && col.containsKey("vps")) {
                item = col.get("item");
                score = col.get("vps");
                population = col.get("population");
            } else {
                throw SurveyFormatException.in(name).line(1).found(String.join(",", names))
                        .expected("population,item,vps (pluralstats vps) or question_key,pro_score[,cntry_an|lnge_iso]"
                                + " (the seed paper's ground truth)").build();
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != names.size()) {
                    throw SurveyFormatException.in(name).line(line).found(rec.size() + " fields")
                            .expected(names.size() + " as in the header").build();
                }
                String pop = population < 0 ? GLOBAL : rec.get(population).strip();
                String it = rec.get(item).strip();
                String s = rec.get(score).strip();
                if (pop.isEmpty() || it.isEmpty()) {
                    throw SurveyFormatException.in(name).line(line).problem("empty population or item").build();
                }
                if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw SurveyFormatException.in(name).line(line).column(names.get(score)).found(s)
                            .expected("a number in [0, 1]").build();
                }
                if (!(v >= 0 && v <= 1)) {
                    throw SurveyFormatException.in(name).line(line).column(names.get(score)).found(s)
                            .expected("a number in [0, 1]").build();
                }
                b.add(pop, it, v, name + ", line " + line);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
    }

    private static void addTable(Builder b, ScoreTable table, String name) {
        for (ValuePolarityScore s : table.rows()) {
            if (!Double.isNaN(s.vps())) {
                if (!(s.vps() >= 0 && s.vps() <= 1)) {
                    throw SurveyFormatException.in(name).problem("score of " + s.population() + ", " + s.item())
                            .found(Double.toString(s.vps())).expected("a number in [0, 1]").build();
                }
                b.add(s.population(), s.item(), s.vps(), name);
            }
        }
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
