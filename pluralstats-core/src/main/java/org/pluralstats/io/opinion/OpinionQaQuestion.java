package org.pluralstats.io.opinion;

import java.util.List;
import java.util.Objects;
import org.pluralstats.PluralstatsException;

/**
 * One question of an OpinionQA wave, as its {@code info.csv} row gives it: the key (the column of
 * {@code responses.csv}, e.g. {@code CAREREL_W27}), the question text, the answer options ({@code references},
 * in the survey's order) and the ordinal positions of the first {@code ordinals.size()} options
 * ({@code option_ordinal}); the options after them are the refusal options ({@code 'Refused'}).
 * OpinionQA's {@code helpers.extract_model_opinions} splits them so: {@code ordinal_refs =
 * references[:len(option_ordinal)]}, {@code refusal_refs = references[len(option_ordinal):]}.
 *
 * <p>The ordinals are as released, not always 1, 2, …: a non-ordinal option is placed between others
 * ({@code CAREREL_W27}'s "I am already doing this" at 2.5) and a nominal question has one position for all
 * ({@code INDUSTRY_W27}: all 1).
 *
 * @param key the question key, the column of {@code responses.csv}
 * @param question the question text
 * @param options the answer options, in order (ordinal options, then refusal options)
 * @param ordinals the ordinal positions of the first {@code ordinals.size()} options
 */
public record OpinionQaQuestion(String key, String question, List<String> options, List<Double> ordinals) {

    /** Copies the lists; checks there is at least one ordinal option, no more ordinals than options, no repeated option. */
    public OpinionQaQuestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        ordinals = List.copyOf(ordinals);
        if (ordinals.isEmpty() || ordinals.size() > options.size()) {
            throw new PluralstatsException(key + ": " + ordinals.size() + " ordinal positions for " + options.size()
                    + " options; expected from 1 to " + options.size());
        }
        for (Double o : ordinals) {
            if (!Double.isFinite(o)) {
                throw new PluralstatsException(key + ": the ordinal position " + o + " is not a finite number");
            }
        }
        if (options.stream().distinct().count() < options.size()) {
            throw new PluralstatsException(key + ": an option is listed twice in " + options);
        }
    }

    /** @return the options that have an ordinal position: OpinionQA's {@code ordinal_refs} */
    public List<String> ordinalOptions() {
        return options.subList(0, ordinals.size());
    }

    /** @return the options after them: OpinionQA's {@code refusal_refs} (usually {@code ['Refused']}) */
    public List<String> refusalOptions() {
        return options.subList(ordinals.size(), options.size());
    }
}
