package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pluralstats.io.MutationFuzzer;
import org.pluralstats.io.MutationFuzzer.Outcome;
import org.pluralstats.io.MutationFuzzer.Seed;

/**
 * The shared {@link MutationFuzzer}'s oracle catches what it is meant to catch (the SPSS fuzzer's
 * self-test, carried over): a reader that hides its warnings, one that throws another exception type
 * and one that does not finish all fail, where the honest reader passes the same mutants.
 */
class MutationFuzzerOracleTest {
    private static final MutationFuzzer.Opener HONEST = (b, n) -> StataReader.open(new ByteArrayChannel(b), n);

    private static List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        for (String name : List.of("haven_113.dta", "pandas_117_le.dta")) {
            seeds.add(StataFuzzTest.seed(name, Files.readAllBytes(StataFixtures.file(name))));
        }
        return seeds;
    }

    @Test
    void aReaderThatReadsOtherRowsWithoutSayingSoFails() throws IOException {
        MutationFuzzer.Report honest = new MutationFuzzer(HONEST, seeds(), 7).run(700);
        assertThat(honest.failures()).as(honest.summary()).isEmpty();
        assertThat(honest.outcomes()).containsKey(Outcome.WARNED);
        MutationFuzzer.Report silent = new MutationFuzzer((b, n) -> MutationFuzzer.hidingWarnings(HONEST.open(b, n)), seeds(), 7)
                .run(700);
        assertThat(silent.failures()).isNotEmpty().allSatisfy(m -> assertThat(m.detail())
                .startsWith("read without error or warning but the rows differ"));
    }

    @Test
    void aReaderThatThrowsAnotherExceptionFails() throws IOException {
        List<Seed> seeds = seeds();
        MutationFuzzer.Report r = new MutationFuzzer((b, n) -> {
            if (seeds.stream().noneMatch(s -> s.bytes().length == b.length)) {
                throw new IllegalArgumentException("bad length");
            }
            return HONEST.open(b, n);
        }, seeds, 11).run(200);
        assertThat(r.failures()).isNotEmpty().allSatisfy(m -> assertThat(m.detail())
                .startsWith(IllegalArgumentException.class.getName() + ": bad length"));
    }

    @Test
    void aReaderThatDoesNotFinishFailsAndTheRunGoesOn() throws IOException {
        List<Seed> seeds = seeds();
        MutationFuzzer.Report r = new MutationFuzzer((b, n) -> {
            if (seeds.stream().noneMatch(s -> s.bytes().length == b.length)) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return HONEST.open(b, n);
        }, seeds, 11).run(2 * MutationFuzzer.Operator.values().length, Duration.ofMillis(100));
        assertThat(r.mutants()).isEqualTo(2 * MutationFuzzer.Operator.values().length);
        assertThat(r.failures()).isNotEmpty().allSatisfy(m -> assertThat(m.detail()).startsWith("no result within"));
        assertThat(r.outcomes().getOrDefault(Outcome.FAILURE, 0)).isLessThan(r.mutants());
    }
}
