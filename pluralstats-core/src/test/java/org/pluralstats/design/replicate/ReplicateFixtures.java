package org.pluralstats.design.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The R reference fixtures of tools/replicate_reference.R: data, replicate weights and estimates. */
final class ReplicateFixtures {
    private ReplicateFixtures() {
    }

    static JsonNode reference() {
        try (InputStream in = ReplicateFixtures.class.getResourceAsStream("replicate-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A comma-separated file without quoting (as the script writes it), by column. */
    static Map<String, String[]> csv(String name) {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        try (InputStream in = ReplicateFixtures.class.getResourceAsStream(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            header = r.readLine().split(",", -1);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            String[] col = new String[rows.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = rows.get(i)[c];
            }
            columns.put(header[c], col);
        }
        return columns;
    }

    static double[] numbers(String[] column) {
        double[] a = new double[column.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.parseDouble(column[i]);
        }
        return a;
    }

    /** Replicate weights as R wrote them (one column per replicate), by replicate. */
    static double[][] replicates(String name) {
        Map<String, String[]> m = csv(name);
        double[][] reps = new double[m.size()][];
        int r = 0;
        for (String[] column : m.values()) {
            reps[r++] = numbers(column);
        }
        return reps;
    }

    static double[] doubles(JsonNode array) {
        double[] a = new double[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = array.get(i).asDouble();
        }
        return a;
    }
}
