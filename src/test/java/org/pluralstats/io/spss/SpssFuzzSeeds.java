package org.pluralstats.io.spss;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.pluralstats.io.RecordMutationFuzzer;
import org.pluralstats.io.RecordMutationFuzzer.CountField;
import org.pluralstats.io.RecordMutationFuzzer.Seed;
import org.pluralstats.io.RecordMutationFuzzer.Span;

/** SPSS fixtures as {@link RecordMutationFuzzer} seeds, and the opener of in-memory system files. */
public final class SpssFuzzSeeds {
    private SpssFuzzSeeds() {
    }

    /** @return opens a system file held in memory, with its length known */
    public static RecordMutationFuzzer.Opener opener() {
        return (b, n) -> SpssReader.open(b, n);
    }

    /**
     * Locates the records and case-count fields of a fixture, following the PSPP manual's "System File
     * Format": the 176-byte header, then records of types 2, 3 (with its type 4), 6 and 7 up to the
     * termination record 999.
     */
    public static Seed seed(String name) {
        byte[] b = SpssFixtures.bytes(name);
        ByteBuffer in = ByteBuffer.wrap(b);
        int layout = in.order(ByteOrder.LITTLE_ENDIAN).getInt(64);
        boolean big = layout != 2 && layout != 3;
        in.order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        List<Span> records = new ArrayList<>();
        List<CountField> counts = new ArrayList<>();
        counts.add(new CountField(80, 4, big));
        records.add(new Span(0, 176));
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
                        counts.add(new CountField(o + 24, 8, big));
                    }
                    o += 16 + in.getInt(o + 8) * in.getInt(o + 12);
                }
                case 999 -> o += 8;
                default -> throw new IllegalStateException(name + ": record type " + type + " at " + o);
            }
            records.add(new Span(start, o));
            if (type == 999) {
                break;
            }
        }
        boolean declares = in.getInt(80) >= 0;
        for (CountField c : counts) {
            declares |= c.size() == 8 && in.getLong(c.offset()) >= 0;
        }
        return new Seed(name, b, records, o, counts, declares);
    }
}
