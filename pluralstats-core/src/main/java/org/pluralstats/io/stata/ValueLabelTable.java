package org.pluralstats.io.stata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One named value-label table ({@code help dta}, section 5.12): labels of ordinary numbers, and
 * separately the labels of the missing-value codes {@code .} and {@code .a}-{@code .z}.
 *
 * @param name the table's name, as variables refer to it
 * @param numbers labels of nonmissing values, in file order
 * @param missing labels of missing-value codes, keyed {@code '.'} or {@code 'a'}..{@code 'z'}
 */
record ValueLabelTable(String name, Map<Double, String> numbers, Map<Character, String> missing) {

    ValueLabelTable {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }
}
