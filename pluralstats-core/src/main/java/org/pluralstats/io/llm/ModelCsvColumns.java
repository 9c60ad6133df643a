package org.pluralstats.io.llm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which CSV columns hold a generation's model, family, language, item, score and number. Header names
 * are matched ignoring case. Each role has default names, tried in order; a name set with a
 * {@code with…} copy replaces them. The defaults read the seed paper's released
 * {@code all_lang_model_responses_with_scores.csv} as it is:
 *
 * <table>
 * <caption>roles and default column names</caption>
 * <tr><th>role</th><th>defaults</th><th>required</th></tr>
 * <tr><td>model</td><td>{@code model_name}, {@code model}</td><td>yes</td></tr>
 * <tr><td>family</td><td>{@code model_family}, {@code family}</td><td>no (empty)</td></tr>
 * <tr><td>language</td><td>{@code language}</td><td>yes</td></tr>
 * <tr><td>item</td><td>{@code question_key}, {@code item}</td><td>yes</td></tr>
 * <tr><td>score</td><td>{@code response_pro_score}, {@code score}</td><td>yes</td></tr>
 * <tr><td>generation</td><td>{@code generation}</td><td>no: generations are then numbered 1, 2, … per
 * model × language × item in file order</td></tr>
 * </table>
 *
 * <p>Immutable: {@code ModelCsvColumns.defaults().withLanguage("response_language")}.
 */
public final class ModelCsvColumns {
    private final List<String> model;
    private final List<String> family;
    private final List<String> language;
    private final List<String> item;
    private final List<String> score;
    private final List<String> generation;

    private ModelCsvColumns(List<String> model, List<String> family, List<String> language, List<String> item,
                            List<String> score, List<String> generation) {
        this.model = model;
        this.family = family;
        this.language = language;
        this.item = item;
        this.score = score;
        this.generation = generation;
    }

    /** @return the default column names (the released file's) */
    public static ModelCsvColumns defaults() {
        return new ModelCsvColumns(List.of("model_name", "model"), List.of("model_family", "family"), List.of("language"),
                List.of("question_key", "item"), List.of("response_pro_score", "score"), List.of("generation"));
    }

    /** @param column the model column @return a copy */
    public ModelCsvColumns withModel(String column) {
        return new ModelCsvColumns(List.of(column), family, language, item, score, generation);
    }

    /** @param column the family column @return a copy */
    public ModelCsvColumns withFamily(String column) {
        return new ModelCsvColumns(model, List.of(column), language, item, score, generation);
    }

    /** @param column the language column (e.g. {@code response_language}) @return a copy */
    public ModelCsvColumns withLanguage(String column) {
        return new ModelCsvColumns(model, family, List.of(column), item, score, generation);
    }

    /** @param column the item column @return a copy */
    public ModelCsvColumns withItem(String column) {
        return new ModelCsvColumns(model, family, language, List.of(column), score, generation);
    }

    /** @param column the score column @return a copy */
    public ModelCsvColumns withScore(String column) {
        return new ModelCsvColumns(model, family, language, item, List.of(column), generation);
    }

    /** @param column the generation-number column @return a copy */
    public ModelCsvColumns withGeneration(String column) {
        return new ModelCsvColumns(model, family, language, item, score, List.of(column));
    }

    List<String> model() {
        return model;
    }

    List<String> family() {
        return family;
    }

    List<String> language() {
        return language;
    }

    List<String> item() {
        return item;
    }

    List<String> score() {
        return score;
    }

    List<String> generation() {
        return generation;
    }

    /**
     * @param header the file's header, lower-cased
     * @param candidates names to try
     * @return the first candidate present
     */
    static Optional<String> find(List<String> header, List<String> candidates) {
        for (String c : candidates) {
            String lc = c.strip().toLowerCase(Locale.ROOT);
            if (header.contains(lc)) {
                return Optional.of(lc);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ModelCsvColumns[model=" + model + ", family=" + family + ", language=" + language + ", item=" + item
                + ", score=" + score + ", generation=" + generation + "]";
    }
}
