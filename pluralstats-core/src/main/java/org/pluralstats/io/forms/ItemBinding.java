package org.pluralstats.io.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.Scale;

/**
 * One item of the combined survey and the column that holds it in each group's file (-1 where the
 * file lacks it). Built either by position (no codebook: the k-th question column of every file is
 * {@code Qk}, its kind inferred from the answers of all groups) or by the codebook's headers.
 */
final class ItemBinding {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    /** Linear scales tried, in order, when a column of integers has no declared scale. */
    static final List<Scale> STANDARD_SCALES = List.of(Scale.of(1, 5), Scale.of(1, 7), Scale.of(1, 10),
            Scale.of(0, 5), Scale.of(0, 10));

    final Item item;
    final int[] columns;
    /** The codebook item, or null when aligned by position. */
    final CodebookItem codebookItem;
    /**
     * Checkbox options known without a codebook, for re-joining {@code ", "}-split answers: the
     * options of Download-style files of the item, which are unambiguous ({@code ;}-joined).
     */
    final Set<String> knownOptions;
    /** The most {@code ", "} separators inside one of {@link #knownOptions} (they hold no {@code ;}). */
    private final int knownCommaSeparators;

    private ItemBinding(Item item, int[] columns, CodebookItem codebookItem, Set<String> knownOptions) {
        this.item = item;
        this.columns = columns;
        this.codebookItem = codebookItem;
        this.knownOptions = knownOptions;
        this.knownCommaSeparators = OptionSplitter.maxSeparators(knownOptions, ", ");
    }

    /**
     * @param separator {@code ";"} or {@code ", "}
     * @return the most separators inside one of {@link #knownOptions}
     */
    int knownSeparators(String separator) {
        return separator.equals(", ") ? knownCommaSeparators : OptionSplitter.maxSeparators(knownOptions, separator);
    }

    ItemKind kind() {
        return item.kind();
    }

    /**
     * Aligns the files by position and infers each item's kind.
     *
     * @throws SurveyFormatException when the files have different numbers of question columns
     */
    static List<ItemBinding> byPosition(List<FormFile> forms) {
        FormFile first = forms.get(0);
        List<Integer> firstColumns = first.questionColumns();
        int k = firstColumns.size();
        List<List<Integer>> columnsPerForm = new ArrayList<>();
        for (FormFile f : forms) {
            List<Integer> q = f.questionColumns();
            if (q.size() != k) {
                String problem = "this form has " + q.size() + " question columns, the first form (" + first.file
                        + ", group " + first.group + ") has " + k;
                String expected = "the same questions in the same order in every translated form (metadata columns "
                        + "aside), or a codebook that maps each form's headers";
                if (q.size() > k) {
                    throw f.atHeader(q.get(k)).problem(problem + "; this column has no counterpart there")
                            .expected(expected).build();
                }
                int last = q.isEmpty() ? 0 : q.get(q.size() - 1);
                throw f.atHeader(last).problem(problem + "; nothing here matches its question " + (q.size() + 1)
                        + " \"" + first.header(firstColumns.get(q.size())) + "\"").expected(expected).build();
            }
            columnsPerForm.add(q);
        }
        List<ItemBinding> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int[] cols = new int[forms.size()];
            for (int g = 0; g < forms.size(); g++) {
                cols[g] = columnsPerForm.get(g).get(j);
            }
            out.add(infer("Q" + (j + 1), first.header(cols[0]), forms, cols));
        }
        return out;
    }

    private static ItemBinding infer(String id, String label, List<FormFile> forms, int[] cols) {
        boolean multi = false;
        for (int g = 0; g < forms.size() && !multi; g++) {
            FormFile f = forms.get(g);
            for (int r = 0; r < f.rows() && !multi && f.style == ExportStyle.DOWNLOAD; r++) {
                multi = f.cell(r, cols[g]).indexOf(';') >= 0;
            }
        }
        Set<String> known = new HashSet<>();
        boolean anySheet = false;
        for (int g = 0; g < forms.size(); g++) {
            anySheet |= forms.get(g).style == ExportStyle.SHEET;
        }
        if (multi || anySheet) {
            for (int g = 0; g < forms.size(); g++) {
                FormFile f = forms.get(g);
                for (int r = 0; r < f.rows() && f.style == ExportStyle.DOWNLOAD; r++) {
                    for (String piece : f.cell(r, cols[g]).split(";")) {
                        if (!piece.isBlank()) {
                            known.add(piece.trim());
                        }
                    }
                }
            }
        }
        // A Sheet-style answer made of other answers of the column (or of options seen in a
        // Download-style file) joined with ", " shows a checkbox question.
        for (int g = 0; g < forms.size() && !multi; g++) {
            FormFile f = forms.get(g);
            if (f.style != ExportStyle.SHEET) {
                continue;
            }
            Set<String> values = new HashSet<>(known);
            for (int r = 0; r < f.rows(); r++) {
                String v = f.cell(r, cols[g]).trim();
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
            // A part of a composite is another value, so it holds at most as many separators as the
            // value with the most of them, other than the composite itself.
            int most = -1;
            int second = -1;
            String mostValue = null;
            for (String v : values) {
                int c = OptionSplitter.separators(v, ", ");
                if (c > most) {
                    second = most;
                    most = c;
                    mostValue = v;
                } else if (c > second) {
                    second = c;
                }
            }
            for (String v : values) {
                multi |= v.contains(", ") && isComposite(v, values, v.equals(mostValue) ? second : most);
            }
        }
        if (multi) {
            return new ItemBinding(Item.multiChoice(id, label, List.of()), cols, null, Set.copyOf(known));
        }
        boolean allInteger = true;
        boolean allNumber = true;
        int nonEmpty = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int g = 0; g < forms.size(); g++) {
            FormFile f = forms.get(g);
            for (int r = 0; r < f.rows(); r++) {
                String v = TextKey.asciiDigits(f.cell(r, cols[g]).trim());
                if (v.isEmpty()) {
                    continue;
                }
                nonEmpty++;
                if (isInteger(v)) {
                    long x = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                } else {
                    allInteger = false;
                    allNumber &= DECIMAL.matcher(v).matches();
                }
            }
        }
        if (nonEmpty > 0 && allInteger) {
            for (Scale s : STANDARD_SCALES) {
                if (s.min() <= min && max <= s.max()) {
                    return new ItemBinding(Item.scale(id, label, s), cols, null, Set.of());
                }
            }
            return new ItemBinding(Item.numeric(id, label, Map.of()), cols, null, Set.of());
        }
        if (nonEmpty > 0 && allNumber) {
            return new ItemBinding(Item.numeric(id, label, Map.of()), cols, null, Set.of());
        }
        return new ItemBinding(Item.choice(id, label, List.of()), cols, null, Set.of());
    }

    /** @return whether the text is an optionally signed integer of at most 9 ASCII digits */
    static boolean isInteger(String v) {
        int start = !v.isEmpty() && (v.charAt(0) == '+' || v.charAt(0) == '-') ? 1 : 0;
        int digits = v.length() - start;
        if (digits < 1 || digits > 9) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a Sheet-style answer is several answers of the same column joined with {@code ", "}:
     * it splits at {@code ", "} into two or more parts, each of which is another answer of the column.
     */
    static boolean isComposite(String value, Set<String> values, int maxSeparators) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int at = value.indexOf(", "); at >= 0; at = value.indexOf(", ", at + 2)) {
            cuts.add(at);
        }
        if (cuts.size() < 2) {
            return false;
        }
        cuts.add(value.length());
        // reach[j]: value[0 .. cut j) splits into known parts
        boolean[] reach = new boolean[cuts.size()];
        reach[0] = true;
        for (int j = 1; j < cuts.size(); j++) {
            // a part holding at most maxSeparators separators spans at most maxSeparators + 2 cuts
            for (int i = (int) Math.max(0, j - 2L - Math.max(0, maxSeparators)); i < j && !reach[j]; i++) {
                if (!reach[i] || i == 0 && j == cuts.size() - 1) {
                    continue;
                }
                int from = i == 0 ? 0 : cuts.get(i) + 2;
                if (from <= cuts.get(j) && values.contains(value.substring(from, cuts.get(j)).trim())) {
                    reach[j] = true;
                }
            }
        }
        return reach[cuts.size() - 1];
    }

    /** A file's match with the codebook: column bindings and the language most of its headers are in. */
    record CodebookMatch(Map<String, Integer> columnByItem, Optional<String> language) {
    }

    /**
     * Matches each file's question columns with the codebook's headers.
     *
     * @throws SurveyFormatException for a question column the codebook does not know, or two columns
     *         matching one item
     */
    static List<ItemBinding> byCodebook(List<FormFile> forms, Codebook codebook, List<CodebookMatch> matches) {
        for (FormFile f : forms) {
            Map<String, Integer> byItem = new LinkedHashMap<>();
            Map<String, Integer> languageVotes = new LinkedHashMap<>();
            for (int c : f.questionColumns()) {
                String h = f.doc.header[c];
                Optional<Codebook.HeaderMatch> m = codebook.matchHeader(h);
                if (m.isEmpty()) {
                    if (codebook.isIgnored(h)) {
                        continue;
                    }
                    throw f.atHeader(c).problem("a question that is not in the codebook " + codebook.source())
                            .expected("a header listed under an item's \"headers\", or listed under \"ignore\"")
                            .build();
                }
                Integer prev = byItem.put(m.get().item().id(), c);
                if (prev != null) {
                    throw f.atHeader(c).problem("this column and column \"" + f.header(prev) + "\" both match item "
                            + m.get().item().id() + " of the codebook").expected("one column per item").build();
                }
                for (String lang : m.get().languages()) {
                    languageVotes.merge(lang, 1, Integer::sum);
                }
            }
            Optional<String> language = languageVotes.entrySet().stream()
                    .reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(Map.Entry::getKey);
            matches.add(new CodebookMatch(byItem, language));
        }
        List<ItemBinding> out = new ArrayList<>();
        for (CodebookItem ci : codebook.items()) {
            int[] cols = new int[forms.size()];
            String label = ci.label().orElse(null);
            for (int g = 0; g < forms.size(); g++) {
                Integer c = matches.get(g).columnByItem().get(ci.id());
                cols[g] = c == null ? -1 : c;
                if (label == null && c != null) {
                    label = forms.get(g).header(c);
                }
            }
            if (label == null) {
                label = ci.headers().values().iterator().next();
            }
            label = PersonalData.mask(label);
            Item item = switch (ci.kind()) {
                case SCALE -> Item.scale(ci.id(), label, ci.scale().orElseThrow());
                case CHOICE -> Item.choice(ci.id(), label, ci.codes());
                case MULTI_CHOICE -> Item.multiChoice(ci.id(), label, ci.codes());
                case TEXT -> Item.text(ci.id(), label);
                case NUMERIC -> Item.numeric(ci.id(), label, Map.of());
            };
            out.add(new ItemBinding(item, cols, ci, Set.of()));
        }
        return out;
    }
}
