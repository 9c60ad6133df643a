package org.pluralstats.align;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pluralstats.PluralstatsException;

/**
 * One generation of a model for one item in one prompt language, with its Eq. 2 score.
 *
 * <p>Identity: {@code (model, language, item, index)}. Item ids are compared ignoring case and are
 * stored upper case ({@code f120} and {@code F120} are item {@code F120}); language codes are stored
 * lower case; model and family names are kept as written.
 *
 * @param model the model name
 * @param family the model family, empty when not given
 * @param language the prompt language (lower case), e.g. {@code da}
 * @param item the item id (upper case), e.g. {@code F120}
 * @param index the generation's number within model × language × item
 * @param score its value polarity score, Eq. 2, in [0, 1]
 * @param stances the label counts it came from, empty when the score was read precomputed
 */
public record Generation(String model, String family, String language, String item, int index, double score,
                         Optional<StanceCounts> stances) {

    /** Normalises the ids and checks the score lies in [0, 1]. */
    public Generation {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stances, "stances");
        family = family == null ? "" : family.strip();
        language = normaliseLanguage(language);
        item = normaliseItem(item);
        model = model.strip();
        if (model.isEmpty() || language.isEmpty() || item.isEmpty()) {
            throw new PluralstatsException("a generation needs a model, a language and an item");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new PluralstatsException("a generation's score must lie in [0, 1], got " + score);
        }
    }

    /**
     * A generation scored by Eq. 2 from its statements' labels.
     *
     * @param model the model
     * @param family the family (may be empty)
     * @param language the prompt language
     * @param item the item id
     * @param index the generation number
     * @param counts the label counts
     * @return the generation, empty when it has no pro or con label (Eq. 2 undefined)
     */
    public static Optional<Generation> ofStances(String model, String family, String language, String item, int index,
                                                 StanceCounts counts) {
        if (counts.score().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Generation(model, family, language, item, index, counts.score().getAsDouble(),
                Optional.of(counts)));
    }

    /**
     * A generation with a precomputed score.
     *
     * @param model the model
     * @param family the family (may be empty)
     * @param language the prompt language
     * @param item the item id
     * @param index the generation number
     * @param score the score in [0, 1]
     * @return the generation
     */
    public static Generation ofScore(String model, String family, String language, String item, int index, double score) {
        return new Generation(model, family, language, item, index, score, Optional.empty());
    }

    /**
     * @param item an item id as written
     * @return the canonical id: stripped, upper case
     */
    public static String normaliseItem(String item) {
        return Objects.requireNonNull(item, "item").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * @param language a language code as written
     * @return the canonical code: stripped, lower case
     */
    public static String normaliseLanguage(String language) {
        return Objects.requireNonNull(language, "language").strip().toLowerCase(Locale.ROOT);
    }
}
