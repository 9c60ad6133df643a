package org.pluralstats.io.forms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Column;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.MultiChoiceColumn;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Scale;
import org.pluralstats.data.SurveyData;
import org.pluralstats.data.TextColumn;

/**
 * Reads Google Forms response exports, one CSV per form (one form per language or group), into one
 * {@link SurveyData} with a {@value FormsSurvey#GROUP} attribute.
 *
 * <pre>{@code
 * LinkedHashMap<String, Path> files = new LinkedHashMap<>();
 * files.put("Arabic", Path.of("data-samples/pilot-survey/arabic.csv"));
 * files.put("English", Path.of("data-samples/pilot-survey/english.csv"));
 * FormsSurvey survey = GoogleFormsReader.read(files, FormsReadOptions.builder()
 *         .codebook(Codebook.read(Path.of("data-samples/pilot-survey/codebook.json"))).build());
 * SurveyData data = survey.data();               // items Q1..Q6 and the "group" attribute
 * Accounting arabic = survey.accounting("Arabic");
 * }</pre>
 *
 * <p><b>Files.</b> Both export styles ({@link ExportStyle}); UTF-8 with or without byte order mark; CRLF,
 * LF or CR line ends; quoted fields (headers too) may span lines. Metadata columns are recognised and
 * never become items: the timestamp (the first column, when its title is one of Google's localised
 * titles or its first value is a timestamp), e-mail address (a known title, or every answer an address)
 * and quiz score ({@code 4 / 5}).
 *
 * <p><b>Items.</b> Without a codebook the k-th non-metadata column of every file is item {@code Qk},
 * labelled with the first group's header; every file must have the same number of them. A grid
 * question's rows ({@code Title [Row]}) are columns, so each row is an item. The kind is inferred from
 * the answers of all groups together: a column with {@code ;}-joined answers in a Download-style file,
 * or with a Sheet-style answer that is other answers of the column joined by {@code ", "}, is a
 * checkbox item; a column of integers is a scale item on the smallest of 1–5, 1–7, 1–10, 0–5, 0–10
 * that holds them all (a numeric item if none does); a column of other numbers is numeric; anything
 * else, mixed columns included, is a single choice whose options are the texts as written in each
 * file. With a {@link Codebook}, columns are matched by header, kinds, scales and options come from
 * the codebook, choice answers are stored as option codes, and answers outside the scale or options
 * are errors. {@code docs/google-forms.md} states every rule.
 *
 * <p><b>Rows.</b> Every row is accounted for in the group's {@link Accounting}: kept, or excluded as
 * {@value #EMPTY_ROW} (no item answered), {@value #DUPLICATE_EMAIL} (the same address as an earlier
 * row of the file; the first is kept) or {@value #DUPLICATE_ANSWERS} (the same answers to every item
 * as a submission at most 2 minutes earlier, unless the two rows carry different e-mail addresses).
 * {@link FormsReadOptions#keepDuplicates()} keeps duplicates (they are still counted in
 * {@link FormsGroup#duplicatesFound()}). Respondent ids are {@code group:line}.
 *
 * <p><b>Errors.</b> Any malformed input — not UTF-8, empty, an unterminated quote, a row wider or
 * narrower than the header, an unreadable timestamp, different numbers of question columns without a
 * codebook, a header, answer or scale point the codebook does not allow — throws a
 * {@link SurveyFormatException} naming the file, line and column header, what was found and what was
 * expected; nothing is returned. E-mail addresses never appear in the data, labels or messages.
 */
public final class GoogleFormsReader {
    /** Exclusion reason: a row that answers no item. */
    public static final String EMPTY_ROW = "empty row";
    /** Exclusion reason: a later submission with the e-mail address of an earlier one. */
    public static final String DUPLICATE_EMAIL = "duplicate submission (same e-mail)";
    /** Exclusion reason: the same answers as a submission at most 2 minutes earlier. */
    public static final String DUPLICATE_ANSWERS = "duplicate submission (identical answers within 2 minutes)";
    /** Two submissions with identical answers at most this many seconds apart are one submission. */
    public static final long DUPLICATE_WINDOW_SECONDS = 120;
    /**
     * The largest export read, 256 MiB: an export is held in memory while it is read, and real ones
     * (Google Sheets holds at most 10 million cells) are far smaller; a larger file is refused before
     * it is read.
     */
    public static final long MAX_EXPORT_BYTES = 256L << 20;
    /**
     * The most columns in an export, 18,278: Google Sheets' own limit (columns A to ZZZ), so no export
     * of a form has more; a header with more is refused before its rows are kept.
     */
    public static final int MAX_COLUMNS = 18_278;

    private GoogleFormsReader() {
    }

    /**
     * Reads one export as a single group.
     *
     * @param group the group name (the value of the {@value FormsSurvey#GROUP} attribute)
     * @param file the CSV export
     * @param options how to read it
     * @return the survey
     * @throws SurveyFormatException on malformed input, naming file, line and column
     */
    public static FormsSurvey read(String group, Path file, FormsReadOptions options) {
        LinkedHashMap<String, Path> files = new LinkedHashMap<>();
        files.put(group, file);
        return read(files, options);
    }

    /**
     * Reads translated copies of a form with the default options (no codebook, duplicates excluded).
     *
     * @param files group name to CSV export, in the order the groups should take
     * @return the survey
     * @throws SurveyFormatException on malformed input, naming file, line and column
     */
    public static FormsSurvey read(LinkedHashMap<String, Path> files) {
        return read(files, FormsReadOptions.defaults());
    }

    /**
     * Reads translated copies of a form, one export per group.
     *
     * @param files group name to CSV export, in the order the groups should take (the levels of the
     *        {@value FormsSurvey#GROUP} attribute)
     * @param options codebook, duplicate handling, date order
     * @return the survey: all groups' kept rows in one data set, and per-group details
     * @throws SurveyFormatException on malformed input, naming file, line and column; nothing is returned
     * @throws PluralstatsException when a file cannot be read or no files are given
     */
    public static FormsSurvey read(LinkedHashMap<String, Path> files, FormsReadOptions options) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(options, "options");
        if (files.isEmpty()) {
            throw new PluralstatsException("no Google Forms exports given");
        }
        Codebook codebook = options.codebook().orElse(null);
        MetadataTitles titles = codebook == null ? new MetadataTitles(List.of(), List.of(), List.of())
                : new MetadataTitles(codebook.timestampHeaders(), codebook.emailHeaders(), codebook.scoreHeaders());
        List<FormFile> forms = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new PluralstatsException("a group name is empty (file " + e.getValue() + ")");
            }
            forms.add(FormFile.load(e.getKey(), Objects.requireNonNull(e.getValue(), "file"), titles,
                    options.dateOrder()));
        }
        List<int[]> attributeColumns = new ArrayList<>();
        for (FormFile f : forms) {
            attributeColumns.add(options.allAttributes().stream().mapToInt(f::attributeColumn).toArray());
        }
        List<ItemBinding.CodebookMatch> matches = new ArrayList<>();
        List<ItemBinding> bindings = codebook == null ? ItemBinding.byPosition(forms)
                : ItemBinding.byCodebook(forms, codebook, matches);

        LinkedHashMap<String, SurveyData> parts = new LinkedHashMap<>();
        List<FormsGroup> groups = new ArrayList<>();
        for (int g = 0; g < forms.size(); g++) {
            Optional<String> language = codebook == null ? Optional.empty() : matches.get(g).language();
            GroupReader reader = new GroupReader(forms.get(g), g, bindings, codebook, language, options,
                    attributeColumns.get(g));
            parts.put(forms.get(g).group, reader.data);
            groups.add(reader.details);
        }
        List<String> sources = new ArrayList<>();
        for (FormFile f : forms) {
            sources.add(f.file);
        }
        SurveyData all = SurveyData.stack(String.join(", ", sources), FormsSurvey.GROUP, parts);
        return new FormsSurvey(all, groups, options);
    }

    /** Reads the rows of one file into that group's part of the data. */
    private static final class GroupReader {
        private final FormFile form;
        private final int g;
        private final Codebook codebook;
        private final Optional<String> language;
        private final Map<String, Integer> optionSeparators = new HashMap<>();
        final SurveyData data;
        final FormsGroup details;

        GroupReader(FormFile form, int g, List<ItemBinding> bindings, Codebook codebook, Optional<String> language,
                    FormsReadOptions options, int[] attributeColumns) {
            this.form = form;
            this.g = g;
            this.codebook = codebook;
            this.language = language;
            int n = form.rows();
            String[] duplicates = duplicates(bindings);
            String[] status = new String[n];
            for (int r = 0; r < n; r++) {
                status[r] = isEmpty(bindings, r) ? EMPTY_ROW : options.keepDuplicates() ? null : duplicates[r];
            }
            Map<String, Integer> found = new LinkedHashMap<>();
            found.put(DUPLICATE_EMAIL, 0);
            found.put(DUPLICATE_ANSWERS, 0);
            for (String s : duplicates) {
                if (s != null) {
                    found.merge(s, 1, Integer::sum);
                }
            }

            Map<String, Integer> excluded = new LinkedHashMap<>();
            for (String reason : List.of(EMPTY_ROW, DUPLICATE_EMAIL, DUPLICATE_ANSWERS)) {
                int count = 0;
                for (String s : status) {
                    if (reason.equals(s)) {
                        count++;
                    }
                }
                if (count > 0) {
                    excluded.put(reason, count);
                }
            }
            List<String> ids = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (status[r] == null) {
                    ids.add(form.group + ":" + form.doc.line(r));
                }
            }
            SurveyData.Builder b = SurveyData.builder(form.file);
            Map<String, String> headers = new LinkedHashMap<>();
            Map<String, Map<String, String>> optionTexts = new LinkedHashMap<>();
            for (ItemBinding binding : bindings) {
                int col = binding.columns[g];
                if (col >= 0) {
                    headers.put(binding.item.id(), form.header(col));
                }
                Map<String, String> texts = new LinkedHashMap<>();
                b.item(column(binding, col, status, texts));
                if (binding.kind() == ItemKind.CHOICE || binding.kind() == ItemKind.MULTI_CHOICE) {
                    optionTexts.put(binding.item.id(), texts);
                }
            }
            List<String> attributeNames = options.allAttributes();
            for (int a = 0; a < attributeNames.size(); a++) {
                b.attribute(attribute(attributeNames.get(a), a >= options.attributes().size(), attributeColumns[a],
                        status));
            }
            int kept = ids.size();
            Accounting accounting = new Accounting(n, kept, excluded);
            this.data = b.ids(ids.toArray(new String[0])).accounting(accounting).build();
            this.details = new FormsGroup(form.group, form.path, form.style, accounting, found, headers, optionTexts,
                    language);
        }

        /** An attribute column over the kept rows: texts (blank: missing) or numbers (blank: an error). */
        private Column attribute(String name, boolean numeric, int col, String[] status) {
            String title = name.strip();
            if (numeric) {
                NumericColumn.Builder b = NumericColumn.builder(Item.numeric(title, form.header(col), Map.of()));
                for (int r = 0; r < status.length; r++) {
                    if (status[r] == null) {
                        String v = TextKey.asciiDigits(form.cell(r, col).strip());
                        if (v.isEmpty()) {
                            throw form.at(r, col).found("an empty cell").expected("a number in every kept row").build();
                        }
                        b.add(number(r, col, v));
                    }
                }
                return b.build();
            }
            TextColumn.Builder b = TextColumn.builder(Item.text(title, form.header(col)));
            for (int r = 0; r < status.length; r++) {
                if (status[r] == null) {
                    String v = form.cell(r, col).strip();
                    if (v.isEmpty()) {
                        b.addMissing(MissingReason.SKIPPED);
                    } else {
                        b.add(v);
                    }
                }
            }
            return b.build();
        }

        private boolean isEmpty(List<ItemBinding> bindings, int r) {
            for (ItemBinding binding : bindings) {
                int col = binding.columns[g];
                if (col >= 0 && !form.cell(r, col).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Finds duplicate submissions among the rows that answer something.
         *
         * @return per row null, {@link #DUPLICATE_EMAIL} or {@link #DUPLICATE_ANSWERS}
         */
        private String[] duplicates(List<ItemBinding> bindings) {
            int n = form.rows();
            String[] dup = new String[n];
            Map<String, Integer> firstByEmail = new HashMap<>();
            for (int r = 0; r < n; r++) {
                String e = form.emails[r];
                if (e != null && !isEmpty(bindings, r) && firstByEmail.putIfAbsent(e, r) != null) {
                    dup[r] = DUPLICATE_EMAIL;
                }
            }
            Map<String, List<Integer>> byAnswers = new HashMap<>();
            for (int r = 0; r < n; r++) {
                if (dup[r] == null && form.times[r] != FormFile.NO_TIME && !isEmpty(bindings, r)) {
                    byAnswers.computeIfAbsent(answers(bindings, r), k -> new ArrayList<>()).add(r);
                }
            }
            for (List<Integer> rows : byAnswers.values()) {
                rows.sort(Comparator.<Integer>comparingLong(r -> form.times[r]).thenComparingInt(r -> r));
                for (int i = 1; i < rows.size(); i++) {
                    int prev = rows.get(i - 1);
                    int r = rows.get(i);
                    String a = form.emails[prev];
                    String b = form.emails[r];
                    boolean otherPeople = a != null && b != null && !a.equals(b);
                    if (form.times[r] - form.times[prev] <= DUPLICATE_WINDOW_SECONDS && !otherPeople) {
                        dup[r] = DUPLICATE_ANSWERS;
                    }
                }
            }
            return dup;
        }

        // The row's answers to all items as written (trimmed, digits as ASCII), for comparing submissions.
        private String answers(List<ItemBinding> bindings, int r) {
            StringBuilder key = new StringBuilder();
            for (ItemBinding binding : bindings) {
                int col = binding.columns[g];
                key.append(col < 0 ? "" : TextKey.asciiDigits(form.cell(r, col).strip())).append('\u0000');
            }
            return key.toString();
        }

        private Column column(ItemBinding binding, int col, String[] status, Map<String, String> texts) {
            CodebookItem ci = binding.codebookItem;
            if (ci != null) {
                for (CodebookOption o : ci.options()) {
                    String text = language.map(l -> o.texts().get(l)).orElse(null);
                    texts.put(o.code(), text == null ? o.label() : text);
                }
                ci.otherCode().ifPresent(code -> texts.put(code, code));
            }
            switch (binding.kind()) {
                case SCALE, NUMERIC -> {
                    NumericColumn.Builder b = NumericColumn.builder(binding.item);
                    for (int r = 0; r < status.length; r++) {
                        boolean keep = status[r] == null;
                        if (col < 0) {
                            if (keep) {
                                b.addMissing(MissingReason.NOT_ASKED);
                            }
                            continue;
                        }
                        String v = TextKey.asciiDigits(form.cell(r, col).strip());
                        if (v.isEmpty()) {
                            if (keep) {
                                b.addMissing(MissingReason.SKIPPED);
                            }
                            continue;
                        }
                        double x = binding.kind() == ItemKind.SCALE ? scalePoint(binding, r, col, v) : number(r, col, v);
                        if (keep) {
                            b.add(x);
                        }
                    }
                    return b.build();
                }
                case CHOICE -> {
                    CategoricalColumn.Builder b = CategoricalColumn.builder(binding.item);
                    for (int r = 0; r < status.length; r++) {
                        boolean keep = status[r] == null;
                        String v = col < 0 ? null : form.cell(r, col).strip();
                        if (v == null || v.isEmpty()) {
                            if (keep) {
                                b.addMissing(col < 0 ? MissingReason.NOT_ASKED : MissingReason.SKIPPED);
                            }
                            continue;
                        }
                        String option = ci == null ? PersonalData.mask(v) : code(ci, r, col, v);
                        if (keep) {
                            b.add(option);
                            if (ci == null) {
                                texts.putIfAbsent(option, option);
                            }
                        }
                    }
                    return b.build();
                }
                case MULTI_CHOICE -> {
                    MultiChoiceColumn.Builder b = MultiChoiceColumn.builder(binding.item);
                    for (int r = 0; r < status.length; r++) {
                        boolean keep = status[r] == null;
                        String v = col < 0 ? null : form.cell(r, col).strip();
                        if (v == null || v.isEmpty()) {
                            if (keep) {
                                b.addMissing(col < 0 ? MissingReason.NOT_ASKED : MissingReason.SKIPPED);
                            }
                            continue;
                        }
                        List<String> chosen = checkbox(binding, r, col, v);
                        if (keep) {
                            b.add(chosen);
                            if (ci == null) {
                                for (String o : chosen) {
                                    texts.putIfAbsent(o, o);
                                }
                            }
                        }
                    }
                    return b.build();
                }
                default -> {
                    TextColumn.Builder b = TextColumn.builder(binding.item);
                    for (int r = 0; r < status.length; r++) {
                        if (status[r] != null) {
                            continue;
                        }
                        String v = col < 0 ? null : form.cell(r, col).strip();
                        if (v == null || v.isEmpty()) {
                            b.addMissing(col < 0 ? MissingReason.NOT_ASKED : MissingReason.SKIPPED);
                        } else {
                            b.add(PersonalData.mask(v));
                        }
                    }
                    return b.build();
                }
            }
        }

        private int scalePoint(ItemBinding binding, int r, int col, String v) {
            Scale s = binding.item.scale().orElseThrow();
            String expected = "an integer from " + s.min() + " to " + s.max() + " (the scale of item "
                    + binding.item.id() + (binding.codebookItem != null ? " in " + codebook.source() : "") + ")";
            int x;
            try {
                x = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
            } catch (NumberFormatException e) {
                throw form.at(r, col).found(PersonalData.mask(v)).expected(expected).build();
            }
            if (x < s.min() || x > s.max()) {
                throw form.at(r, col).problem("a value outside the scale").found(v).expected(expected).build();
            }
            return x;
        }

        private double number(int r, int col, String v) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw form.at(r, col).found(PersonalData.mask(v)).expected("a number such as 42 or 3.5").build();
            }
        }

        private String code(CodebookItem ci, int r, int col, String v) {
            Optional<CodebookOption> o = codebook.matchOption(ci, v);
            if (o.isPresent()) {
                return o.get().code();
            }
            if (ci.otherCode().isPresent()) {
                return ci.otherCode().get();
            }
            throw unknownOption(ci, r, col, v);
        }

        private SurveyFormatException unknownOption(CodebookItem ci, int r, int col, String v) {
            List<String> shown = new ArrayList<>();
            for (CodebookOption o : ci.options()) {
                String t = language.map(l -> o.texts().get(l)).orElse(o.label());
                shown.add("\"" + (t == null ? o.label() : t) + "\"");
            }
            return form.at(r, col).problem("an answer that is not an option of item " + ci.id() + " in "
                    + codebook.source()).found(PersonalData.mask(v))
                    .expected("one of " + String.join(", ", shown)
                            + " (or an \"other\" code for the item in the codebook)")
                    .build();
        }

        private List<String> checkbox(ItemBinding binding, int r, int col, String v) {
            CodebookItem ci = binding.codebookItem;
            String sep = form.style.checkboxSeparator();
            if (ci == null) {
                List<String> pieces = OptionSplitter.split(v, sep, binding.knownOptions::contains,
                        binding.knownSeparators(sep), false);
                pieces.replaceAll(PersonalData::mask);
                return pieces;
            }
            int maxSeparators = optionSeparators.computeIfAbsent(ci.id() + '\n' + sep,
                    k -> codebook.maxOptionSeparators(ci, sep));
            List<String> pieces = OptionSplitter.split(v, sep, t -> codebook.matchOption(ci, t).isPresent(),
                    maxSeparators, ci.otherCode().isPresent());
            List<String> codes = new ArrayList<>();
            for (String p : pieces) {
                Optional<CodebookOption> o = codebook.matchOption(ci, p);
                if (o.isPresent()) {
                    codes.add(o.get().code());
                } else if (ci.otherCode().isPresent()) {
                    codes.add(ci.otherCode().get());
                } else {
                    throw unknownOption(ci, r, col, p);
                }
            }
            return codes;
        }
    }
}
