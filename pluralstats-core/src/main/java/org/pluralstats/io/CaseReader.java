package org.pluralstats.io;

import java.io.Closeable;

/**
 * A streaming reader over the cases (rows) of one data file. Usage:
 * <pre>{@code
 * try (CaseReader r = SurveyFiles.open(path)) {
 *     r.select(new int[] {3, 7});          // optional: decode only these variables
 *     while (r.next()) {
 *         double x = r.number(3);          // NaN when system-missing or Stata .a-.z
 *         char tag = r.missingTag(3);      // 0, '.', or 'a'..'z'
 *     }
 * }
 * }</pre>
 *
 * <p>Values are returned raw: SPSS user-missing values come back as their numbers and the caller
 * consults {@link Variable#missing()}. Any structural problem in the file is a
 * {@link org.pluralstats.SurveyFormatException} naming the file, byte offset and record; a reader
 * never ends early as if the file were whole (a file shorter than its declared case count is an error).
 */
public interface CaseReader extends Closeable {

    /** @return the file's dictionary, available as soon as the reader is open */
    FileDictionary dictionary();

    /**
     * Restricts decoding to these variables (0-based indices into the dictionary). Call before the
     * first {@link #next()}. Accessing an unselected variable afterwards throws
     * {@link IllegalStateException}. By default every variable is decoded.
     *
     * @param variableIndexes the variables the caller will read
     */
    void select(int[] variableIndexes);

    /**
     * Advances to the next case.
     *
     * @return false after the last case
     */
    boolean next();

    /**
     * @return the declared case count, or, when the header does not declare one, an estimate (e.g.
     *     from the file size) for sizing arrays; -1 when nothing is known
     */
    default long estimatedRows() {
        return dictionary().rows();
    }

    /**
     * Reads the next cases into a batch, column by column: up to {@link CaseBatch#capacity()} cases,
     * of the batch's variables (which must be selected). The current case afterwards is the last one
     * read. Readers of fixed-width formats override this to decode a column of a block of rows at a
     * time; the default reads case by case.
     *
     * @param batch the batch to fill
     * @return the cases read; 0 at the end of the file
     */
    default int nextBatch(CaseBatch batch) {
        int n = 0;
        int width = batch.width();
        while (n < batch.capacity() && next()) {
            for (int j = 0; j < width; j++) {
                int v = batch.variable(j);
                if (batch.isNumeric(j)) {
                    double x = number(v);
                    batch.numbers(j)[n] = x;
                    batch.tags(j)[n] = Double.isNaN(x) ? (byte) missingTag(v) : 0;
                } else {
                    batch.strings(j)[n] = string(v);
                }
            }
            n++;
        }
        batch.setSize(n);
        return n;
    }

    /** @return 0-based index of the current case */
    long caseIndex();

    /**
     * @param variable variable index
     * @return the numeric value of the current case; NaN when system-missing (SPSS sysmis, Stata {@code .}
     *     and {@code .a}-{@code .z}, empty CSV cell)
     */
    double number(int variable);

    /**
     * @param variable variable index
     * @return 0 when the value is present, {@code '.'} for system-missing, {@code 'a'}..{@code 'z'} for
     *     Stata extended missing values
     */
    char missingTag(int variable);

    /**
     * @param variable variable index of a string variable
     * @return the string value of the current case with trailing blanks (and NULs) removed, except for
     *     Stata {@code strL} values, which are returned exactly as stored (as R haven and pandas do)
     */
    String string(int variable);

    /**
     * What the reader noticed so far and worked around (data past the declared case count, a fallback
     * code page, ...). Complete once {@link #next()} has returned false. Readers keep at most a bounded
     * number of warnings and end the list with one that counts the rest.
     *
     * @return the warnings, in the order they arose; empty by default
     */
    default java.util.List<ReadWarning> warnings() {
        return java.util.List.of();
    }

    /** Releases the file. */
    @Override
    void close();
}
