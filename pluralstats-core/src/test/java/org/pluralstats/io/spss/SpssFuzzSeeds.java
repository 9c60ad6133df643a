package org.pluralstats.io.spss;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.MutationFuzzer;
import org.pluralstats.io.MutationFuzzer.CountField;
import org.pluralstats.io.MutationFuzzer.Region;
import org.pluralstats.io.MutationFuzzer.Seed;
import org.pluralstats.io.Variable;

/**
 * SPSS fixtures as {@link MutationFuzzer} seeds, the opener of in-memory system files, and what counts
 * as the same rows for SPSS.
 */
public final class SpssFuzzSeeds {
    private SpssFuzzSeeds() {
    }

    /** @return opens a system file held in memory, with its length known */
    public static MutationFuzzer.Opener opener() {
        return (b, n) -> SpssReader.open(b, n);
    }

    /**
     * The rows as the SPSS fuzz test compares them: per case every number (exact bits; any missing value
     * as NaN) and every string with its blanks removed, with no separator, so that removing the very long
     * string record (which splits one value into its segments, as PSPP reads such a file) keeps the rows.
     * Names are not compared.
     *
     * @param r an open reader before its first case (read to the end)
     * @return what it gave
     */
    public static MutationFuzzer.Reading values(CaseReader r) {
        List<Variable> vars = r.dictionary().variables();
        StringBuilder sb = new StringBuilder();
        long cases = 0;
        while (r.next()) {
            for (Variable v : vars) {
                if (v.width() == 0) {
                    double x = r.number(v.index());
                    sb.append(Double.isNaN(x) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(x))).append('|');
                } else {
                    sb.append(r.string(v.index()).replace(" ", ""));
                }
            }
            sb.append('\n');
            cases++;
        }
        return new MutationFuzzer.Reading(sb.toString(), vars.size(), cases);
    }

    /**
     * Locates the records and case-count fields of a fixture, following the PSPP manual's "System File
     * Format": the 176-byte header, then records of types 2, 3 (with its type 4), 6 and 7 up to the
     * termination record 999. Point changes anywhere may make another valid file of the same shape (no
     * checksums; names, labels and values are stored facts), so the whole file is payload: they need the
     * original's shape, the structural mutations its rows.
     */
    public static Seed seed(String name) {
        byte[] b = SpssFixtures.bytes(name);
        ByteBuffer in = ByteBuffer.wrap(b);
        int layout = in.order(ByteOrder.LITTLE_ENDIAN).getInt(64);
        boolean big = layout != 2 && layout != 3;
        in.order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        List<Region> records = new ArrayList<>();
        List<CountField> counts = new ArrayList<>();
        ByteOrder order = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        counts.add(new CountField(80, 4, order));
        records.add(new Region(0, 176));
        int o = 176;
        while (true) {
            int start = o;
            int type = in.getInt(o);
            switch (type) {
                case 2 -> {
                    int hasLabel = in.getInt(o + 8);
                    int nMissing = in.getInt(o + 12);
                    o += 32;
                    if (hasLabel != 0) {
                        o += 4 + (in.getInt(o) + 3) / 4 * 4;
                    }
                    o += 8 * Math.abs(nMissing);
                }
                case 3 -> {
                    int n = in.getInt(o + 4);
                    o += 8;
                    for (int i = 0; i < n; i++) {
                        int len = b[o + 8] & 0xff;
                        o += 8 + (len + 1 + 7) / 8 * 8;
                    }
                    o += 8 + 4 * in.getInt(o + 4); // the type 4 record goes with it
                }
                case 6 -> o += 8 + 80 * in.getInt(o + 4);
                case 7 -> {
                    int subtype = in.getInt(o + 4);
                    if (subtype == 16) {
                        counts.add(new CountField(o + 24, 8, order));
                    }
                    o += 16 + in.getInt(o + 8) * in.getInt(o + 12);
                }
                case 999 -> o += 8;
                default -> throw new IllegalStateException(name + ": record type " + type + " at " + o);
            }
            records.add(new Region(start, o));
            if (type == 999) {
                break;
            }
        }
        boolean declares = in.getInt(80) >= 0;
        for (CountField c : counts) {
            declares |= c.width() == 8 && in.getLong((int) c.offset()) >= 0;
        }
        return new Seed(name, b, records, counts, List.of(new Region(0, b.length)), new Region(o, b.length), 0,
                declares);
    }
}
