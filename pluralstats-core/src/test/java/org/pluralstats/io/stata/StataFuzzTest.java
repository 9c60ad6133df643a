package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.MutationFuzzer;
import org.pluralstats.io.MutationFuzzer.CountField;
import org.pluralstats.io.MutationFuzzer.Outcome;
import org.pluralstats.io.MutationFuzzer.Region;
import org.pluralstats.io.MutationFuzzer.Seed;

/**
 * The Stata half of issue 10's mutation fuzzer: {@link MutationFuzzer} over real fixtures of releases
 * 110, 113, 114, 115, 117, 118 and 119 (both byte orders, with and without value labels and strLs).
 * Each mutant must be refused with a located one-line {@link SurveyFormatException}, read with the
 * original's rows, read with a warning, or — when only stored values were changed — read with the
 * original's shape. The seed is fixed, so every machine reads the same mutants; override for a longer
 * hunt with {@code -Dstata.fuzz.seed=7 -Dstata.fuzz.mutants=200000}. Failures are written to
 * {@code target/stata-fuzz-failures/} to be added to {@code regressions/}, which
 * {@link #regression(Path)} replays.
 */
class StataFuzzTest {
    private static final long SEED = Long.getLong("stata.fuzz.seed", 20_261_203L);
    private static final int MUTANTS = Integer.getInteger("stata.fuzz.mutants", 4_200);
    private static final List<String> SEEDS = List.of("haven_110.dta", "haven_113.dta", "pandas_114_be.dta",
            "statsmodels_macrodata.dta", "haven_115_tagged_labels.dta", "pandas_117_le.dta",
            "statsmodels_lutkepohl2.dta", "pandas_118_be.dta", "pandas_119_le_strl.dta", "haven_118.dta");
    private static final String READ = "read";
    private static final String REJECTED = "rejected";

    @Test
    void everyMutantIsRefusedWhereItIsOrReadAsTheOriginalOrWarnedAbout() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        for (String name : SEEDS) {
            seeds.add(seed(name, Files.readAllBytes(StataFixtures.file(name))));
        }
        MutationFuzzer fuzzer = new MutationFuzzer(
                (bytes, name) -> StataReader.open(new ByteArrayChannel(bytes), name), seeds, SEED);
        MutationFuzzer.Report report = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> fuzzer.run(MUTANTS));
        System.out.println("StataFuzzTest (seed " + SEED + "): " + report.summary());
        List<Path> kept = report.keep(Path.of("target", "stata-fuzz-failures"));
        assertThat(report.failures()).as("failing mutants (kept as %s)", kept).isEmpty();
        assertThat(report.mutants()).isGreaterThanOrEqualTo(MUTANTS);
        assertThat(report.outcomes().getOrDefault(Outcome.REJECTED, 0)).as("the fuzzer reaches the checks").isPositive();
        assertThat(report.outcomes().getOrDefault(Outcome.WARNED, 0)).as("and the warnings").isPositive();
        assertThat(report.byOperator()).hasSize(MutationFuzzer.Operator.values().length);
    }

    /**
     * What the tests know of a fixture's structure: its tagged sections (117+) or value-label tables
     * (110-115), every map entry, GSO record and value-label table, the first and last row, the
     * observation count, and the stored facts (data, strL contents, variable names, type codes).
     */
    static Seed seed(String name, byte[] b) {
        DtaLayout d = DtaParser.parse(new DtaInput(new ByteArrayChannel(b), name));
        List<Region> sections = new ArrayList<>();
        List<Region> payload = new ArrayList<>();
        List<CountField> counts = new ArrayList<>();
        long dataEnd = d.dataStart + d.n * d.rowWidth;
        Region data = new Region(d.dataStart, dataEnd);
        payload.add(data);
        if (d.n > 0) {
            sections.add(new Region(d.dataStart, d.dataStart + d.rowWidth));
            sections.add(new Region(dataEnd - d.rowWidth, dataEnd));
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(d.order);
        if (d.xml()) {
            String text = new String(b, StandardCharsets.ISO_8859_1);
            for (String tag : List.of("header", "map", "variable_types", "varnames", "sortlist", "formats",
                    "value_label_names", "variable_labels", "characteristics", "data", "strls", "value_labels")) {
                int start = text.indexOf("<" + tag + ">");
                int end = text.indexOf("</" + tag + ">", start) + tag.length() + 3;
                sections.add(new Region(start, end));
            }
            int map = text.indexOf("<map>") + 5;
            for (int i = 0; i < 14; i++) {
                sections.add(new Region(map + 8L * i, map + 8L * i + 8));
            }
            int names = text.indexOf("<varnames>") + "<varnames>".length();
            payload.add(new Region(names, text.indexOf("</varnames>")));
            // a type code changed to another of the same width (byte to str1) is another valid file
            int types = text.indexOf("<variable_types>") + "<variable_types>".length();
            payload.add(new Region(types, text.indexOf("</variable_types>")));
            counts.add(new CountField(text.indexOf("<N>") + 3, d.release == 117 ? 4 : 8, d.order));
            for (int at = text.indexOf("<ch>"); at >= 0 && at < d.dataStart; at = text.indexOf("<ch>", at + 1)) {
                sections.add(new Region(at, at + 4 + 4 + Integer.toUnsignedLong(buf.getInt(at + 4)) + 5));
            }
            long at = d.strlsStart;
            while (at < d.strlsEnd) {
                int header = 3 + 4 + d.gsoOLength() + 1 + 4;
                long length = Integer.toUnsignedLong(buf.getInt((int) at + header - 4));
                sections.add(new Region(at, at + header + length));
                payload.add(new Region(at + header, at + header + length));
                at += header + length;
            }
            int nameLength = d.release >= 118 ? 129 : 33;
            for (int lbl = text.indexOf("<lbl>", (int) d.strlsEnd); lbl >= 0; lbl = text.indexOf("<lbl>", lbl + 1)) {
                long length = buf.getInt(lbl + 5);
                sections.add(new Region(lbl, lbl + 5 + 4 + nameLength + 3 + length + 6));
            }
        } else {
            counts.add(new CountField(6, 4, d.order));
            long names = 109 + d.k;
            payload.add(new Region(109, names));             // typlist: see the 117+ case
            payload.add(new Region(names, names + 33L * d.k));
            long at = dataEnd;
            while (at < b.length) {
                long end = at + 4 + 33 + 3 + buf.getInt((int) at);
                sections.add(new Region(at, end));
                at = end;
            }
        }
        return new Seed(name, b, sections, counts, payload, data, d.rowWidth);
    }

    static Stream<Path> regressions() throws IOException {
        Path dir = StataFixtures.directory().resolve("regressions");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        return Files.list(dir).filter(p -> p.toString().endsWith(".dta")).sorted();
    }

    /** Inputs that once made the reader fail otherwise than with a located format error. */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("regressions")
    void regression(Path input) {
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(check(Files.readAllBytes(input), input.toString())).isIn(READ, REJECTED));
    }

    /** @return {@link #READ}, {@link #REJECTED} (with a located one-line format error), or what went wrong */
    static String check(byte[] input, String name) {
        try {
            ReadAll.read(input, name);
            return READ;
        } catch (SurveyFormatException e) {
            if (e.byteOffset().isEmpty() || !e.getMessage().contains(", in ") || e.getMessage().contains("\n")) {
                return "format error without byte offset or section: " + e.getMessage();
            }
            return REJECTED;
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }
}
