package org.pluralstats.align;

import java.util.List;
import org.pluralstats.PluralstatsException;

/**
 * A language model's answer distribution on one question under one setting: the input of
 * {@link DistributionalAlignment}. Either counts of sampled answers (one chosen option per generation,
 * {@code sampled = true}; the generations can then be resampled) or probabilities over the options
 * (read from per-option probabilities or log-probabilities, OpinionQA style, {@code sampled = false}).
 *
 * <p>The answers that are not an option stay apart, never renormalised into the options: {@code
 * unclassifiable} (generations that matched no option) and {@code refused} (the refusal option, e.g.
 * OpinionQA's "Refused"). The comparison uses the options' counts normalised to shares.
 *
 * @param model the model's name
 * @param condition the prompting condition (language, interaction condition, prompt template), {@code ""} for none
 * @param persona the steering persona (a population name, OpinionQA's steering), {@code ""} for none
 * @param population the population the answers are compared with, {@code ""} for every population
 *     (the persona's, when a persona is given)
 * @param question the question id
 * @param options the options chosen, with counts or probabilities (ordinals are ignored: the human
 *     question's options give the order)
 * @param unclassifiable generations (or probability) matching no option
 * @param refused generations (or probability) choosing the refusal option
 * @param sampled whether the counts are generations (whole numbers) that a bootstrap may resample
 */
public record ModelAnswers(String model, String condition, String persona, String population, String question,
                           List<OptionCount> options, double unclassifiable, double refused, boolean sampled) {

    /** Checks the counts and copies the list. */
    public ModelAnswers {
        if (model == null || model.isBlank() || question == null || question.isBlank()) {
            throw new PluralstatsException("model answers need a model and a question, got " + model + " and " + question);
        }
        condition = condition == null ? "" : condition;
        persona = persona == null ? "" : persona;
        population = population == null ? "" : population;
        options = List.copyOf(options);
        for (OptionCount o : options) {
            check(o.option(), o.count(), sampled);
        }
        check("unclassifiable", unclassifiable, sampled);
        check("refused", refused, sampled);
    }

    private void check(String what, double count, boolean whole) {
        if (!(count >= 0) || Double.isInfinite(count) || (whole && count != Math.rint(count))) {
            throw new PluralstatsException("model " + model + ", question " + question + ", " + what + ": "
                    + (whole ? "a count of generations must be a whole number" : "a probability must be finite")
                    + " and non-negative, got " + count);
        }
    }

    /** @return the population compared with: {@link #population()}, else {@link #persona()}, else {@code ""} (all) */
    public String target() {
        return !population.isEmpty() ? population : persona;
    }

    /** @return the answers that chose an option, {@code Σ count} */
    public double classified() {
        double s = 0;
        for (OptionCount o : options) {
            s += o.count();
        }
        return s;
    }
}
