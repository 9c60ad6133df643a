package org.pluralstats.data;

/** Levenshtein distance, for "did you mean" suggestions. */
public final class EditDistance {
    /**
     * The names nearest to a name that was not found, by case-insensitive Levenshtein distance, ties
     * in alphabetical order.
     *
     * @param name the name asked for
     * @param names the names that exist
     * @param limit how many to return at most
     * @return the closest names
     */
    public static java.util.List<String> closest(String name, java.util.Collection<String> names, int limit) {
        String k = name.toLowerCase(java.util.Locale.ROOT);
        return names.stream()
                .sorted(java.util.Comparator.comparingInt((String s) -> levenshtein(k, s.toLowerCase(java.util.Locale.ROOT)))
                        .thenComparing(s -> s))
                .limit(limit).toList();
    }

    private EditDistance() {
    }

    /**
     * The Levenshtein distance: the fewest single-character insertions, deletions and substitutions
     * turning {@code a} into {@code b} (Levenshtein 1966), by the two-row dynamic programme.
     *
     * @param a first string
     * @param b second string
     * @return the distance, 0 when equal
     */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
