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

    /** {@link StataFuzzTest}'s mutations, seeded, on the old-release fixtures: only located format errors. */
    @Test
    void mutatedOldFilesFailOnlyWithLocatedFormatErrors() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(StataFixtures.file("old"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".dta")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(102_108L);
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + 2_000_000_000L;
        int done = 0;
        for (int i = 0; i < 20_000 && System.nanoTime() < deadline && failures.size() < 5; i++, done++) {
            byte[] mutated = StataFuzzTest.mutate(seeds.get(random.nextInt(seeds.size())), random);
            String outcome = StataFuzzTest.check(mutated, "old-" + i + ".dta");
            if (!outcome.equals("read") && !outcome.equals("rejected")) {
                failures.add("iteration " + i + ": " + outcome);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(done).isGreaterThan(100);
    }
}
