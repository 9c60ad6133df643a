package org.pluralstats.io.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One option of a choice or checkbox item in a {@link Codebook}: its canonical code, a label for
 * tables, and the option's text in each language version of the form.
 *
 * @param code the canonical code stored in the data ({@code B}), the same in every language
 * @param label a short label for reports ({@code Model B}); the code when the codebook gives none
 * @param texts the option's text per language key ({@code "en" -> "Model B: slightly less accurate..."})
 */
public record CodebookOption(String code, String label, Map<String, String> texts) {

    /** Checks the code and copies the texts. */
    public CodebookOption {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an option needs a code");
        }
        label = label == null || label.isBlank() ? code : label;
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts == null ? Map.of() : texts));
    }
}
