package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A formula term: an interaction of factors ({@code a:b:c}), or the intercept (no factors). As in
 * patsy, a term is a set: {@code a:b} and {@code b:a} are the same term and {@code a:a} is {@code a},
 * but the factors keep the order in which they were first written, which decides the order of the
 * parts of coefficient names ({@code model_name[T.x]:language[da]}).
 */
public final class Term {
    /** The intercept term, {@code 1}. */
    public static final Term INTERCEPT = new Term(List.of());

    private final List<Factor> factors;
    private final Set<Factor> set;

    private Term(List<Factor> factors) {
        this.factors = List.copyOf(new LinkedHashSet<>(factors));
        this.set = Set.copyOf(this.factors);
    }

    /**
     * @param factors the factors (duplicates are removed, the first occurrence keeps its place)
     * @return the term
     */
    public static Term of(List<Factor> factors) {
        return factors.isEmpty() ? INTERCEPT : new Term(factors);
    }

    /**
     * @param other another term
     * @return the interaction {@code this:other} (the factors of this term, then the new ones of other)
     */
    Term interact(Term other) {
        List<Factor> all = new ArrayList<>(factors);
        all.addAll(other.factors);
        return of(all);
    }

    /** @return the factors in their written order (empty for the intercept) */
    public List<Factor> factors() {
        return factors;
    }

    /** @return {@code true} for the intercept */
    public boolean isIntercept() {
        return factors.isEmpty();
    }

    /** @return the term as written: {@code Intercept}, {@code a}, {@code a:b} */
    public String name() {
        return factors.isEmpty() ? "Intercept" : factors.stream().map(Factor::name).collect(Collectors.joining(":"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Term t && t.set.equals(set);
    }

    @Override
    public int hashCode() {
        return set.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
