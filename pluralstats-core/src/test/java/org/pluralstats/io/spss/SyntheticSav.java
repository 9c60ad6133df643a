package org.pluralstats.io.spss;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes small system files field by field, for tests that need a particular (often malformed)
 * record. Layout per the PSPP manual's "System File Format" appendix.
 */
final class SyntheticSav {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    SyntheticSav(boolean bigEndian) {
        order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    SyntheticSav() {
        this(false);
    }

    int size() {
        return out.size();
    }

    /** The 176-byte file header. */
    SyntheticSav header(String magic, int nominalCaseSize, int compression, int cases) {
        text(magic, 4);
        text("@(#) SPSS DATA FILE pluralstats synthetic test file", 60);
        int32(2);
        int32(nominalCaseSize);
        int32(compression);
        int32(0);
        int32(cases);
        flt64(100.0);
        text("01 Jan 24", 9);
        text("10:00:00", 8);
        text("synthetic", 64);
        text("", 3);
        return this;
    }

    /** A variable record without missing values: type 0 numeric, 1-255 string width, -1 continuation. */
    SyntheticSav variable(int type, String name, String label) {
        int32(2);
        int32(type);
        int32(label == null ? 0 : 1);
        int32(0);
        int32(type == 0 ? 0x050800 : 0x010000 | (Math.max(type, 0) << 8));
        int32(type == 0 ? 0x050800 : 0x010000 | (Math.max(type, 0) << 8));
        text(name, 8);
        if (label != null) {
            byte[] b = label.getBytes(StandardCharsets.UTF_8);
            int32(b.length);
            bytes(b);
            bytes(new byte[(4 - b.length % 4) % 4]);
        }
        return this;
    }

    /** A string variable of width > 8 with its continuation records. */
    SyntheticSav longString(int width, String name) {
        variable(width, name, null);
        for (int i = 1; i < (width + 7) / 8; i++) {
            variable(-1, "", null);
        }
        return this;
    }

    /** A type 3 record with numeric values and its type 4 record. */
    SyntheticSav valueLabels(double[] values, String[] labels, int... dictionaryIndexes) {
        int32(3);
        int32(values.length);
        for (int i = 0; i < values.length; i++) {
            flt64(values[i]);
            byte[] b = labels[i].getBytes(StandardCharsets.UTF_8);
            out.write(b.length);
            bytes(b);
            bytes(new byte[(8 - (b.length + 1) % 8) % 8]);
        }
        int32(4);
        int32(dictionaryIndexes.length);
        for (int i : dictionaryIndexes) {
            int32(i);
        }
        return this;
    }

    /** A type 7 record with byte-string contents. */
    SyntheticSav extension(int subtype, byte[] body) {
        int32(7);
        int32(subtype);
        int32(1);
        int32(body.length);
        bytes(body);
        return this;
    }

    SyntheticSav encoding(String name) {
        return extension(20, name.getBytes(StandardCharsets.US_ASCII));
    }

    SyntheticSav end() {
        int32(999);
        int32(0);
        return this;
    }

    SyntheticSav int32(int v) {
        bytes(ByteBuffer.allocate(4).order(order).putInt(v).array());
        return this;
    }

    SyntheticSav int64(long v) {
        bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
        return this;
    }

    SyntheticSav flt64(double v) {
        bytes(ByteBuffer.allocate(8).order(order).putDouble(v).array());
        return this;
    }

    SyntheticSav text(String s, int width) {
        byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.UTF_8), width);
        for (int i = s.getBytes(StandardCharsets.UTF_8).length; i < width; i++) {
            b[i] = ' ';
        }
        return bytes(b);
    }

    SyntheticSav bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    SyntheticSav bytes(int... b) {
        for (int x : b) {
            out.write(x);
        }
        return this;
    }

    /** ZLIB header, one zlib block holding {@code data}, and the trailer. */
    SyntheticSav zlibData(byte[] data) {
        long zheader = out.size();
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 1024];
        int n = d.deflate(buf);
        d.end();
        long ztrailer = zheader + 24 + n;
        int64(zheader);
        int64(ztrailer);
        int64(48);
        bytes(Arrays.copyOf(buf, n));
        int64(-100);
        int64(0);
        int32(0x3ff000);
        int32(1);
        int64(zheader);
        int64(zheader + 24);
        int32(data.length);
        int32(n);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** @return a copy of {@code b} with a little-endian int32 written at {@code offset} */
    static byte[] patchInt32(byte[] b, int offset, int value) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return c;
    }

    /** @return the offset of the first occurrence of {@code needle} in {@code b} at or after {@code from} */
    static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
