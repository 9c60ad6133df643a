package org.pluralstats.align;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.pluralstats.stats.CompensatedSum;

/**
 * The generations of one model in one prompt language, with item-level scores: the item score is the
 * mean of its generations' Eq. 2 scores. Package-private working data of the alignment classes.
 */
final class ModelGroup {
    final String model;
    final String family;
    final String language;
    /** Items in order of first appearance. */
    final List<String> items;
    /** Item score (mean of generations), aligned with {@link #items}. */
    final double[] itemScores;
    /** Per generation: its score and its item's index in {@link #items}. */
    final double[] generationScores;
    final int[] generationItem;

    private ModelGroup(String model, String family, String language, List<Generation> gens) {
        this.model = model;
        this.family = family;
        this.language = language;
        Map<String, Integer> index = new LinkedHashMap<>();
        List<CompensatedSum> sums = new ArrayList<>();
        generationScores = new double[gens.size()];
        generationItem = new int[gens.size()];
        for (int i = 0; i < gens.size(); i++) {
            Generation g = gens.get(i);
            Integer k = index.get(g.item());
            if (k == null) {
                k = index.size();
                index.put(g.item(), k);
                sums.add(CompensatedSum.create());
            }
            sums.get(k).accept(g.score());
            generationScores[i] = g.score();
            generationItem[i] = k;
        }
        items = List.copyOf(index.keySet());
        itemScores = new double[items.size()];
        for (int k = 0; k < itemScores.length; k++) {
            CompensatedSum s = sums.get(k);
            itemScores[k] = s.getAsDouble() / s.count();
        }
    }

    /**
     * @param outputs model outputs
     * @return one group per model × language, models in order of first appearance, then languages
     */
    static List<ModelGroup> of(ModelOutputs outputs) {
        Map<String, Map<String, List<Generation>>> byModel = new LinkedHashMap<>();
        Map<String, String> family = new LinkedHashMap<>();
        for (Generation g : outputs.generations()) {
            byModel.computeIfAbsent(g.model(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(g.language(), k -> new ArrayList<>()).add(g);
            if (!g.family().isEmpty()) {
                family.putIfAbsent(g.model(), g.family());
            }
        }
        List<ModelGroup> out = new ArrayList<>();
        byModel.forEach((m, langs) -> langs.forEach((l, gens) ->
                out.add(new ModelGroup(m, family.getOrDefault(m, ""), l, gens))));
        return out;
    }

    /** @return the number of generations */
    int generations() {
        return generationScores.length;
    }

    /** The units of a comparison with one population: model scores, population scores, exclusions. */
    record Units(double[] model, double[] population, String[] items, int itemsUsed, int itemsWithoutScore,
                 int generationsWithoutScore) {
        int n() {
            return model.length;
        }
    }

    /**
     * @param level item or response
     * @param scores population scores
     * @param population the population
     * @return the paired scores over the items (or generations) the population has a score for
     */
    Units units(AlignmentLevel level, PopulationScores scores, String population) {
        double[] pop = new double[items.size()];
        int withScore = 0;
        for (int k = 0; k < pop.length; k++) {
            OptionalDouble s = scores.score(population, items.get(k));
            pop[k] = s.orElse(Double.NaN);
            if (s.isPresent()) {
                withScore++;
            }
        }
        int itemsWithout = items.size() - withScore;
        if (level == AlignmentLevel.ITEM) {
            double[] x = new double[withScore];
            double[] y = new double[withScore];
            String[] its = new String[withScore];
            int j = 0;
            for (int k = 0; k < pop.length; k++) {
                if (!Double.isNaN(pop[k])) {
                    x[j] = itemScores[k];
                    y[j] = pop[k];
                    its[j++] = items.get(k);
                }
            }
            return new Units(x, y, its, withScore, itemsWithout, 0);
        }
        int n = 0;
        for (int i = 0; i < generationScores.length; i++) {
            if (!Double.isNaN(pop[generationItem[i]])) {
                n++;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        String[] its = new String[n];
        int j = 0;
        for (int i = 0; i < generationScores.length; i++) {
            double p = pop[generationItem[i]];
            if (!Double.isNaN(p)) {
                x[j] = generationScores[i];
                y[j] = p;
                its[j++] = items.get(generationItem[i]);
            }
        }
        return new Units(x, y, its, withScore, itemsWithout, generationScores.length - n);
    }
}
