package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.io.csv.CsvReader;

/**
 * {@code inspect} and {@code convert} on files written by other programs agree with R haven: rows,
 * variable names, and per numeric column the sum and count of non-missing values, with user-missing
 * values dropped (default) or kept ({@code --keep-missing-codes}). Reference values:
 * tools/spss/spss_reference.R and tools/stata_reference.R.
 */
class ConvertAgainstHavenTest {
    @TempDir
    Path dir;

    static Stream<Arguments> files() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String format : List.of("spss", "stata")) {
            String base = "/org/pluralstats/io/" + format + "/";
            String ref = format.equals("spss") ? "reference.json" : "reference_haven.json";
            try (InputStream in = ConvertAgainstHavenTest.class.getResourceAsStream(base + ref)) {
                JsonNode root = new ObjectMapper().readTree(in);
                for (JsonNode f : root.get("files")) {
                    out.add(Arguments.of(format + "/" + f.get("file").asText(), f));
                }
            }
        }
        return out.stream();
    }

    private static Path resource(String name) {
        return Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void inspectAgreesWithHaven(String file, JsonNode ref) throws IOException {
        CliRunner.Result r = CliRunner.run("inspect", resource(file).toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("metadata").get("cases").asLong()).isEqualTo(ref.get("rows").asLong());
        List<String> names = new ArrayList<>();
        j.get("rows").forEach(v -> names.add(v.get("name").asText()));
        List<String> expected = new ArrayList<>();
        ref.get("variables").forEach(v -> expected.add(v.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void convertAgreesWithHaven(String file, JsonNode ref) {
        check(file, ref, false);
        check(file, ref, true);
    }

    private void check(String file, JsonNode ref, boolean keep) {
        Path out = dir.resolve((keep ? "keep-" : "") + Path.of(file).getFileName() + ".csv");
        List<String> args = new ArrayList<>(List.of("convert", resource(file).toString(), "--to", "csv", "--out",
                out.toString()));
        if (keep) {
            args.add("--keep-missing-codes");
        }
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode vars = ref.get("variables");
        try (CsvReader csv = CsvReader.open(out)) {
            assertThat(csv.dictionary().rows()).isEqualTo(ref.get("rows").asLong());
            int nv = vars.size();
            double[] sum = new double[nv];
            long[] n = new long[nv];
            while (csv.next()) {
                for (int i = 0; i < nv; i++) {
                    if (!vars.get(i).get("type").asText().equals("numeric")) {
                        continue;
                    }
                    if (csv.missingTag(i) == 0) {
                        String s = csv.string(i);
                        if (s.startsWith(".")) {
                            continue; // Stata .a-.z kept as codes: not numbers
                        }
                        sum[i] += csv.number(i);
                        n[i]++;
                    }
                }
            }
            for (int i = 0; i < nv; i++) {
                JsonNode v = vars.get(i);
                if (!v.get("type").asText().equals("numeric")) {
                    continue;
                }
                String sumField = keep && v.has("sum_all") ? "sum_all" : "sum";
                String nField = keep && v.has("n_all") ? "n_all" : "n";
                assertThat(n[i]).as(file + " " + v.get("name").asText() + " " + nField).isEqualTo(v.get(nField).asLong());
                double expected = v.get(sumField).asDouble();
                assertThat(sum[i]).as(file + " " + v.get("name").asText() + " " + sumField)
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(expected))));
            }
        }
    }
}
