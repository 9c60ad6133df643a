package org.pluralstats.data;

/** What kind of answer an item collects; decides its column type and its summaries. */
public enum ItemKind {
    /** Ordered integer points on a rating or agreement scale (Likert, 1-10, WVS codes). */
    SCALE,
    /** One option out of a list (radio button, drop-down). */
    CHOICE,
    /** Any number of options out of a list (checkboxes). */
    MULTI_CHOICE,
    /** Free text. */
    TEXT,
    /** A measured number that is not a scale point (age, weight, income). */
    NUMERIC;

    /** @return the lower-case name used in JSON output ({@code scale}, {@code choice}, {@code multi}, {@code text}, {@code numeric}) */
    public String jsonName() {
        return this == MULTI_CHOICE ? "multi" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
