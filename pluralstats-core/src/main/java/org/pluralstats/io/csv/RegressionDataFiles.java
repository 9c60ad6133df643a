package org.pluralstats.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pluralstats.io.Variable;
import org.pluralstats.regress.RegressionData;

/** Reads a delimited text file into {@link RegressionData}. */
public final class RegressionDataFiles {
    private static final Set<String> TEXT_MISSING = Set.of("", "NA", "NaN", "nan", "null", "NULL", "None", "N/A",
            "n/a", "<NA>", "#N/A");

    private RegressionDataFiles() {
    }

    /**
     * Reads the given columns of a delimited text file (comma, semicolon or tab; a header row of
     * names; see {@link CsvReader}). A column is numeric when every non-empty cell is a number
     * ({@code NA}, {@code NaN} and {@code .} count as missing), otherwise text; in text columns the
     * pandas missing markers ({@code NA}, {@code NaN}, {@code null}, {@code None}, {@code N/A}, empty)
     * are missing.
     *
     * @param path the file
     * @param wanted the columns to read (all when empty)
     * @return the data, remembering the file's line numbers for error messages
     * @throws org.pluralstats.regress.RegressionException when a wanted column is not in the file
     * @throws org.pluralstats.SurveyFormatException when the file cannot be read
     */
    public static RegressionData read(Path path, Collection<String> wanted) {
        try (CsvReader reader = CsvReader.open(path)) {
            List<Variable> vars = reader.dictionary().variables();
            Map<String, Variable> byName = new LinkedHashMap<>();
            for (Variable v : vars) {
                byName.put(v.name(), v);
            }
            List<Variable> chosen = new ArrayList<>();
            if (wanted.isEmpty()) {
                chosen.addAll(vars);
            } else {
                for (String w : wanted) {
                    Variable v = byName.get(w);
                    if (v == null) {
                        throw RegressionData.unknownColumn(w, byName.keySet(), path.toString());
                    }
                    if (!chosen.contains(v)) {
                        chosen.add(v);
                    }
                }
            }
            int[] idx = chosen.stream().mapToInt(Variable::index).toArray();
            reader.select(idx);
            int n = (int) reader.dictionary().rows();
            double[][] num = new double[idx.length][];
            String[][] txt = new String[idx.length][];
            for (int j = 0; j < idx.length; j++) {
                if (chosen.get(j).isNumeric()) {
                    num[j] = new double[n];
                } else {
                    txt[j] = new String[n];
                }
            }
            long[] lines = new long[n];
            int r = 0;
            while (reader.next()) {
                lines[r] = reader.line();
                for (int j = 0; j < idx.length; j++) {
                    if (num[j] != null) {
                        num[j][r] = reader.number(idx[j]);
                    } else {
                        String s = reader.string(idx[j]);
                        txt[j][r] = TEXT_MISSING.contains(s.strip()) ? null : s;
                    }
                }
                r++;
            }
            RegressionData.Builder b = RegressionData.builder().source(path.toString()).lines(lines);
            for (int j = 0; j < idx.length; j++) {
                if (num[j] != null) {
                    b.numeric(chosen.get(j).name(), num[j]);
                } else {
                    b.text(chosen.get(j).name(), txt[j]);
                }
            }
            return b.build();
        }
    }
}
