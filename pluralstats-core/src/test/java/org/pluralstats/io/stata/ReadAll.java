package org.pluralstats.io.stata;

import java.nio.file.Path;

import org.pluralstats.io.Variable;

/** Reads a whole file through every accessor, as a hostile-input test or the fuzzer does. */
final class ReadAll {
    private ReadAll() {
    }

    /** @return the number of observations read */
    static long read(Path file) {
        return read(StataReader.open(file));
    }

    /** Reads a file's bytes from memory; {@code name} stands for the file in error messages. */
    static long read(byte[] bytes, String name) {
        return read(StataReader.open(new ByteArrayChannel(bytes), name));
    }

    private static long read(StataReader reader) {
        long rows = 0;
        try (StataReader r = reader) {
            int k = r.dictionary().variables().size();
            for (int v = 0; v < k; v++) {
                r.missingValueLabels(v);
                r.format(v);
                r.storageType(v);
            }
            while (r.next()) {
                for (Variable v : r.dictionary().variables()) {
                    if (v.isNumeric()) {
                        r.number(v.index());
                        r.missingTag(v.index());
                    } else {
                        r.string(v.index());
                    }
                }
                rows++;
            }
        }
        return rows;
    }
}
