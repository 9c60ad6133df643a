package org.pluralstats.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.wvs.WvsConventions;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.StreamingScores;
import org.pluralstats.weight.WeightSpec;

/**
 * Feeds an open {@link CaseReader} to {@link StreamingScores} in one pass of batches: value polarity
 * scores of a file larger than memory. Missing values follow {@link SurveyFiles#read}: system-missing,
 * declared user-missing, and WVS/EVS codes -1..-5 when the conventions apply.
 */
public final class StreamedScores {
    private static final int BATCH = 1024;

    private StreamedScores() {
    }

    /**
     * Scores the remaining cases of an open reader; the caller can then ask the reader for its
     * {@link CaseReader#warnings()}.
     *
     * @param scorer what to score and how
     * @param reader an open reader before its first case
     * @return one row per population × item, populations in order of first appearance
     */
    public static ScoreTable estimate(StreamingScores scorer, CaseReader reader) {
        FileDictionary dict = reader.dictionary();
        WvsConventions conv = WvsConventions.detect(dict);
        boolean wvs = conv.applies();
        Optional<Variable> popVar = scorer.population().map(p -> SurveyFiles.require(dict, p));
        List<Variable> weightVars = new ArrayList<>();
        WeightSpec weight = scorer.weight();
        for (String w : weight instanceof WeightSpec.Design ? conv.defaultWeight() : weight.columns()) {
            Variable v = SurveyFiles.require(dict, w);
            if (!v.isNumeric()) {
                throw new PluralstatsException(dict.file() + ": weight variable " + v.name() + " is not numeric");
            }
            weightVars.add(v);
        }
        Set<Integer> notItems = new LinkedHashSet<>();
        popVar.ifPresent(v -> notItems.add(v.index()));
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
                itemVars.add(SurveyFiles.require(dict, c.id()));
            }
        }
        Set<Integer> selected = new LinkedHashSet<>();
        itemVars.forEach(v -> selected.add(v.index()));
        popVar.ifPresent(v -> selected.add(v.index()));
        weightVars.forEach(v -> selected.add(v.index()));
        int[] sel = selected.stream().mapToInt(Integer::intValue).toArray();
        reader.select(sel);
        int[] column = new int[dict.variables().size()];
        for (int j = 0; j < sel.length; j++) {
            column[sel[j]] = j;
        }
        StreamingScores.Pass pass = scorer.start(dict.file(), itemVars.stream().map(SurveyFiles::itemOf).toList(),
                conv.countryVariable(), weightVars.stream().map(Variable::name).toList());
        CaseBatch batch = CaseBatch.of(dict, sel, BATCH);
        int[] pop = new int[BATCH];
        double[] w = new double[BATCH];
        boolean[] ok = new boolean[BATCH];
        long row = 0;
        int n;
        while ((n = reader.nextBatch(batch)) > 0) {
            populations(pass, batch, popVar, column, n, pop);
            for (int r = 0; r < n; r++) {
                double x = 1;
                for (Variable v : weightVars) {
                    x *= batch.numbers(column[v.index()])[r];
                }
                w[r] = x;
                ok[r] = pass.weight(x, row + r);
            }
            for (int i = 0; i < itemVars.size(); i++) {
                Variable item = itemVars.get(i);
                double[] x = batch.numbers(column[item.index()]);
                for (int r = 0; r < n; r++) {
                    if (!SurveyFiles.isMissing(x[r], item.missing(), wvs)) {
                        pass.add(i, pop[r], x[r], w[r], ok[r]);
                    }
                }
            }
            row += n;
        }
        return pass.finish();
    }

    private static void populations(StreamingScores.Pass pass, CaseBatch batch, Optional<Variable> popVar, int[] column,
                                    int n, int[] pop) {
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
            pop[r] = pass.population(key);
        }
    }
}
