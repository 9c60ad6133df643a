package org.pluralstats.io.stata;

/**
 * How a Stata variable is stored in a {@code .dta} file (Stata's {@code help dta}, section 5.3
 * "Variable types"; {@code help dta_115}, section 5.2 "typlist").
 */
public enum StataStorageType {
    /** 1-byte signed integer; nonmissing -127..100, {@code .} = 101, {@code .a}..{@code .z} = 102..127. */
    BYTE(true),
    /** 2-byte signed integer; nonmissing -32767..32740, {@code .} = 32741, {@code .a}.. = 32742... */
    INT(true),
    /** 4-byte signed integer; nonmissing -2,147,483,647..2,147,483,620, {@code .} = 2,147,483,621. */
    LONG(true),
    /** 4-byte IEEE float; values above {@code +1.fffffeX+7e} are missing ({@code .} = {@code +1.000X+7f}). */
    FLOAT(true),
    /** 8-byte IEEE double; values above {@code +1.fffffffffffffX+3fe} are missing. */
    DOUBLE(true),
    /** Fixed-width string {@code str#} of 1 to 2045 bytes (244 before release 117, 128 before 111), NUL-padded. */
    STRF(false),
    /** Long string {@code strL}: an 8-byte (v,o) reference into the {@code <strls>} section (release 117+). */
    STRL(false);

    private final boolean numeric;

    StataStorageType(boolean numeric) {
        this.numeric = numeric;
    }

    /** @return whether values of this type are numbers */
    public boolean isNumeric() {
        return numeric;
    }
}
