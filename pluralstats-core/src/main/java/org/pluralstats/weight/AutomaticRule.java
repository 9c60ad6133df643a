package org.pluralstats.weight;

/**
 * A binarisation that derives an item's positive codes from the data instead of listing them.
 */
public enum AutomaticRule {
    /**
     * The rule of the seed paper's released code ({@code scripts/process_wvs.py} of
     * jhrystrom/multicultural-alignment; see {@code shared/reference-data/README.md}): codes ≤ 0 are
     * missing; with {@code max} the item's largest code over the pooled file, maximum 3 → positive =
     * {1}; maximum 10 → positive = 6…10; otherwise positive = codes ≤ ⌊max/2⌋ (so the neutral middle
     * of a 5-point scale is not positive); item E035 (any id starting with {@code E035}) is reversed.
     * The released code keeps only items whose maximum is between 2 and 11; an item outside that range
     * is an error when named, and skipped when items are chosen automatically.
     */
    PAPER,
    /**
     * For items with a declared {@link org.pluralstats.data.Scale} (Google Forms linear scales): the
     * points beyond the scale's midpoint in its direction of agreement are positive (1–10 ascending →
     * 6…10; 1–5 ascending → 4, 5); the midpoint itself is not.
     */
    SCALE_MIDPOINT
}
