package org.pluralstats.io.por;

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
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pluralstats.SurveyFormatException;

/**
 * Seeded mutation fuzzing of {@link PortableReader}: {@value #MUTANTS} mutants of the PSPP fixtures
 * (bit flips, overwritten, inserted, deleted and duplicated bytes, changed counts and lengths,
 * truncation, and changed line layouts) are read in full. For every mutant:
 * <ul>
 * <li>the only exception allowed out is a {@link SurveyFormatException} of one line with a line number
 *     and byte offset;</li>
 * <li>a file cut short reads to the same rows as the original when the cut falls in the final {@code Z}
 *     padding, and is refused anywhere else;</li>
 * <li>a file whose line breaks were moved, removed or made LF-only, or whose lines lost their trailing
 *     blanks, reads to the same rows and dictionary;</li>
 * <li>other edits give an error or a complete read (an edited digit in a text format without checksums is
 *     a different, well-formed file; those are counted).</li>
 * </ul>
 * The seed ({@code -Dpor.fuzz.seed}) makes the inputs reproducible; a failing input is written to
 * {@code target/por-fuzz-failures/}.
 */
class PortableFuzzTest {
    private static final long SEED = Long.getLong("por.fuzz.seed", 20261203L);
    private static final int MUTANTS = 3000;
    private static final String[] CORPUS = {"pspp_mixed.por", "pspp_mixed_unwrapped.por", "pspp_weighted_doc.por",
        "pspp_utf8.por", "pspp_mixed_lf_trimmed.por", "readstat_mixed.por"};

    private static final String INSERTS = "0123456789ABTZ/.-+* \r\n";
    private static final String SYMBOLS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ/.-+*";

    private enum Kind { TRUNCATED, LAYOUT, OTHER }

    @Test
    void everyMutantIsRefusedWithALocatedLineOrReadWhole() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        List<Map<String, List<Object>>> originals = new ArrayList<>();
        for (String name : CORPUS) {
            byte[] b = PortableReaderReferenceTest.bytes(name);
            corpus.add(b);
            originals.add(read(b));
        }
        List<String> failures = new ArrayList<>();
        int[] counts = new int[4]; // read, refused, read with other values, truncations refused
        long[] cpu = new long[1];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            fuzz(corpus, originals, failures, counts);
            cpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0;
        });
        System.out.printf("PortableFuzzTest: seed %d, %d mutants, %d refused with a located line, %d read whole with"
                + " other values, %d truncations refused; %.1f s CPU%n", SEED, counts[0], counts[1], counts[2], counts[3],
                cpu[0] / 1e9);
        assertThat(failures).as("mutants that escaped the rules").isEmpty();
        assertThat(counts[0]).isEqualTo(MUTANTS);
        assertThat(counts[1]).isGreaterThan(MUTANTS / 4);
    }

    private static Map<String, List<Object>> read(byte[] b) {
        try (PortableReader r = PortableReader.open(b, "mutant.por")) {
            return PortableReaderReferenceTest.readAll(r);
        }
    }

    private void fuzz(List<byte[]> corpus, List<Map<String, List<Object>>> originals, List<String> failures,
                      int[] counts) throws IOException {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < MUTANTS && failures.size() < 5; i++) {
            int k = rnd.nextInt(corpus.size());
            byte[] original = corpus.get(k);
            Kind[] kind = new Kind[1];
            byte[] input = mutate(original, rnd, kind);
            String name = CORPUS[k] + "-" + i + "-" + kind[0];
            counts[0]++;
            Map<String, List<Object>> rows;
            try {
                rows = read(input);
            } catch (SurveyFormatException e) {
                counts[1]++;
                String m = e.getMessage();
                if (e.line().isEmpty() && e.byteOffset().isEmpty() || m.contains("\n") || m.contains("\r")) {
                    failures.add(save(input, name, "unlocated", e));
                } else if (kind[0] == Kind.LAYOUT) {
                    failures.add(save(input, name, "layout-refused", e));
                } else if (kind[0] == Kind.TRUNCATED) {
                    counts[3]++;
                    if (endOfData(original) < input.length) {
                        failures.add(save(input, name, "whole-data-refused", e));
                    }
                }
                continue;
            } catch (Throwable t) {
                failures.add(save(input, name, t.getClass().getSimpleName(), t));
                continue;
            }
            boolean same = rows.equals(originals.get(k));
            if (!same) {
                counts[2]++;
                if (kind[0] != Kind.OTHER) {
                    failures.add(save(input, name, "changed-rows", new AssertionError(kind[0] + " changed the rows")));
                }
            }
        }
    }

    /** @return the offset just past the first Z of the end marker (the data is whole from there on) */
    private static int endOfData(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != 'Z' && b[i] != '\r' && b[i] != '\n') {
                return i + 2;
            }
        }
        return 0;
    }

    static byte[] mutate(byte[] original, SplittableRandom rnd, Kind[] kind) {
        int choice = rnd.nextInt(10);
        if (choice == 0) {
            kind[0] = Kind.TRUNCATED;
            // half the cuts near the end, where the end marker is
            int at = rnd.nextBoolean() ? original.length - 1 - rnd.nextInt(Math.min(original.length, 200))
                    : rnd.nextInt(original.length);
            return Arrays.copyOf(original, at);
        }
        if (choice == 1) {
            kind[0] = Kind.LAYOUT;
            return relayout(original, rnd);
        }
        kind[0] = Kind.OTHER;
        byte[] b = original.clone();
        int n = 1 + rnd.nextInt(3);
        for (int m = 0; m < n && b.length > 0; m++) {
            int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 1200)) : rnd.nextInt(b.length);
            switch (rnd.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = (byte) rnd.nextInt(256);
                case 2 -> {
                    byte[] ins = new byte[1 + rnd.nextInt(8)];
                    for (int j = 0; j < ins.length; j++) {
                        ins[j] = (byte) INSERTS.charAt(rnd.nextInt(INSERTS.length()));
                    }
                    b = splice(b, at, 0, ins);
                }
                case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + rnd.nextInt(40)), new byte[0]);
                case 4 -> b = changeCount(b, at, rnd);
                case 5 -> {
                    int from = rnd.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + rnd.nextInt(60));
                    b = splice(b, at, 0, Arrays.copyOfRange(b, from, from + len));
                }
                default -> b[at] = (byte) SYMBOLS.charAt(rnd.nextInt(SYMBOLS.length()));
            }
        }
        return b;
    }

    /** Replaces the base-30 number that ends at the next '/' with a random or boundary one. */
    private static byte[] changeCount(byte[] b, int at, SplittableRandom rnd) {
        int slash = at;
        while (slash < b.length && b[slash] != '/') {
            slash++;
        }
        if (slash == b.length) {
            return b;
        }
        int start = slash;
        while (start > 0 && Base30.digit(b[start - 1]) >= 0) {
            start--;
        }
        String[] values = {"0", "1", "T", "TT", "TTTTTT", "TTTTTTTTTTTTTT", "-1", "10", "1+T", "1-TT",
            Long.toString(rnd.nextLong(1, Long.MAX_VALUE), 30).toUpperCase()};
        byte[] v = values[rnd.nextInt(values.length)].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return splice(b, start, slash - start, v);
    }

    /** The same logical content with another line layout: unwrapped, LF only, trailing blanks cut, rewrapped at 80. */
    private static byte[] relayout(byte[] b, SplittableRandom rnd) {
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder logical = new StringBuilder();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            logical.append(line);
            if (line.length() < 80 && text.contains("\n")) {
                logical.append(" ".repeat(80 - line.length()));
            }
        }
        String flat = logical.toString().replaceAll(" +$", "");
        int variant = rnd.nextInt(4);
        if (variant == 0) {
            return flat.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder();
        String eol = variant == 1 ? "\n" : variant == 2 ? "\r\n" : "\r";
        for (int i = 0; i < flat.length(); i += 80) {
            String line = flat.substring(i, Math.min(flat.length(), i + 80));
            if (rnd.nextBoolean()) {
                line = line.replaceAll(" +$", "");
            }
            out.append(line).append(eol);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] c = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(insert, 0, c, at, insert.length);
        System.arraycopy(b, at + remove, c, at + insert.length, b.length - at - remove);
        return c;
    }

    private static String save(byte[] input, String name, String kind, Throwable t) throws IOException {
        Path dir = Path.of("target", "por-fuzz-failures");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + kind + ".por");
        Files.write(file, input);
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        Files.writeString(dir.resolve(name + "-" + kind + ".txt"), trace.toString());
        return file + ": " + t;
    }
}
