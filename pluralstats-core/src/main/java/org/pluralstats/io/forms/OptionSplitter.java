package org.pluralstats.io.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a checkbox answer into the options ticked. Google joins them with {@code ;} in "Download
 * responses" and with {@code ", "} in the Sheet, and neither escapes a separator inside an option
 * ({@code Copilot, or another Microsoft assistant}). So the pieces between separators are re-joined
 * where they form a known option: from left to right, the longest run of pieces that is a known option
 * is taken; a piece that starts no known option stands alone, or, with {@code joinUnknown}, together
 * with the unknown pieces that follow it (the free text of an "Other" answer).
 *
 * <p>A known option holding at most {@code m} separators spans at most {@code m + 2} pieces (one more
 * for a separator whose blank is trimmed off the end), so only runs that long are tried: the time is
 * linear in the number of pieces for options without separators, and never cubic (a cell of 10,000
 * ticked options used to take minutes).
 */
final class OptionSplitter {
    private OptionSplitter() {
    }

    /**
     * @param cell the answer
     * @param separator {@code ";"} or {@code ", "}
     * @param known whether a trimmed text is a known option
     * @param maxSeparators the largest number of separators inside one known option (see
     *        {@link #separators(String, String)})
     * @param joinUnknown whether consecutive unknown pieces form one option
     * @return the options, trimmed, empty pieces dropped, in answer order
     */
    static List<String> split(String cell, String separator, Predicate<String> known, int maxSeparators,
            boolean joinUnknown) {
        List<int[]> pieces = new ArrayList<>();
        int start = 0;
        while (true) {
            int at = cell.indexOf(separator, start);
            if (at < 0) {
                pieces.add(new int[] {start, cell.length()});
                break;
            }
            pieces.add(new int[] {start, at});
            start = at + separator.length();
        }
        List<String> out = new ArrayList<>();
        int unknownFrom = -1;
        int i = 0;
        while (i < pieces.size()) {
            int taken = -1;
            int last = (int) Math.min(pieces.size() - 1L, i + (long) maxSeparators + 1);
            for (int j = last; j >= i; j--) {
                if (known.test(cell.substring(pieces.get(i)[0], pieces.get(j)[1]).trim())) {
                    taken = j;
                    break;
                }
            }
            if (taken < 0) {
                if (!joinUnknown) {
                    add(out, cell.substring(pieces.get(i)[0], pieces.get(i)[1]));
                } else if (unknownFrom < 0) {
                    unknownFrom = pieces.get(i)[0];
                }
                i++;
                continue;
            }
            if (unknownFrom >= 0) {
                add(out, cell.substring(unknownFrom, pieces.get(i - 1)[1]));
                unknownFrom = -1;
            }
            add(out, cell.substring(pieces.get(i)[0], pieces.get(taken)[1]));
            i = taken + 1;
        }
        if (unknownFrom >= 0) {
            add(out, cell.substring(unknownFrom));
        }
        return out;
    }

    /**
     * @param text an option text
     * @param separator the separator
     * @return how many times the separator occurs in the text, without overlaps
     */
    static int separators(String text, String separator) {
        int n = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + separator.length())) {
            n++;
        }
        return n;
    }

    /**
     * @param texts option texts
     * @param separator the separator
     * @return the largest {@link #separators(String, String)} of the texts, 0 for none
     */
    static int maxSeparators(Iterable<String> texts, String separator) {
        int max = 0;
        for (String t : texts) {
            max = Math.max(max, separators(t, separator));
        }
        return max;
    }

    private static void add(List<String> out, String piece) {
        String t = piece.trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
