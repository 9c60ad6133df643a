package org.pluralstats.io.spss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.io.MutationFuzzer;
import org.pluralstats.io.MutationFuzzer.Outcome;
import org.pluralstats.io.MutationFuzzer.Seed;

/**
 * The SPSS half of the mutation fuzzer of issue 10: {@link MutationFuzzer} over real {@code .sav} and
 * {@code .zsav} files written by PSPP, R haven, ReadStat and SPSS, with their records and case-count
 * fields (the header's int32 at byte 80 and the 64-bit count of record 7.16) located by
 * {@link SpssFuzzSeeds#seed(String)}. Each mutant is read in full within a time bound and must be refused with a
 * located one-line {@link org.pluralstats.SurveyFormatException}, read with the original's rows, or
 * read with a warning saying why the rows differ, or (a point change: no checksum tells it) read in the
 * original's shape; the rows compared are {@link SpssFuzzSeeds#values}.
 *
 * <p>{@code -Dspss.fuzz.seed} and {@code -Dspss.fuzz.mutants} (default 20261203 and 3,000) change the
 * run; failing mutants are written to {@code target/spss-fuzz-failures/} and belong, once fixed, in
 * {@code src/test/resources/org/pluralstats/io/spss/regressions/}, which {@link SpssHostileInputTest}
 * reads.
 */
class SpssFuzzTest {
    private static final long SEED = Long.getLong("spss.fuzz.seed", 20261203L);
    private static final int MUTANTS = Integer.getInteger("spss.fuzz.mutants", 3000);
    private static final String[] CORPUS = {"edge/pspp_240_compressed.sav", "edge/pspp_240_uncompressed.sav",
        "edge/pspp_240.zsav", "edge/pspp_strings.sav", "pspp_compressed_be.sav", "haven_byte.sav",
        "haven_zsav.zsav", "haven_none_unknown_cases.sav", "readstat_from_dta.sav", "example_foreign_electric.sav",
        "example_foreign_testdata.sav", "example_haven_iris.sav", "example_pspp_physiology.sav"};

    @Test
    void everyMutantIsRefusedWithAPlaceOrReadAsTheOriginalOrWarnedAbout() {
        List<Seed> seeds = new ArrayList<>();
        for (String name : CORPUS) {
            seeds.add(SpssFuzzSeeds.seed(name));
        }
        long t0 = System.nanoTime();
        MutationFuzzer.Report file = new MutationFuzzer(SpssFuzzSeeds.opener(), seeds, SEED, SpssFuzzSeeds::values)
                .run(MUTANTS, Duration.ofSeconds(5));
        // A tenth as streams: without the file length, false sizes are found as the stream ends.
        MutationFuzzer.Report stream = new MutationFuzzer((b, n) -> SpssReader.open(new ByteArrayInputStream(b), n),
                seeds, SEED + 1, SpssFuzzSeeds::values).run(MUTANTS / 10, Duration.ofSeconds(5));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("SpssFuzzTest (seed %d): %s; as streams: %s; %.1f s%n", SEED, file.summary(),
                stream.summary(), seconds);
        file.keep(Path.of("target", "spss-fuzz-failures"));
        stream.keep(Path.of("target", "spss-fuzz-failures", "stream"));
        assertThat(file.failures()).as("failing mutants (saved in target/spss-fuzz-failures)").isEmpty();
        assertThat(stream.failures()).as("failing mutants read as streams").isEmpty();
        assertThat(file.byOperator()).hasSize(MutationFuzzer.Operator.values().length);
        assertThat(file.mutants()).isGreaterThanOrEqualTo(3000);
        // Every kind of outcome occurs, so the oracle is exercised, not bypassed.
        assertThat(file.outcomes()).containsKeys(Outcome.REJECTED, Outcome.SAME, Outcome.WARNED);
    }

    /** The SPSS rows as compared here still catch a reader that hides its warnings. */
    @Test
    void aReaderHidingItsWarningsIsCaught() {
        List<Seed> seeds = List.of(SpssFuzzSeeds.seed("edge/pspp_240_uncompressed.sav"));
        MutationFuzzer.Report silent = new MutationFuzzer(
                (b, n) -> MutationFuzzer.hidingWarnings(SpssFuzzSeeds.opener().open(b, n)), seeds, 7,
                SpssFuzzSeeds::values).run(300);
        assertThat(silent.failures()).isNotEmpty().allSatisfy(m -> assertThat(m.detail())
                .startsWith("read without error or warning but the rows differ"));
    }
}
