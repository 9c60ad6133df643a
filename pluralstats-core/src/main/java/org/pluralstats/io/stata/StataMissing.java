package org.pluralstats.io.stata;

/**
 * Stata's missing-value codes ({@code help dta}, section 4 "Representation of numbers").
 *
 * <p>From release 113 on every numeric type has 27 codes, {@code .} and {@code .a}-{@code .z}: for
 * byte 101..127, int 32741..32767, long 2,147,483,621..2,147,483,647; for float every value above
 * {@code +1.fffffeX+7e} is missing and {@code .} = {@code 0x7f000000}, {@code .a} = {@code 0x7f000800},
 * ... (one code every {@code 0x800}); for double every value above {@code +1.fffffffffffffX+3fe} is
 * missing and {@code .} = {@code 0x7fe0000000000000}, with one code every {@code 2^40}. A float or
 * double between two codes belongs to the lower one (Stata's {@code .a_}); one above the {@code .z}
 * range, and any NaN or infinity, is reported as {@code .}.
 *
 * <p>Before release 113 there is only {@code .}: byte 127, int 32767, long 2,147,483,647, and every
 * float or double above the same maxima as later releases; releases 105 and earlier also wrote doubles
 * equal to 2<sup>333</sup> ({@link #OLD_DOUBLE_MISSING}) for {@code .}.
 */
final class StataMissing {
    /** Tag index 0 means {@code .}; 1..26 mean {@code .a}..{@code .z}. */
    static final int PRESENT = -1;

    /**
     * The bits of 2<sup>333</sup>, the double {@code .} of releases 105 and earlier (pandas'
     * {@code read_stata} maps it to missing; later releases use {@code 0x7fe0000000000000}).
     */
    static final long OLD_DOUBLE_MISSING = Double.doubleToRawLongBits(0x1.0p333);

    private StataMissing() {
    }

    static char tagChar(int index) {
        return index == 0 ? '.' : (char) ('a' + index - 1);
    }

    /**
     * @param type byte, int or long
     * @param extended whether the release has {@code .a}-{@code .z} (113 and later)
     * @return the largest value of the type that is not missing: every larger one is a missing code
     */
    static int largestPresent(StataStorageType type, boolean extended) {
        return switch (type) {
            case BYTE -> extended ? 100 : 126;
            case INT -> extended ? 32740 : 32766;
            case LONG -> extended ? 2_147_483_620 : 2_147_483_646;
            default -> throw new IllegalArgumentException("not an integer type: " + type);
        };
    }

    /** @return {@link #PRESENT} or the tag index of a byte value */
    static int byteTag(int v, boolean extended) {
        if (extended) {
            return v > 100 ? v - 101 : PRESENT;
        }
        return v > 126 ? 0 : PRESENT;
    }

    static int intTag(int v, boolean extended) {
        if (extended) {
            return v > 32740 ? v - 32741 : PRESENT;
        }
        return v > 32766 ? 0 : PRESENT;
    }

    static int longTag(int v, boolean extended) {
        if (extended) {
            return v > 2_147_483_620 ? v - 2_147_483_621 : PRESENT;
        }
        return v > 2_147_483_646 ? 0 : PRESENT;
    }

    static int floatTag(int bits, boolean extended) {
        if (bits > 0x7effffff) {
            if (!extended) {
                return 0;
            }
            int index = (bits - 0x7f000000) >>> 11;
            return index <= 26 ? index : 0;
        }
        float f = Float.intBitsToFloat(bits);
        return Float.isFinite(f) ? PRESENT : 0;
    }

    static int doubleTag(long bits, boolean extended) {
        if (bits > 0x7fdfffffffffffffL) {
            if (!extended) {
                return 0;
            }
            long index = (bits - 0x7fe0000000000000L) >>> 40;
            return index <= 26 ? (int) index : 0;
        }
        double d = Double.longBitsToDouble(bits);
        return Double.isFinite(d) ? PRESENT : 0;
    }

    /**
     * Value-label tables hold 4-byte integers; labels of missing values use the long codes.
     *
     * @return {@link #PRESENT} or the tag index of a value-label key
     */
    static int labelKeyTag(int v, boolean extended) {
        return longTag(v, extended);
    }
}
