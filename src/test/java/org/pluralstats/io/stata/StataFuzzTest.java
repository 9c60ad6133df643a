package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.SurveyFormatException;

/**
 * Seeded mutation fuzzing: fixture files with flipped, overwritten, inserted, deleted and truncated
 * bytes must be read in full or rejected with a {@link SurveyFormatException} that names a byte
 * offset, quickly and without any other exception, error or hang. The same seed gives the same inputs
 * on every machine; the run stops early when its time budget is spent. Inputs that once failed are
 * kept under {@code regressions/} and replayed by {@link #regression(Path)}; a new failure is written
 * to {@code target/stata-fuzz-failures/} to be added there.
 */
class StataFuzzTest {
    /** Override for a longer local hunt: {@code -Dstata.fuzz.seed=7 -Dstata.fuzz.seconds=300}. */
    private static final long SEED = Long.getLong("stata.fuzz.seed", 20_261_122L);
    private static final String READ = "read";
    private static final String REJECTED = "rejected";
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("stata.fuzz.seconds", 8));
    private static final long MAX_ITERATIONS = BUDGET.getSeconds() <= 8 ? 50_000 : Long.MAX_VALUE;
    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x7f, 0x80, 0xff, 0x3c, 0x65, 0x66};
    private static final long[] INTERESTING_WORDS = {0, 1, -1, 0x7fffffffL, 0x80000000L, 0xffffffffL,
        0x7fffffffffffffffL, Long.MIN_VALUE, 0x10000, 65535, 32768, 2045, 2046};

    @Test
    void mutatedFixturesFailOnlyWithFormatErrors() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : StataFixtures.dtaFiles()) {
            seeds.add(Files.readAllBytes(p));
        }
        List<String> failures = new ArrayList<>();
        long[] done = {0};
        long[] outcomes = {0, 0, 0};
        long[] slowest = {0, 0};
        assertTimeoutPreemptively(BUDGET.plusSeconds(60), () -> {
            SplittableRandom random = new SplittableRandom(SEED);
            long deadline = System.nanoTime() + BUDGET.toNanos();
            for (long i = 0; i < MAX_ITERATIONS && System.nanoTime() < deadline; i++) {
                int which = random.nextInt(seeds.size());
                byte[] mutated = mutate(seeds.get(which), random);
                long t0 = System.nanoTime();
                String outcome = check(mutated, "seed" + SEED + "-iteration" + i + ".dta");
                long took = System.nanoTime() - t0;
                if (took > slowest[0]) {
                    slowest[0] = took;
                    slowest[1] = i;
                }
                String problem = outcome.equals(READ) || outcome.equals(REJECTED) ? null : outcome;
                outcomes[outcome.equals(READ) ? 0 : outcome.equals(REJECTED) ? 1 : 2]++;
                if (problem != null) {
                    Path kept = Path.of("target", "stata-fuzz-failures", "seed" + SEED + "-iteration" + i + ".dta");
                    Files.createDirectories(kept.getParent());
                    Files.write(kept, mutated);
                    failures.add(kept + " (from " + StataFixtures.dtaFiles().get(which).getFileName() + "): " + problem);
                    if (failures.size() >= 20) {
                        break;
                    }
                }
                done[0]++;
            }
        });
        System.out.printf("StataFuzzTest: %d mutated inputs (%d read, %d rejected), seed %d;"
                + " slowest: iteration %d, %.1f ms%n", done[0], outcomes[0], outcomes[1], SEED, slowest[1], slowest[0] / 1e6);
        assertThat(failures).as("fuzz failures after %d iterations", done[0]).isEmpty();
        assertThat(done[0]).as("iterations run").isGreaterThan(200);
    }

    static Stream<Path> regressions() throws IOException {
        Path dir = StataFixtures.directory().resolve("regressions");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        return Files.list(dir).filter(p -> p.toString().endsWith(".dta")).sorted();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("regressions")
    void regression(Path input) {
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(check(Files.readAllBytes(input), input.toString())).isIn(READ, REJECTED));
    }

    /** @return {@link #READ}, {@link #REJECTED} (with a proper format error), or what went wrong */
    static String check(byte[] input, String name) {
        try {
            ReadAll.read(input, name);
            return READ;
        } catch (SurveyFormatException e) {
            if (e.byteOffset().isEmpty() || !e.getMessage().contains(", in ")) {
                return "format error without byte offset or section: " + e.getMessage();
            }
            return REJECTED;
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }

    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            if (b.length == 0) {
                break;
            }
            int at = position(b.length, random);
            switch (random.nextInt(9)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                case 2 -> {
                    long word = INTERESTING_WORDS[random.nextInt(INTERESTING_WORDS.length)];
                    int width = random.nextBoolean() ? 4 : (random.nextBoolean() ? 2 : 8);
                    boolean big = random.nextBoolean();
                    for (int j = 0; j < width && at + j < b.length; j++) {
                        int shift = 8 * (big ? width - 1 - j : j);
                        b[at + j] = (byte) (word >>> shift);
                    }
                }
                case 3 -> {
                    byte[] insert = new byte[1 + random.nextInt(16)];
                    for (int j = 0; j < insert.length; j++) {
                        insert[j] = (byte) random.nextInt(256);
                    }
                    b = splice(b, at, 0, insert);
                }
                case 4 -> b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(64)), new byte[0]);
                case 5 -> b = java.util.Arrays.copyOf(b, at);
                case 6 -> {
                    int length = Math.min(b.length - at, 1 + random.nextInt(32));
                    byte[] copy = java.util.Arrays.copyOfRange(b, at, at + length);
                    b = splice(b, random.nextInt(b.length), 0, copy);
                }
                case 7 -> {
                    // a number just after a tag or at a record boundary: counts, lengths, (v,o), offsets
                    int gt = indexOf(b, (byte) '>', at);
                    long word = INTERESTING_WORDS[random.nextInt(INTERESTING_WORDS.length)];
                    int width = 1 << random.nextInt(4);
                    for (int j = 0; j < width && gt >= 0 && gt + 1 + j < b.length; j++) {
                        b[gt + 1 + j] = (byte) (word >>> (8 * j));
                    }
                }
                default -> {
                    for (int j = 0; j < 1 + random.nextInt(8); j++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return b;
    }

    /** Half the mutations land in the first or last kilobyte, where the headers and labels are. */
    private static int position(int length, SplittableRandom random) {
        int edge = Math.min(length, 1024);
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(edge);
            case 1 -> length - 1 - random.nextInt(edge);
            default -> random.nextInt(length);
        };
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
