package org.pluralstats.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a {@link SurveyData}, as typed values: a view built on demand by {@link SurveyData#row(int)}.
 *
 * @param id the respondent identifier (from the file, or the 1-based row number)
 * @param attributes population attributes such as group, country or interview language
 * @param weight the design weight (1 when the data set has none)
 * @param responses the answer to every item, keyed by item id, in column order
 */
public record Respondent(String id, Map<String, String> attributes, double weight, Map<String, Response> responses) {

    /** Copies the maps. */
    public Respondent {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    }

    /**
     * @param attribute attribute name (case-insensitive)
     * @return its value for this respondent
     */
    public Optional<String> attribute(String attribute) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(attribute)) {
                return Optional.ofNullable(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * @param itemId item id (case-insensitive)
     * @return the response, or empty when the data set has no such item
     */
    public Optional<Response> response(String itemId) {
        for (Map.Entry<String, Response> e : responses.entrySet()) {
            if (e.getKey().equalsIgnoreCase(itemId)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
