package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MutationFuzzer;
import org.pluralstats.io.SurveyFiles;

/**
 * Releases 102-105 and 108 (the binary headers before Stata 7) agree with pandas 3.0.6 reading the same
 * files: pandas' own test samples and files written by {@code tools/make_stata_old_fixtures.py} in both
 * byte orders, with reference values from {@code tools/stata_old_reference.py} (see old/README.md).
 */
class StataOldReleasesTest {
    private static final JsonNode DOC = load();

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(StataFixtures.file("old/reference_pandas.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<StataFixtures.Reference> references() {
        List<StataFixtures.Reference> out = new ArrayList<>();
        for (JsonNode entry : DOC.get("files")) {
            out.add(new StataFixtures.Reference(DOC.get("program").asText(), entry));
        }
        return out;
    }

    @Test
    void everyOldFixtureHasAReference() throws IOException {
        Set<String> referenced = new HashSet<>();
        references().forEach(r -> referenced.add(r.file()));
        try (Stream<Path> files = Files.list(StataFixtures.file("old"))) {
            List<String> dta = files.map(p -> "old/" + p.getFileName()).filter(n -> n.endsWith(".dta")).toList();
            assertThat(dta).hasSizeGreaterThanOrEqualTo(19);
            assertThat(referenced).containsAll(dta);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void agreesWithPandas(StataFixtures.Reference reference) {
        new StataReaderReferenceTest().agreesWithReference(reference);
        Path file = StataFixtures.file(reference.file());
        assertThat(SurveyFiles.detect(file)).isEqualTo(FileFormat.DTA);
        try (StataReader r = StataReader.open(file)) {
            assertThat(r.release()).isEqualTo(reference.entry().get("release").asInt());
            if (reference.file().contains("_msf")) {
                assertThat(r.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
            } else if (reference.file().contains("_lsf")) {
                assertThat(r.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            }
        }
    }

    @Test
    void releasesUpTo105TreatTwoToThe333AsMissingAnd108DoesNot() {
        for (String name : List.of("gen_104_lsf.dta", "gen_105_msf.dta", "gen_108_lsf.dta")) {
            try (StataReader r = StataReader.open(StataFixtures.file("old/" + name))) {
                int score = r.dictionary().find("score").orElseThrow().index();
                for (int row = 0; row < 4; row++) {
                    assertThat(r.next()).isTrue();
                }
                if (r.release() <= 105) {
                    assertThat(r.number(score)).as(name).isNaN();
                    assertThat(r.missingTag(score)).isEqualTo('.');
                } else {
                    assertThat(r.number(score)).as(name).isEqualTo(0x1.0p333);
                }
            }
        }
    }

    @Test
    void oldValueLabelsAndFormatsAreRead() {
        try (StataReader r = StataReader.open(StataFixtures.file("old/gen_104_msf.dta"))) {
            int agree = r.dictionary().find("agree").orElseThrow().index();
            assertThat(r.dictionary().variables().get(agree).valueLabels())
                    .containsEntry(1.0, "disagree").containsEntry(-1.0, "refused").hasSize(4);
            assertThat(r.format(agree)).isEqualTo("%8.0g");
            assertThat(r.valueLabelName(r.dictionary().find("score").orElseThrow().index())).isEqualTo("nolab");
            assertThat(r.storageType(r.dictionary().find("small").orElseThrow().index()))
                    .isEqualTo(StataStorageType.BYTE);
        }
    }

    @Test
    void neverReleasedVersionsAreRefusedByNumber() throws IOException {
        byte[] bytes = Files.readAllBytes(StataFixtures.file("old/gen_105_lsf.dta"));
        for (int release : new int[] {106, 107, 109, 112}) {
            bytes[0] = (byte) release;
            assertThatThrownBy(() -> StataReader.open(new ByteArrayChannel(bytes), "x.dta").close())
                    .isInstanceOf(SurveyFormatException.class)
                    .hasMessageContaining("unsupported Stata release " + release);
        }
    }

    @Test
    void truncatedOldValueLabelsAreLocated() throws IOException {
        byte[] bytes = Files.readAllBytes(StataFixtures.file("old/gen_104_lsf.dta"));
        for (int cut = 1; cut <= 30; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(bytes, bytes.length - cut);
            int c = cut;
            assertThatThrownBy(() -> StataReader.open(new ByteArrayChannel(shorter), "cut.dta").close())
                    .as("cut " + c).isInstanceOf(SurveyFormatException.class)
                    .hasMessageContaining("value label");
        }
    }

    /**
     * Rows the header does not count are read with a warning, in a release 102 file with value labels
     * and in the same file without them (where the end of the file is what the rows run to).
     */
    @Test
    void aLoweredObservationCountOrAnAppendedRowIsReadWithAWarning() throws IOException {
        byte[] labelled = Files.readAllBytes(StataFixtures.file("old/gen_102_lsf.dta"));
        DtaLayout d = DtaParser.parse(new DtaInput(new ByteArrayChannel(labelled), "x.dta"));
        int dataEnd = (int) (d.dataStart + d.n * d.rowWidth);
        assertThat(dataEnd).isLessThan(labelled.length);
        for (byte[] bytes : List.of(labelled, java.util.Arrays.copyOf(labelled, dataEnd))) {
            String where = bytes.length == dataEnd ? "end of the file" : "value labels";
            byte[] lowered = bytes.clone();
            lowered[6] = 5;
            try (StataReader r = StataReader.open(new ByteArrayChannel(lowered), "lowered.dta")) {
                assertThat(ReadAllRows.count(r)).isEqualTo(6);
                assertThat(r.warnings()).singleElement().asString()
                        .contains("declares 5 observations but the data before the " + where + " hold 6");
            }
            byte[] appended = new byte[bytes.length + d.rowWidth];
            System.arraycopy(bytes, 0, appended, 0, dataEnd);
            System.arraycopy(bytes, dataEnd - d.rowWidth, appended, dataEnd, d.rowWidth);
            System.arraycopy(bytes, dataEnd, appended, dataEnd + d.rowWidth, bytes.length - dataEnd);
            try (StataReader r = StataReader.open(new ByteArrayChannel(appended), "appended.dta")) {
                assertThat(ReadAllRows.count(r)).isEqualTo(7);
                assertThat(r.warnings()).singleElement().asString()
                        .contains("declares 6 observations but the data before the " + where + " hold 7");
            }
        }
    }

    /** In 104 (old value-label layout) a lowered count is found from where the tables parse. */
    @Test
    void aLoweredCountBeforeOldValueLabelsIsReadWithAWarning() throws IOException {
        byte[] bytes = Files.readAllBytes(StataFixtures.file("old/gen_104_lsf.dta"));
        bytes[6] = 4;
        try (StataReader r = StataReader.open(new ByteArrayChannel(bytes), "lowered.dta")) {
            assertThat(ReadAllRows.count(r)).isEqualTo(6);
            assertThat(r.warnings()).singleElement().asString()
                    .contains("declares 4 observations").contains("value labels hold 6");
            int agree = r.dictionary().find("agree").orElseThrow().index();
            assertThat(r.dictionary().variables().get(agree).valueLabels()).hasSize(4);
        }
    }

    /** Bytes after the data that are neither tables nor rows, or a raised count, are refused where they are. */
    @Test
    void otherTrailingBytesOrARaisedCountAreRefusedWhereTheyAre() throws IOException {
        byte[] bytes = Files.readAllBytes(StataFixtures.file("old/gen_102_lsf.dta"));
        byte[] tail = java.util.Arrays.copyOf(bytes, bytes.length + 5);
        assertThatThrownBy(() -> StataReader.open(new ByteArrayChannel(tail), "tail.dta").close())
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("byte offset " + bytes.length).hasMessageContaining("value-label table");
        DtaLayout d = DtaParser.parse(new DtaInput(new ByteArrayChannel(bytes), "x.dta"));
        byte[] raised = java.util.Arrays.copyOf(bytes, (int) (d.dataStart + d.n * d.rowWidth));   // no labels
        raised[6] = 7;
        assertThatThrownBy(() -> StataReader.open(new ByteArrayChannel(raised), "raised.dta").close())
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("the file ends after case 6 of 7");
        byte[] labelled = Files.readAllBytes(StataFixtures.file("old/gen_105_lsf.dta"));
        labelled[6] = 7;
        assertThatThrownBy(() -> StataReader.open(new ByteArrayChannel(labelled), "raised105.dta").close())
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("declares 7 observations but the value labels start after 6");
    }

    /** Counts the rows of an open reader. */
    private static final class ReadAllRows {
        static long count(StataReader r) {
            long n = 0;
            while (r.next()) {
                n++;
            }
            return n;
        }
    }

    /**
     * The shared {@link org.pluralstats.io.MutationFuzzer} on the old-release fixtures: every mutant is
     * refused with a located line, read as the original, warned about, or (a change to stored values
     * only) read in the original's shape. The seed is fixed; a longer hunt:
     * {@code -Dstata.old.fuzz.seed=7 -Dstata.old.fuzz.mutants=100000}. Failing mutants are written to
     * {@code target/stata-old-fuzz-failures/} to be added to {@code regressions/} (replayed by
     * {@link StataFuzzTest}).
     */
    @Test
    void mutatedOldFilesAreRefusedOrReadAsTheOriginal() throws IOException {
        long seed = Long.getLong("stata.old.fuzz.seed", 102_108L);
        int mutants = Integer.getInteger("stata.old.fuzz.mutants", 3_000);
        List<MutationFuzzer.Seed> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(StataFixtures.file("old"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".dta")).sorted().toList()) {
                seeds.add(oldSeed(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        var fuzzer = new MutationFuzzer((bytes, name) -> StataReader.open(new ByteArrayChannel(bytes), name), seeds, seed);
        var report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> fuzzer.run(mutants));
        System.out.println("StataOldReleasesTest (seed " + seed + "): " + report.summary());
        List<Path> kept = report.keep(Path.of("target", "stata-old-fuzz-failures"));
        assertThat(report.failures()).as("%s; failing mutants kept as %s", report.summary(), kept).isEmpty();
        assertThat(report.outcomes().getOrDefault(MutationFuzzer.Outcome.REJECTED, 0)).isPositive();
        assertThat(report.outcomes().getOrDefault(MutationFuzzer.Outcome.WARNED, 0)).isPositive();
    }

    /**
     * What the test knows of an old-release file (layouts as {@link DtaParser} reads them): the
     * observation count (2 bytes at offset 6 in 102, 4 bytes from 103); the rows and the value-label
     * tables (12 + 10n bytes up to 105, 4 + 9 + 3 + len in 108) as removable sections; and as stored
     * facts the data, the data label, the type codes, variable names, sort list, display formats,
     * value-label names and variable labels, whose change can make another valid file of the same shape.
     */
    private static MutationFuzzer.Seed oldSeed(String name, byte[] b) {
        DtaLayout d = DtaParser.parse(new DtaInput(new ByteArrayChannel(b), name));
        long dataEnd = d.dataStart + d.n * d.rowWidth;
        var data = new MutationFuzzer.Region(d.dataStart, dataEnd);
        List<MutationFuzzer.Region> sections = new ArrayList<>();
        List<MutationFuzzer.Region> payload = new ArrayList<>();
        payload.add(data);
        if (d.n > 0 && d.rowWidth > 0) {
            sections.add(new MutationFuzzer.Region(d.dataStart, d.dataStart + d.rowWidth));
            sections.add(new MutationFuzzer.Region(dataEnd - d.rowWidth, dataEnd));
        }
        int labelLength = d.release <= 105 ? 32 : 81;
        int fmtLength = d.release >= 105 ? 12 : 7;
        long at = d.release == 102 ? 8 : 10;
        payload.add(new MutationFuzzer.Region(at, at + labelLength));       // data label
        at += labelLength + (d.release >= 105 ? 18 : 0);
        long typlist = at;
        long srtlist = typlist + d.k + 9L * d.k;
        long fmtlist = srtlist + 2L * (d.k + 1);
        long labelsEnd = fmtlist + (long) fmtLength * d.k + 9L * d.k + (long) labelLength * d.k;
        // typlist, varlist, srtlist (the sort order, which no reader uses), fmtlist, lbllist, variable labels
        payload.add(new MutationFuzzer.Region(typlist, labelsEnd));
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(d.order);
        for (long t = dataEnd; t < b.length; ) {
            long end = d.release <= 105 ? t + 12 + 10L * Short.toUnsignedInt(buf.getShort((int) t))
                    : t + 4 + 9 + 3 + buf.getInt((int) t);
            sections.add(new MutationFuzzer.Region(t, end));
            t = end;
        }
        var count = new MutationFuzzer.CountField(6, d.release == 102 ? 2 : 4, d.order);
        return new MutationFuzzer.Seed(name, b, sections, List.of(count), payload, data, d.rowWidth);
    }
}
