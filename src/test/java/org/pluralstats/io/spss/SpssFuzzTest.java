package org.pluralstats.io.spss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.pluralstats.SurveyFormatException;

/**
 * Seeded mutation fuzzing of {@link SpssReader}: fixture files with flipped, overwritten, inserted
 * and deleted bytes, and cut short, are read in full; the only exception allowed out is
 * {@link SurveyFormatException}. Runs for a bounded time ({@code -Dspss.fuzz.seconds}, default 6) and
 * iteration count ({@code -Dspss.fuzz.iterations}), over the fixtures named by
 * {@code -Dspss.fuzz.corpus} (comma-separated) or a default set; the seed ({@code -Dspss.fuzz.seed}) makes the
 * sequence of inputs reproducible. An input that escapes as another exception, an
 * {@link OutOfMemoryError} or a hang is written to {@code target/spss-fuzz-failures/}; keep it under
 * {@code src/test/resources/org/pluralstats/io/spss/regressions/} once fixed.
 */
class SpssFuzzTest {
    private static final long SEED = Long.getLong("spss.fuzz.seed", 20240917L);
    private static final long SECONDS = Long.getLong("spss.fuzz.seconds", 6);
    private static final int ITERATIONS = Integer.getInteger("spss.fuzz.iterations", 1_000_000);
    private static final int[] INTERESTING = {0, 1, -1, 2, 3, 4, 7, 8, 9, 255, 256, 999, 65535, 32767, 32768,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, -2, -3, 252, 253, 254};
    private static final String[] CORPUS = System.getProperty("spss.fuzz.corpus") != null
            ? System.getProperty("spss.fuzz.corpus").split(",") : new String[] {"pspp_compressed.sav", "pspp_uncompressed.sav", "pspp_zcompressed.zsav",
        "pspp_windows1252.sav", "pspp_compressed_be.sav", "pspp_compressed_unknown_cases.sav", "haven_byte.sav",
        "haven_zsav.zsav", "readstat_from_dta.sav", "readstat_from_dta.zsav", "example_foreign_electric.sav",
        "example_foreign_testdata.sav", "example_pspp_physiology.sav", "example_haven_iris.sav"};

    private volatile byte[] current;
    private volatile String currentName;

    @Test
    void mutatedFilesFailOnlyWithFormatErrors() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (String name : CORPUS) {
            corpus.add(SpssFixtures.bytes(name));
        }
        List<String> failures = new ArrayList<>();
        int[] counts = new int[2];
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(SECONDS + 30), () -> fuzz(corpus, failures, counts));
        } catch (AssertionFailedError timeout) {
            failures.add(save(current, currentName, "hang", timeout));
        }
        System.out.printf("SpssFuzzTest: seed %d, %d inputs read, %d rejected with SurveyFormatException%n",
                SEED, counts[0], counts[1]);
        assertThat(failures).as("inputs that escaped as another exception or hung").isEmpty();
        assertThat(counts[0]).isPositive();
    }

    private void fuzz(List<byte[]> corpus, List<String> failures, int[] counts) throws IOException {
        SplittableRandom rnd = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        for (int i = 0; i < ITERATIONS && System.nanoTime() < deadline && failures.size() < 5; i++) {
            int k = rnd.nextInt(corpus.size());
            byte[] input = mutate(corpus.get(k), rnd);
            boolean stream = rnd.nextInt(4) == 0;
            current = input;
            currentName = CORPUS[k] + "-" + i;
            counts[0]++;
            try {
                SpssHostileInputTest.readAll(input, stream);
            } catch (SurveyFormatException e) {
                counts[1]++;
                if (e.byteOffset().isEmpty()) {
                    failures.add(save(input, currentName, "no-offset", e));
                }
            } catch (Throwable t) {
                failures.add(save(input, currentName, t.getClass().getSimpleName(), t));
            }
        }
    }

    static byte[] mutate(byte[] original, SplittableRandom rnd) {
        byte[] b = original.clone();
        int n = 1 + rnd.nextInt(4);
        for (int m = 0; m < n && b.length > 0; m++) {
            // Half the edits land in the dictionary, where most of the structure is.
            int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 8192)) : rnd.nextInt(b.length);
            switch (rnd.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = (byte) rnd.nextInt(256);
                case 2 -> {
                    int v = rnd.nextInt(3) == 0 ? rnd.nextInt() : INTERESTING[rnd.nextInt(INTERESTING.length)];
                    int p = Math.max(0, Math.min(b.length - 4, at & ~3));
                    for (int j = 0; j < 4 && p + j < b.length; j++) {
                        b[p + j] = (byte) (v >>> (8 * j));
                    }
                }
                case 3 -> {
                    byte[] ins = new byte[1 + rnd.nextInt(16)];
                    rnd.nextBytes(ins);
                    byte[] c = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(ins, 0, c, at, ins.length);
                    System.arraycopy(b, at, c, at + ins.length, b.length - at);
                    b = c;
                }
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 5 -> b = Arrays.copyOf(b, at);
                default -> {
                    int from = rnd.nextInt(b.length);
                    int len = Math.min(Math.min(b.length - from, b.length - at), 1 + rnd.nextInt(32));
                    System.arraycopy(b.clone(), from, b, at, len);
                }
            }
        }
        return b;
    }

    private static String save(byte[] input, String name, String kind, Throwable t) throws IOException {
        Path dir = Path.of("target", "spss-fuzz-failures");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + kind + ".bin");
        if (input != null) {
            Files.write(file, input);
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        Files.writeString(dir.resolve(name + "-" + kind + ".txt"), trace.toString());
        return file + ": " + t;
    }
}
