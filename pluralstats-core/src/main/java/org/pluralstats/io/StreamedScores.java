package org.pluralstats.io;

import org.pluralstats.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.csv.CsvReader;
import org.pluralstats.io.csv.CsvScores;
import org.pluralstats.io.stata.DtaScores;
import org.pluralstats.io.stata.StataReader;
import org.pluralstats.io.wvs.WvsConventions;
import org.pluralstats.weight.GroupedScores;
import org.pluralstats.weight.InvalidWeights;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.StreamingScores;
import org.pluralstats.weight.WeightSpec;

/**
 * Value polarity scores of a file in one pass ({@link StreamingScores}), never holding the rows: what
 * {@code pluralstats vps} runs. A delimited file is parsed in parallel blocks with binarisation and
 * accumulation fused ({@link CsvScores}), a Stata file likewise in blocks of fixed-width rows
 * ({@link DtaScores}); other formats, and a delimited file the fast path hands back
 * (a malformed record, a late text cell, an unusable weight), are read sequentially from a
 * {@link CaseReader} in batches. Missing values follow {@link SurveyFiles#read}: system-missing,
 * declared user-missing, and WVS/EVS codes -1..-5 when the conventions apply.
 */
public final class StreamedScores {
    private static final int BATCH = 1024;

    /** The block size of the parallel CSV path; tests set it small to cut a small file into many blocks. */
    static long csvBlockSize = 0;

    /** The threads of the parallel CSV path. */
    static int csvThreads = Runtime.getRuntime().availableProcessors();

    /** Rows per block of the parallel Stata path ({@code <= 0}: its default); tests set it small. */
    static long dtaBlockRows = 0;

    /** The threads of the parallel Stata path. */
    static int dtaThreads = Runtime.getRuntime().availableProcessors();

    /** Whether the sequential path reads its batches on a thread of their own (tests compare both). */
    static boolean prefetch = true;

    /** Whether the last {@link #estimate(StreamingScores, Path, Consumer)} took a parallel path (for tests). */
    static volatile boolean lastParallel;

    private StreamedScores() {
    }

    /**
     * Scores a file, a delimited or Stata one in parallel.
     *
     * @param scorer what to score and how
     * @param file the data file (.csv or any delimited text, .sav, .zsav, .dta, .por)
     * @param warnings receives the reader's warnings (the sequential path's)
     * @return one table per grouping, populations in order of first appearance
     */
    public static GroupedScores estimate(StreamingScores scorer, Path file, Consumer<ReadWarning> warnings) {
        return estimate(scorer, file, warnings, Progress.none());
    }

    /**
     * As {@link #estimate(StreamingScores, Path, Consumer)}, reporting how far the read has got: a
     * delimited file read in parallel by its bytes merged (in file order), a Stata file read in parallel
     * by its observations when done, any other read by its cases ({@link SurveyFiles#open(Path, Progress)}).
     * The scores are the same.
     *
     * @param scorer what to score and how
     * @param file the data file
     * @param warnings receives the reader's warnings
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return one table per grouping, populations in order of first appearance
     */
    public static GroupedScores estimate(StreamingScores scorer, Path file, Consumer<ReadWarning> warnings,
                                         Progress progress) {
        lastParallel = false;
        String what = "reading " + file.getFileName();
        if (SurveyFiles.detect(file) == FileFormat.CSV) {
            try (CsvReader header = CsvReader.openSampled(file, Set.of())) {
                Plan plan = plan(scorer, header.dictionary());
                if (plan.items.stream().allMatch(Variable::isNumeric)
                        && plan.weights.stream().allMatch(Variable::isNumeric)) {
                    Optional<StreamingScores.Pass> pass;
                    try (Progress.Task task = progress.start(what, java.nio.file.Files.size(file))) {
                        pass = CsvScores.score(header, plan.columns(scorer), plan.start(scorer, header.dictionary()),
                                csvThreads, csvBlockSize, (bytes, size) -> task.advance(bytes));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    lastParallel = pass.isPresent();
                    if (pass.isPresent()) {
                        return pass.get().finish();
                    }
                }
            }
        }
        try (CaseReader reader = SurveyFiles.open(file)) {
            if (reader instanceof StataReader stata) {
                Plan plan = plan(scorer, stata.dictionary());
                Optional<StreamingScores.Pass> pass;
                try (Progress.Task task = progress.start(what, stata.estimatedRows())) {
                    pass = DtaScores.score(stata, plan.columns(scorer), plan.start(scorer, stata.dictionary()),
                            dtaThreads, dtaBlockRows);
                }
                lastParallel = pass.isPresent();
                if (pass.isPresent()) {
                    GroupedScores out = pass.get().finish();
                    reader.warnings().forEach(warnings);
                    return out;
                }
            }
            try (Progress.Task task = progress.start(what, reader.estimatedRows())) {
                GroupedScores out = estimateAll(scorer, new ProgressCaseReader(reader, task));
                reader.warnings().forEach(warnings);
                return out;
            }
        }
    }

    /**
     * Scores the remaining cases of an open reader for the scorer's one grouping; the caller can then
     * ask the reader for its {@link CaseReader#warnings()}.
     *
     * @param scorer what to score and how, with one grouping
     * @param reader an open reader before its first case
     * @return one row per population × item, populations in order of first appearance
     */
    public static ScoreTable estimate(StreamingScores scorer, CaseReader reader) {
        return estimateAll(scorer, reader).only();
    }

    /** The variables of one scoring job in a file. */
    private record Plan(List<Variable> items, List<Variable> weights, List<Optional<Variable>> groupings, boolean wvs,
                        Optional<String> countryVariable, Optional<Variable> id) {
        StreamingScores.Pass start(StreamingScores scorer, FileDictionary dict) {
            return scorer.start(dict.file(), items.stream().map(SurveyFiles::itemOf).toList(), countryVariable,
                    weights.stream().map(Variable::name).toList());
        }

        ScoreColumns columns(StreamingScores scorer) {
            return new ScoreColumns(items, weights, groupings, wvs, scorer.invalidWeights() == InvalidWeights.FAIL);
        }
    }

    private static Plan plan(StreamingScores scorer, FileDictionary dict) {
        WvsConventions conv = WvsConventions.detect(dict);
        List<Optional<Variable>> groupings = new ArrayList<>();
        for (PopulationSpec g : scorer.groupings()) {
            groupings.add(g.column().map(p -> SurveyFiles.require(dict, p, "population column")));
        }
        List<Variable> weightVars = new ArrayList<>();
        WeightSpec weight = scorer.weight();
        for (String w : weight instanceof WeightSpec.Design ? conv.defaultWeight() : weight.columns()) {
            Variable v = SurveyFiles.require(dict, w, "weight variable");
            if (!v.isNumeric()) {
                throw new PluralstatsException(dict.file() + ": weight variable " + v.name() + " is not numeric");
            }
            weightVars.add(v);
        }
        Set<Integer> notItems = new LinkedHashSet<>();
        groupings.forEach(g -> g.ifPresent(v -> notItems.add(v.index())));
        weightVars.forEach(v -> notItems.add(v.index()));
        conv.countryVariable().ifPresent(n -> notItems.add(SurveyFiles.require(dict, n).index()));
        conv.languageVariable().ifPresent(n -> notItems.add(SurveyFiles.require(dict, n).index()));
        conv.idVariable().ifPresent(n -> notItems.add(SurveyFiles.require(dict, n).index()));
        List<Variable> itemVars = new ArrayList<>();
        if (scorer.items().isEmpty()) {
            for (Variable v : dict.variables()) {
                if (v.isNumeric() && !notItems.contains(v.index())) {
                    itemVars.add(v);
                }
            }
        } else {
            for (ItemCoding c : scorer.items()) {
                itemVars.add(SurveyFiles.require(dict, c.id(), "item"));
            }
        }
        Optional<Variable> id = conv.idVariable().flatMap(dict::find);
        return new Plan(itemVars, weightVars, groupings, conv.applies(), conv.countryVariable(), id);
    }

    /**
     * Scores the remaining cases of an open reader, sequentially in batches, for every grouping.
     *
     * @param scorer what to score and how
     * @param reader an open reader before its first case
     * @return one table per grouping
     */
    public static GroupedScores estimateAll(StreamingScores scorer, CaseReader reader) {
        FileDictionary dict = reader.dictionary();
        Plan plan = plan(scorer, dict);
        List<Variable> itemVars = plan.items;
        List<Variable> weightVars = plan.weights;
        Set<Integer> selected = new LinkedHashSet<>();
        itemVars.forEach(v -> selected.add(v.index()));
        plan.groupings.forEach(g -> g.ifPresent(v -> selected.add(v.index())));
        weightVars.forEach(v -> selected.add(v.index()));
        plan.id.ifPresent(v -> selected.add(v.index()));
        int[] sel = selected.stream().mapToInt(Integer::intValue).toArray();
        reader.select(sel);
        int[] column = new int[dict.variables().size()];
        for (int j = 0; j < sel.length; j++) {
            column[sel[j]] = j;
        }
        try (Prefetch batches = new Prefetch(reader, dict, sel, prefetch && Runtime.getRuntime().availableProcessors() > 1)) {
            return estimateBatches(scorer, dict, plan, column, batches);
        }
    }

    /** Scores the batches of a reader in order (the loop of {@link #estimateAll}). */
    private static GroupedScores estimateBatches(StreamingScores scorer, FileDictionary dict, Plan plan, int[] column,
                                                 Prefetch batches) {
        boolean wvs = plan.wvs;
        List<Variable> itemVars = plan.items;
        List<Variable> weightVars = plan.weights;
        StreamingScores.Pass pass = plan.start(scorer, dict);
        int groups = plan.groupings.size();
        int[][] pop = new int[groups][BATCH];
        Placement placed = new Placement(pass, groups, BATCH);
        double[] w = new double[BATCH];
        boolean fail = scorer.invalidWeights() == InvalidWeights.FAIL;
        long row = 0;
        int n;
        CaseBatch batch;
        while ((n = (batch = batches.next()).size()) > 0) {
            for (int g = 0; g < groups; g++) {
                populations(pass, g, batch, plan.groupings.get(g), column, n, pop[g]);
            }
            Arrays.fill(w, 0, n, 1);
            for (Variable v : weightVars) {
                double[] f = batch.numbers(column[v.index()]);
                for (int r = 0; r < n; r++) {
                    w[r] *= SurveyFiles.isMissing(f[r], v.missing(), wvs) ? Double.NaN : f[r];
                }
            }
            int bad = placed.place(pop, w, n, fail, row);
            if (bad >= 0) {
                throw unusableWeight(dict, plan, batch, column, bad, row + bad, w[bad], wvs);
            }
            for (int i = 0; i < itemVars.size(); i++) {
                Variable item = itemVars.get(i);
                placed.addColumn(i, batch.numbers(column[item.index()]), n, item.missing(), wvs, w);
            }
            row += n;
            batches.recycle(batch);
        }
        return pass.finish();
    }

    /**
     * A reader's batches, in order: read by a thread of their own while the previous ones are scored
     * (decoding a compressed .sav, say, costs about as much as scoring it), or in the calling thread.
     * The reader is used by one thread at a time; closing waits for the reading thread to stop, so the
     * reader's warnings and its closing come after it. A reader's exception is thrown by {@link #next()}
     * where the sequential loop would have met it.
     */
    private static final class Prefetch implements AutoCloseable {
        private static final int BATCHES = 3;
        private static final Object END = new Object();
        private final CaseReader reader;
        private final CaseBatch single;
        private final java.util.concurrent.BlockingQueue<CaseBatch> empty;
        private final java.util.concurrent.BlockingQueue<Object> full;
        private final Thread thread;
        private volatile boolean stop;

        Prefetch(CaseReader reader, FileDictionary dict, int[] sel, boolean ahead) {
            this.reader = reader;
            if (!ahead) {
                single = CaseBatch.of(dict, sel, BATCH);
                empty = null;
                full = null;
                thread = null;
                return;
            }
            single = null;
            empty = new java.util.concurrent.ArrayBlockingQueue<>(BATCHES + 1);
            full = new java.util.concurrent.ArrayBlockingQueue<>(BATCHES + 1);
            for (int i = 0; i < BATCHES; i++) {
                empty.add(CaseBatch.of(dict, sel, BATCH));
            }
            thread = new Thread(this::read, "pluralstats-read");
            thread.setDaemon(true);
            thread.start();
        }

        private void read() {
            try {
                while (true) {
                    CaseBatch b = empty.take();
                    if (stop) {
                        return;
                    }
                    int n = reader.nextBatch(b);
                    full.add(b);
                    if (n == 0) {
                        return;
                    }
                }
            } catch (Throwable t) {
                full.add(t);
            }
        }

        /** @return the next batch, of size 0 at the end */
        CaseBatch next() {
            if (thread == null) {
                reader.nextBatch(single);
                return single;
            }
            Object o;
            try {
                o = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluralstatsException("interrupted while reading " + reader.dictionary().file());
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            if (o instanceof Throwable t) {
                throw new IllegalStateException(t);
            }
            return (CaseBatch) o;
        }

        /** Hands a scored batch back to the reading thread. */
        void recycle(CaseBatch b) {
            if (thread != null) {
                empty.add(b);
            }
        }

        @Override
        public void close() {
            if (thread == null) {
                return;
            }
            stop = true;
            empty.offer(CaseBatch.of(reader.dictionary(), new int[0], 1));
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A batch of respondents placed in a pass: each one's cells and whether its weight is usable, and
     * the adding of an item's decoded values, as the sequential reader and the parallel Stata scan both
     * do it (scratch arrays for batches of up to a capacity, reused).
     */
    public static final class Placement {
        private final StreamingScores.Pass pass;
        private final int[] pops;
        private final int[] cellOf;
        /** Per grouping that names a column, each respondent's cell (-1: none). */
        private final int[][] cells;
        /** Whether each respondent's weight is usable. */
        private final boolean[] usable;
        private final byte[] digits;

        /**
         * @param pass the pass the respondents go to
         * @param groupings the scorer's groupings
         * @param capacity the largest batch
         */
        public Placement(StreamingScores.Pass pass, int groupings, int capacity) {
            this.pass = pass;
            this.pops = new int[groupings];
            this.cellOf = new int[pass.cellsPerRespondent()];
            this.cells = new int[pass.cellsPerRespondent()][capacity];
            this.usable = new boolean[capacity];
            this.digits = new byte[capacity];
        }

        /**
         * Places a batch: each respondent's cells from its population in every grouping, and its
         * weight checked ({@link StreamingScores.Pass#weight}, which counts an unusable one as excluded).
         *
         * @param pop per grouping, each respondent's population index ({@link StreamingScores.Pass#population})
         * @param w each respondent's weight, the product of its factors
         * @param n the respondents in the batch
         * @param failOnInvalid whether an unusable weight of a respondent in some population stops the batch
         * @param firstRow the 0-based row of the batch's first respondent, for messages
         * @return the batch index of the first respondent whose unusable weight stops the batch, else -1
         */
        public int place(int[][] pop, double[] w, int n, boolean failOnInvalid, long firstRow) {
            for (int r = 0; r < n; r++) {
                for (int g = 0; g < pops.length; g++) {
                    pops[g] = pop[g][r];
                }
                int k = pass.cells(pops, cellOf);
                for (int j = 0; j < cells.length; j++) {
                    cells[j][r] = j < k ? cellOf[j] : -1;
                }
                double x = w[r];
                if (k > 0 && failOnInvalid && !(x > 0 && x < Double.POSITIVE_INFINITY)) {
                    return r;
                }
                usable[r] = pass.weight(x, firstRow + r, k > 0);
            }
            return -1;
        }

        /**
         * Adds one item's decoded values of the placed batch: single-digit codes with a usable weight
         * through {@link StreamingScores.Pass#addDigits} (column by column), every other non-missing value
         * through {@link StreamingScores.Pass#add}. Missing as {@link SurveyFiles#isMissing}.
         *
         * @param item the item's index in the pass
         * @param x the values, NaN where system-missing
         * @param n the respondents in the batch
         * @param declared the item's declared missing values
         * @param wvs whether the WVS/EVS codes -1..-5 are missing
         * @param w each respondent's weight
         */
        public void addColumn(int item, double[] x, int n, MissingValues declared, boolean wvs, double[] w) {
            boolean none = declared.isEmpty();
            for (int r = 0; r < n; r++) {
                double v = x[r];
                int d = (int) v;
                if (d == v && d >= 0 && d <= 9 && usable[r] && none && (d != 0 || 1 / v > 0)) {
                    digits[r] = (byte) d;
                    continue;
                }
                digits[r] = -1;
                if (!SurveyFiles.isMissing(v, declared, wvs)) {
                    add(item, r, v, w);
                }
            }
            addDigits(item, w, n);
        }

        /**
         * Adds one item's integer values of the placed batch, a value above {@code largest} being a
         * missing code (Stata's integer types), otherwise as {@link #addColumn}.
         *
         * @param item the item's index in the pass
         * @param raw the values
         * @param n the respondents in the batch
         * @param largest the largest value that is not a missing code
         * @param wvs whether the WVS/EVS codes -1..-5 are missing
         * @param w each respondent's weight
         */
        public void addIntegers(int item, int[] raw, int n, int largest, boolean wvs, double[] w) {
            for (int r = 0; r < n; r++) {
                int v = raw[r];
                if (v >= 0 && v <= 9 && usable[r]) {
                    digits[r] = (byte) v;
                    continue;
                }
                digits[r] = -1;
                if (v <= largest && !(wvs && v < 0 && v >= -5)) {
                    add(item, r, v, w);
                }
            }
            addDigits(item, w, n);
        }

        private void add(int item, int r, double v, double[] w) {
            for (int[] c : cells) {
                pass.add(item, c[r], v, w[r], usable[r]);
            }
        }

        private void addDigits(int item, double[] w, int n) {
            for (int[] c : cells) {
                pass.addDigits(item, digits, 0, c, w, n);
            }
        }
    }

    /**
     * The error for a respondent whose weight is not usable, as the in-memory path words it: the
     * respondent's id (or row), the weight expression, and the first factor that is missing or not
     * positive.
     */
    private static PluralstatsException unusableWeight(FileDictionary dict, Plan plan, CaseBatch batch, int[] column,
                                                       int r, long row, double w, boolean wvs) {
        String id = plan.id.map(v -> v.isNumeric() ? SurveyData.formatNumber(batch.numbers(column[v.index()])[r])
                : batch.strings(column[v.index()])[r]).orElse(Long.toString(row + 1));
        String expression = plan.weights.stream().map(Variable::name).reduce((a, b) -> a + "*" + b).orElse("1");
        String problem = null;
        for (Variable v : plan.weights) {
            double f = batch.numbers(column[v.index()])[r];
            if (SurveyFiles.isMissing(f, v.missing(), wvs)) {
                problem = v.name() + " is missing (" + SurveyFiles.missingReason(f, batch.tags(column[v.index()])[r],
                        v.missing(), wvs).jsonName() + ")";
                break;
            }
            Optional<String> p = WeightSpec.problemOf(v.name(), f);
            if (p.isPresent()) {
                problem = p.get();
                break;
            }
        }
        if (problem == null) {
            problem = WeightSpec.problemOf(expression, w).orElse("weight " + w);
        }
        return new PluralstatsException(dict.file() + ": respondent " + id + " (row " + (row + 1) + "): weight "
                + expression + " is not usable: " + problem + "; exclude such respondents to go on (--exclude-invalid-weights)");
    }

    private static void populations(StreamingScores.Pass pass, int grouping, CaseBatch batch, Optional<Variable> popVar,
                                    int[] column, int n, int[] pop) {
        if (popVar.isEmpty()) {
            Arrays.fill(pop, 0, n, 0);
            return;
        }
        Variable v = popVar.get();
        int j = column[v.index()];
        for (int r = 0; r < n; r++) {
            String key;
            if (v.isNumeric()) {
                double x = batch.numbers(j)[r];
                key = Double.isNaN(x) ? null : SurveyData.formatNumber(x);
            } else {
                String s = batch.strings(j)[r];
                key = s.isEmpty() || v.missing().isMissing(s) ? null : s;
            }
            pop[r] = pass.population(grouping, key);
        }
    }
}
