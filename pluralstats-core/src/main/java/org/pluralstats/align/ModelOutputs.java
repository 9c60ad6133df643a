package org.pluralstats.align;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Accounting;

/**
 * Model generations with the account of every input row: kept, or excluded with a reason. Immutable.
 * Read from JSONL or CSV by {@code io.llm.ModelOutputFiles}, or built in code with
 * {@link #of(List)}.
 */
public final class ModelOutputs {
    /** Exclusion reason: the generation has no statement labelled pro or con (Eq. 2 undefined). */
    public static final String NO_STANCE = "no pro or con label";
    /** Exclusion reason: the row's precomputed score is empty or NaN. */
    public static final String NO_SCORE = "no score";

    private final String source;
    private final List<Generation> generations;
    private final Accounting accounting;

    private ModelOutputs(String source, List<Generation> generations, Accounting accounting) {
        this.source = source;
        this.generations = List.copyOf(generations);
        this.accounting = accounting;
    }

    /**
     * Generations built in code; two with the same model, language, item and number are an error.
     *
     * @param generations the generations
     * @return them, all kept
     */
    public static ModelOutputs of(List<Generation> generations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            Integer prev = seen.put(g.model() + '\u0000' + g.language() + '\u0000' + g.item() + '\u0000' + g.index(), i);
            if (prev != null) {
                throw new PluralstatsException("generations " + prev + " and " + i + " are both generation " + g.index()
                        + " of model " + g.model() + ", language " + g.language() + ", item " + g.item());
            }
        }
        return new ModelOutputs("<generations>", generations, Accounting.allKept(generations.size()));
    }

    /**
     * Generations a reader has checked (numbers unique per model × language × item) with its account.
     *
     * @param source the file name
     * @param generations the kept generations, in file order
     * @param accounting rows read, kept and excluded by reason
     * @return them
     */
    public static ModelOutputs of(String source, List<Generation> generations, Accounting accounting) {
        return new ModelOutputs(source, generations, accounting);
    }

    /** @return the file name (or {@code <generations>}) */
    public String source() {
        return source;
    }

    /** @return the kept generations, in file order */
    public List<Generation> generations() {
        return generations;
    }

    /** @return rows read, kept and excluded by reason */
    public Accounting accounting() {
        return accounting;
    }

    /** @return the model names, in order of first appearance */
    public List<String> models() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        generations.forEach(g -> s.add(g.model()));
        return List.copyOf(s);
    }

    /** @return the prompt languages, in order of first appearance */
    public List<String> languages() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        generations.forEach(g -> s.add(g.language()));
        return List.copyOf(s);
    }

    /** @return the source, the generations kept, the models and the prompt languages */
    @Override
    public String toString() {
        return "ModelOutputs[" + source + ": " + generations.size() + " generations; models " + models() + "; languages "
                + languages() + "]";
    }
}
