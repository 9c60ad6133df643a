package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The integer fast path of {@link DtaScores} reads a cell as {@link StataReader} does: its missing
 * threshold ({@link StataMissing#largestPresent}) agrees with the tag functions over every byte and int
 * value and at the edges of long, and its raw decoding ({@link StataReader#decodeIntegers}) agrees with
 * {@link StataReader#decodeColumn} on every integer column of every fixture, both byte orders and all
 * releases.
 */
class DtaScoresDecodingTest {
    @Test
    void theMissingThresholdIsTheTagFunctions() {
        for (boolean extended : new boolean[] {false, true}) {
            int b = StataMissing.largestPresent(StataStorageType.BYTE, extended);
            for (int v = Byte.MIN_VALUE; v <= Byte.MAX_VALUE; v++) {
                assertThat(v > b).isEqualTo(StataMissing.byteTag(v, extended) != StataMissing.PRESENT);
            }
            int s = StataMissing.largestPresent(StataStorageType.INT, extended);
            for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v++) {
                assertThat(v > s).isEqualTo(StataMissing.intTag(v, extended) != StataMissing.PRESENT);
            }
            int l = StataMissing.largestPresent(StataStorageType.LONG, extended);
            for (long v = Integer.MAX_VALUE - 40L; v <= Integer.MAX_VALUE; v++) {
                assertThat(v > l).isEqualTo(StataMissing.longTag((int) v, extended) != StataMissing.PRESENT);
            }
            for (int v : new int[] {Integer.MIN_VALUE, -1, 0, 1, 1 << 30}) {
                assertThat(StataMissing.longTag(v, extended)).isEqualTo(StataMissing.PRESENT);
            }
        }
    }

    @Test
    void rawIntegersDecodeAsTheReaderDecodes() {
        List<Path> files = new ArrayList<>(StataFixtures.dtaFiles());
        int columns = 0;
        for (Path file : files) {
            try (StataReader reader = StataReader.open(file)) {
                DtaLayout d = reader.layout();
                if (d.n == 0 || d.rowWidth == 0) {
                    continue;
                }
                int n = (int) Math.min(d.n, 4096);
                ByteBuffer rows = ByteBuffer.allocate(n * d.rowWidth).order(d.order);
                try {
                    ((java.nio.channels.FileChannel) reader.channel()).read(rows, d.dataStart);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                for (int v = 0; v < d.k; v++) {
                    StataStorageType t = d.types[v];
                    if (t != StataStorageType.BYTE && t != StataStorageType.INT && t != StataStorageType.LONG) {
                        continue;
                    }
                    columns++;
                    double[] x = new double[n];
                    byte[] tags = new byte[n];
                    int[] raw = new int[n];
                    StataReader.decodeColumn(d, rows, t, d.offsets[v], n, x, tags);
                    StataReader.decodeIntegers(d, rows.array(), t, d.offsets[v], n, raw);
                    int largest = StataMissing.largestPresent(t, d.extendedMissing());
                    for (int r = 0; r < n; r++) {
                        assertThat(Double.valueOf(raw[r] > largest ? Double.NaN : raw[r])).as("%s %s row %d",
                                file.getFileName(), d.names[v], r).isEqualTo(Double.valueOf(x[r]));
                    }
                }
            }
        }
        assertThat(columns).isGreaterThan(20);
    }
}
