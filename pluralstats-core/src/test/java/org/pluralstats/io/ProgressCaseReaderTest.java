package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pluralstats.Progress;

/** The progress wrapper must keep the wrapped reader's batch path (not fall back to case by case). */
class ProgressCaseReaderTest {
    /** Counts how the wrapped reader is driven. */
    static final class Counting implements CaseReader {
        final CaseReader in;
        int nextCalls;
        int batchCalls;

        Counting(CaseReader in) {
            this.in = in;
        }

        @Override
        public FileDictionary dictionary() {
            return in.dictionary();
        }

        @Override
        public void select(int[] v) {
            in.select(v);
        }

        @Override
        public boolean next() {
            nextCalls++;
            return in.next();
        }

        @Override
        public int nextBatch(CaseBatch b) {
            batchCalls++;
            return in.nextBatch(b);
        }

        @Override
        public long caseIndex() {
            return in.caseIndex();
        }

        @Override
        public double number(int v) {
            return in.number(v);
        }

        @Override
        public char missingTag(int v) {
            return in.missingTag(v);
        }

        @Override
        public String string(int v) {
            return in.string(v);
        }

        @Override
        public void close() {
            in.close();
        }
    }

    @Test
    void batchesGoThroughToTheWrappedReader() {
        try (Counting counting = new Counting(SurveyFiles.open(Path.of("data-samples/wvs-sample/wvs7-sample.dta")));
             Progress.Task task = Progress.none().start("test", counting.estimatedRows())) {
            CaseReader wrapped = new ProgressCaseReader(counting, task);
            int k = counting.dictionary().variables().size();
            CaseBatch b = CaseBatch.of(counting.dictionary(), IntStream.range(0, k).toArray(), 100);
            int total = 0;
            int n;
            while ((n = wrapped.nextBatch(b)) > 0) {
                total += n;
            }
            assertThat(total).isEqualTo(380);
            assertThat(counting.batchCalls).isEqualTo(5);
            assertThat(counting.nextCalls).as("cases read one by one").isZero();
        }
    }
}
