package org.pluralstats.io.forms;

/**
 * The two ways a Google Forms response table reaches a CSV file. They differ in the timestamp and in
 * how checkbox answers are joined; the reader recognises the style of each file by itself.
 */
public enum ExportStyle {
    /**
     * Forms' "Download responses (.csv)": every field quoted, timestamps with a zone such as
     * {@code 2025/05/14 1:07:13 PM GMT+2}, checkbox answers joined with {@code ;}.
     */
    DOWNLOAD(";"),
    /**
     * The linked Google Sheet downloaded as CSV: fields quoted only when needed, timestamps in the
     * Sheet's locale without zone ({@code 8/4/2025 23:25:41}, {@code 14/05/2025 13:07:13}), checkbox
     * answers joined with {@code ", "}.
     */
    SHEET(", ");

    private final String checkboxSeparator;

    ExportStyle(String checkboxSeparator) {
        this.checkboxSeparator = checkboxSeparator;
    }

    /** @return the text that joins the options of a checkbox answer: {@code ";"} or {@code ", "} */
    public String checkboxSeparator() {
        return checkboxSeparator;
    }
}
