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
     * The shared {@link org.pluralstats.io.MutationFuzzer} on the old-release fixtures: every mutant is
     * refused with a located line, read as the original, warned about, or (a change to stored values
     * only) read in the original's shape.
     */
    @Test
    void mutatedOldFilesAreRefusedOrReadAsTheOriginal() throws IOException {
        List<org.pluralstats.io.MutationFuzzer.Seed> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(StataFixtures.file("old"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".dta")).sorted().toList()) {
                seeds.add(oldSeed(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        var fuzzer = new org.pluralstats.io.MutationFuzzer(
                (bytes, name) -> StataReader.open(new ByteArrayChannel(bytes), name), seeds, 102_108L);
        var report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> fuzzer.run(3_000));
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.outcomes().getOrDefault(org.pluralstats.io.MutationFuzzer.Outcome.REJECTED, 0)).isPositive();
    }

    /**
     * What the test knows of an old-release file: the observation count (2 bytes at offset 6 in 102,
     * 4 bytes from 103), the rows as the data region and as removable sections, the data as stored facts.
     */
    private static org.pluralstats.io.MutationFuzzer.Seed oldSeed(String name, byte[] b) {
        DtaLayout d = DtaParser.parse(new DtaInput(new ByteArrayChannel(b), name));
        long dataEnd = d.dataStart + d.n * d.rowWidth;
        var data = new org.pluralstats.io.MutationFuzzer.Region(d.dataStart, dataEnd);
        List<org.pluralstats.io.MutationFuzzer.Region> sections = new ArrayList<>();
        if (d.n > 0 && d.rowWidth > 0) {
            sections.add(new org.pluralstats.io.MutationFuzzer.Region(d.dataStart, d.dataStart + d.rowWidth));
            sections.add(new org.pluralstats.io.MutationFuzzer.Region(dataEnd - d.rowWidth, dataEnd));
        }
        var count = new org.pluralstats.io.MutationFuzzer.CountField(6, d.release == 102 ? 2 : 4, d.order);
        return new org.pluralstats.io.MutationFuzzer.Seed(name, b, sections, List.of(count), List.of(data), data,
                d.rowWidth);
    }
}
