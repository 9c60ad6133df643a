package org.pluralstats.data;

import java.util.Arrays;
import java.util.Optional;

/** Per-row missing reasons for one column, allocated only once a row is missing. */
final class MissingMask {
    private static final MissingReason[] REASONS = MissingReason.values();

    private byte[] codes; // 0 = answered, else reason ordinal + 1; null while no row is missing
    private int missingCount;

    void set(int row, MissingReason reason, int capacity) {
        if (codes == null) {
            codes = new byte[Math.max(capacity, row + 1)];
        } else if (row >= codes.length) {
            codes = Arrays.copyOf(codes, Math.max(capacity, row + 1));
        }
        if (codes[row] == 0) {
            missingCount++;
        }
        codes[row] = (byte) (reason.ordinal() + 1);
    }

    MissingMask trimmed(int size) {
        MissingMask m = new MissingMask();
        if (codes != null) {
            m.codes = Arrays.copyOf(codes, size);
        }
        m.missingCount = missingCount;
        return m;
    }

    boolean isMissing(int row) {
        return codes != null && row < codes.length && codes[row] != 0;
    }

    Optional<MissingReason> reason(int row) {
        return isMissing(row) ? Optional.of(REASONS[codes[row] - 1]) : Optional.empty();
    }

    int count() {
        return missingCount;
    }
}
