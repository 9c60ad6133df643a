package org.pluralstats.io.sidefile;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.PopulationScores;
import org.pluralstats.align.PopulationScores.ScoreRow;
import org.pluralstats.io.TextFiles;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/** Reads and merges population score files into {@link PopulationScores} (the class comment there lists the formats). */
public final class PopulationScoreFiles {
    private PopulationScoreFiles() {
    }

    /**
     * Reads and merges population files.
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
        List<ScoreRow> rows = new ArrayList<>();
        for (Path f : files) {
            readInto(rows, f);
        }
        return PopulationScores.of(rows);
    }

    private static void readInto(List<ScoreRow> b, Path file) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        String t = text;
        if (t.strip().startsWith("[") || t.strip().startsWith("{")) {
            addTable(b, ScoreTableFiles.read(file), name);
            return;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader r = new java.io.StringReader(t); CSVParser p = CSVParser.parse(r, format)) {
            List<String> names = p.getHeaderNames();
            Map<String, Integer> col = OptionDistributionFiles.header(names);
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
                String pop = population < 0 ? PopulationScores.GLOBAL : rec.get(population).strip();
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
                b.add(new ScoreRow(pop, it, v, name + ", line " + line));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
    }

    private static void addTable(List<ScoreRow> b, ScoreTable table, String name) {
        for (ValuePolarityScore s : table.rows()) {
            if (!Double.isNaN(s.vps())) {
                if (!(s.vps() >= 0 && s.vps() <= 1)) {
                    throw SurveyFormatException.in(name).problem("score of " + s.population() + ", " + s.item())
                            .found(Double.toString(s.vps())).expected("a number in [0, 1]").build();
                }
                b.add(new ScoreRow(s.population(), s.item(), s.vps(), name));
            }
        }
    }
}
