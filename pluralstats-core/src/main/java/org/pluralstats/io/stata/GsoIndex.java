package org.pluralstats.io.stata;

import java.util.Arrays;

/**
 * Where the strL values of some variables are: the file offset of each GSO record ({@code help dta},
 * section 5.11.2) for the variables asked for, sorted by (o, v) as the records themselves must be,
 * so a lookup is a binary search. Only offsets are held; a value is read from the file when asked for.
 */
final class GsoIndex {
    private final boolean[] variables;
    private final long[] keys;
    private final long[] positions;
    private final int size;

    private GsoIndex(boolean[] variables, long[] keys, long[] positions, int size) {
        this.variables = variables;
        this.keys = keys;
        this.positions = positions;
        this.size = size;
    }

    /** Receives the key and file offset of one GSO record. */
    interface Sink {
        void accept(long key, long position);
    }

    /** @return the sort key of (v, o), both 1-based: observation-major, as GSOs are ordered */
    static long key(DtaLayout d, long v, long o) {
        return (o - 1) * d.k + (v - 1);
    }

    /**
     * Walks the {@code <strls>} section from its first record, checking each GSO header (v names a strL
     * variable, 1 &lt;= o &lt;= N, type 129 or 130, contents within the file, records in ascending
     * (o, v) order with none repeated), and passes the wanted ones to {@code sink}.
     *
     * @param wanted variables to report (0-based), or null for none
     * @return the number of records
     */
    static long walk(DtaInput in, DtaLayout d, boolean[] wanted, Sink sink) {
        in.seek(d.strlsStart);
        long previous = -1;
        long count = 0;
        while (in.lookingAt("GSO")) {
            long at = in.position();
            in.skip(3);
            long v = in.u32();
            long o = d.gsoOLength() == 4 ? in.u32() : in.u64();
            int type = in.u8();
            long length = in.u32();
            if (v < 1 || v > d.k || d.types[(int) (v - 1)] != StataStorageType.STRL) {
                throw in.error(at).problem("GSO record for a variable that is not a strL")
                        .found("v = " + v).expected("the number (1.." + d.k + ") of a strL variable").build();
            }
            if (o < 1 || o > d.n) {
                throw in.error(at).problem("GSO record for an observation outside the data")
                        .found("o = " + Long.toUnsignedString(o)).expected("1.." + d.n).build();
            }
            if (type != 129 && type != 130) {
                throw in.error(at + 3 + 4 + d.gsoOLength()).problem("bad GSO type").found(String.valueOf(type))
                        .expected("129 (binary) or 130 (text)").build();
            }
            long key = key(d, v, o);
            if (key <= previous) {
                throw in.error(at).problem("GSO records out of order or repeated")
                        .found("(v,o) = (" + v + "," + o + ") after a later or equal one")
                        .expected("records in ascending (o, v) order, each defined once").build();
            }
            previous = key;
            in.skip(length);
            if (wanted != null && wanted[(int) (v - 1)]) {
                sink.accept(key, at);
            }
            count++;
        }
        return count;
    }

    /** Indexes the GSO records of the given variables (0-based flags, copied). */
    static GsoIndex build(DtaInput in, DtaLayout d, boolean[] variables) {
        boolean[] vars = variables.clone();
        long[][] keys = {new long[16]};
        long[][] positions = {new long[16]};
        int[] size = {0};
        walk(in, d, vars, (key, position) -> {
            if (size[0] == keys[0].length) {
                keys[0] = Arrays.copyOf(keys[0], size[0] * 2);
                positions[0] = Arrays.copyOf(positions[0], size[0] * 2);
            }
            keys[0][size[0]] = key;
            positions[0][size[0]] = position;
            size[0]++;
        });
        return new GsoIndex(vars, keys[0], positions[0], size[0]);
    }

    /** @return whether the records of variable {@code v} (0-based) are indexed */
    boolean covers(int v) {
        return variables[v];
    }

    /** @return the variables indexed, as 0-based flags (a copy) */
    boolean[] variables() {
        return variables.clone();
    }

    /** @return the file offset of the GSO record with this key, or -1 */
    long find(long key) {
        int i = Arrays.binarySearch(keys, 0, size, key);
        return i >= 0 ? positions[i] : -1;
    }
}
