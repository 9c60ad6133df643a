package org.pluralstats.align;

import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;

/**
 * How many statements of one generation were labelled pro, con and null, and the generation's value
 * polarity score, Eq. 2 of seed paper 003:
 *
 * <pre>
 *   VPS_LLM(q, g) = #pro / (#pro + #con)
 * </pre>
 *
 * undefined when the generation has no pro or con statement (such generations are dropped and
 * counted). Example from the paper: 7 pro, 1 con, 2 null give 7/8 = 0.875.
 *
 * @param pro statements labelled pro
 * @param con statements labelled con
 * @param none statements labelled null
 */
public record StanceCounts(int pro, int con, int none) {

    /** Checks the counts are non-negative. */
    public StanceCounts {
        if (pro < 0 || con < 0 || none < 0) {
            throw new PluralstatsException("stance counts must be non-negative: " + pro + ", " + con + ", " + none);
        }
    }

    /**
     * @param stances the labels of a generation's statements
     * @return their counts
     */
    public static StanceCounts of(Iterable<Stance> stances) {
        int p = 0;
        int c = 0;
        int n = 0;
        for (Stance s : stances) {
            switch (s) {
                case PRO -> p++;
                case CON -> c++;
                case NULL -> n++;
            }
        }
        return new StanceCounts(p, c, n);
    }

    /** @return Eq. 2, {@code pro / (pro + con)}; empty when {@code pro + con = 0} */
    public OptionalDouble score() {
        int d = pro + con;
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of(pro / (double) d);
    }

    /** @return all statements, {@code pro + con + none} */
    public int total() {
        return pro + con + none;
    }
}
