package org.pluralstats.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which options of a choice item are the same option across groups. With a codebook, or when the
 * groups share option texts (one language), options are the stored values themselves. Translated
 * forms without a codebook store each group's own wording; then options are matched by the Latin
 * letters and digits that set an option apart from the other options of its group ({@code A} in
 * "النموذج A: …", "模型 A：…", "Model A: the highest accuracy…"): each option of each group must
 * match exactly one option of the group with the most options, one to one. When that fails the
 * options are not aligned and no cross-group test or table share is computed.
 */
final class OptionAlignment {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");

    private OptionAlignment() {
    }

    /**
     * @param optionsByGroup per group, the options it used (stored values, in a stable order)
     * @param declared the item's declared option order (codebook), possibly empty
     * @return stored value to canonical option, for every group's options; empty when not alignable
     */
    static Optional<Map<String, String>> align(Map<String, List<String>> optionsByGroup, List<String> declared) {
        Map<String, String> identity = new LinkedHashMap<>();
        optionsByGroup.values().forEach(l -> l.forEach(o -> identity.put(o, o)));
        if (!declared.isEmpty() || optionsByGroup.size() < 2 || sharesTexts(optionsByGroup)) {
            return Optional.of(identity);
        }
        String reference = null;
        for (Map.Entry<String, List<String>> e : optionsByGroup.entrySet()) {
            if (reference == null || e.getValue().size() > optionsByGroup.get(reference).size()) {
                reference = e.getKey();
            }
        }
        List<String> refOptions = optionsByGroup.get(reference);
        List<Set<String>> refTokens = distinguishing(refOptions);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (List<String> options : optionsByGroup.values()) {
            List<Set<String>> tokens = distinguishing(options);
            Set<Integer> used = new HashSet<>();
            for (int i = 0; i < options.size(); i++) {
                int match = -1;
                for (int j = 0; j < refOptions.size(); j++) {
                    Set<String> common = new HashSet<>(tokens.get(i));
                    common.retainAll(refTokens.get(j));
                    if (!common.isEmpty()) {
                        if (match >= 0) {
                            return Optional.empty();
                        }
                        match = j;
                    }
                }
                if (match < 0 || !used.add(match)) {
                    return Optional.empty();
                }
                mapping.put(options.get(i), refOptions.get(match));
            }
        }
        return Optional.of(mapping);
    }

    private static boolean sharesTexts(Map<String, List<String>> optionsByGroup) {
        List<List<String>> lists = new ArrayList<>(optionsByGroup.values());
        for (int a = 0; a < lists.size(); a++) {
            for (int b = a + 1; b < lists.size(); b++) {
                for (String o : lists.get(a)) {
                    if (lists.get(b).contains(o)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Per option, its Latin tokens that no other option of the same group contains. */
    private static List<Set<String>> distinguishing(List<String> options) {
        List<Set<String>> all = new ArrayList<>();
        for (String o : options) {
            Set<String> t = new HashSet<>();
            Matcher m = TOKEN.matcher(o);
            while (m.find()) {
                t.add(m.group().toLowerCase(Locale.ROOT));
            }
            all.add(t);
        }
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Set<String> own = new HashSet<>(all.get(i));
            for (int j = 0; j < all.size(); j++) {
                if (j != i) {
                    own.removeAll(all.get(j));
                }
            }
            out.add(own);
        }
        return out;
    }
}
