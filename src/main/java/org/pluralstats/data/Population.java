package org.pluralstats.data;

/**
 * A population that scores are computed for: the respondents whose {@code attribute} equals
 * {@code value} (e.g. {@code B_COUNTRY_ALPHA = DNK}, {@code group = Arabic}), or everyone
 * ({@link #global()}).
 *
 * @param attribute the attribute that defines it, or {@code "*"} for the global population
 * @param value the attribute value, or {@code "global"}
 */
public record Population(String attribute, String value) {

    /** The attribute name used by {@link #global()}. */
    public static final String ALL = "*";

    /** Requires both parts. */
    public Population {
        if (attribute == null || value == null) {
            throw new IllegalArgumentException("population needs an attribute and a value");
        }
    }

    /** @return the population of all respondents, named {@code global} */
    public static Population global() {
        return new Population(ALL, "global");
    }

    /** @return whether this is the population of all respondents */
    public boolean isGlobal() {
        return ALL.equals(attribute);
    }

    /** @return the name shown in tables: the attribute value */
    public String name() {
        return value;
    }
}
