package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Batch reading gives exactly what case-by-case reading gives, for every fixture of every format. */
class CaseBatchTest {
    static Stream<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("pluralstats-core/src/test/resources/org/pluralstats/io/stata", "pluralstats-core/src/test/resources/org/pluralstats/io/spss",
                "data-samples/wvs-sample")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().matches(".*\\.(dta|sav|zsav|csv)$")).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void batchesEqualCases(Path file) {
        List<String> byCase = new ArrayList<>();
        try (CaseReader r = SurveyFiles.open(file)) {
            int k = r.dictionary().variables().size();
            while (r.next()) {
                for (int v = 0; v < k; v++) {
                    byCase.add(cell(r, v));
                }
            }
        }
        List<String> byBatch = new ArrayList<>();
        try (CaseReader r = SurveyFiles.open(file)) {
            int k = r.dictionary().variables().size();
            CaseBatch b = CaseBatch.of(r.dictionary(), IntStream.range(0, k).toArray(), 7);
            int n;
            while ((n = r.nextBatch(b)) > 0) {
                for (int row = 0; row < n; row++) {
                    for (int j = 0; j < k; j++) {
                        byBatch.add(b.isNumeric(j)
                                ? Double.doubleToLongBits(b.numbers(j)[row]) + "/" + b.tags(j)[row]
                                : "s:" + b.strings(j)[row]);
                    }
                }
            }
        }
        assertThat(byBatch).isEqualTo(byCase);
    }

    private static String cell(CaseReader r, int v) {
        if (r.dictionary().variables().get(v).isNumeric()) {
            double x = r.number(v);
            return Double.doubleToLongBits(x) + "/" + (Double.isNaN(x) ? (byte) r.missingTag(v) : 0);
        }
        return "s:" + r.string(v);
    }
}
