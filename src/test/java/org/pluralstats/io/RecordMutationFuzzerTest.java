package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.io.RecordMutationFuzzer.Verdict;
import org.pluralstats.io.spss.SpssFuzzSeeds;

/** The fuzzer's oracle catches what it is meant to catch: readers that change rows silently or crash fail. */
class RecordMutationFuzzerTest {

    /** A reader that keeps its warnings to itself. */
    private static CaseReader withoutWarnings(CaseReader r) {
        return new CaseReader() {
            @Override
            public FileDictionary dictionary() {
                return r.dictionary();
            }

            @Override
            public void select(int[] v) {
                r.select(v);
            }

            @Override
            public boolean next() {
                return r.next();
            }

            @Override
            public long caseIndex() {
                return r.caseIndex();
            }

            @Override
            public double number(int v) {
                return r.number(v);
            }

            @Override
            public char missingTag(int v) {
                return r.missingTag(v);
            }

            @Override
            public String string(int v) {
                return r.string(v);
            }

            @Override
            public void close() {
                r.close();
            }
        };
    }

    @Test
    void aReaderThatReadsOtherRowsWithoutSayingSoFails() {
        List<RecordMutationFuzzer.Seed> seeds = List.of(SpssFuzzSeeds.seed("edge/pspp_240_uncompressed.sav"));
        RecordMutationFuzzer.Report honest = new RecordMutationFuzzer(SpssFuzzSeeds.opener(), seeds)
                .run(7, 300, Duration.ofSeconds(5));
        assertThat(honest.failures()).isEmpty();
        RecordMutationFuzzer.Report silent = new RecordMutationFuzzer((b, n) -> withoutWarnings(SpssFuzzSeeds.opener().open(b, n)),
                seeds).run(7, 300, Duration.ofSeconds(5));
        assertThat(silent.counts()).containsKey(Verdict.SILENTLY_DIFFERENT);
        assertThat(silent.failures()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.SILENTLY_DIFFERENT));
    }

    @Test
    void aReaderThatThrowsAnotherExceptionFails() {
        List<RecordMutationFuzzer.Seed> seeds = List.of(SpssFuzzSeeds.seed("edge/pspp_240_compressed.sav"));
        RecordMutationFuzzer.Report r = new RecordMutationFuzzer((b, n) -> {
            if (b.length != seeds.get(0).bytes().length) {
                throw new IllegalArgumentException("bad length");
            }
            return SpssFuzzSeeds.opener().open(b, n);
        }, seeds).run(11, 200, Duration.ofSeconds(5));
        assertThat(r.counts()).containsKey(Verdict.CRASHED);
        assertThat(r.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.CRASHED));
    }
}
