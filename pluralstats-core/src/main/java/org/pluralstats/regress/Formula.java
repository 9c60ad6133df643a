package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An R-style model formula, {@code y ~ a + b:c + d*e - 1}, read with patsy's rules (the formula
 * language of statsmodels' {@code smf.ols} and {@code smf.mixedlm}).
 *
 * <p>Operators, loosest first: {@code ~}; {@code +} (add terms), {@code -} (remove terms);
 * {@code *} ({@code a*b = a + b + a:b}), {@code /} ({@code a/b = a + a:b}); {@code :} (interaction);
 * {@code **} ({@code (a+b+c)**2}: all interactions up to order 2). All are left-associative, so
 * {@code a*b:c} is {@code a + b:c + a:b:c}. The intercept is included unless removed with {@code 0 +},
 * {@code + 0} or {@code - 1}; {@code 1 +} puts it back. A factor is a column name ({@code language}),
 * a quoted column name ({@code Q("response language")}) or a column forced to be categorical
 * ({@code C(year)}).
 *
 * <p>The terms keep the order in which the formula produces them (duplicates removed), the intercept
 * first; {@link DesignMatrix} then orders them as patsy does (terms without numeric factors first,
 * then by degree of interaction). Source: patsy 0.5 {@code desc.py} ({@code Evaluator}) and
 * {@code infix_parser.py}; N. J. Smith, <i>patsy — Describing statistical models in Python</i>,
 * section "How formulas work".
 */
public final class Formula {
    private final String text;
    private final Factor response;
    private final List<Term> terms;
    private final boolean intercept;

    private Formula(String text, Factor response, List<Term> terms, boolean intercept) {
        this.text = text;
        this.response = response;
        this.terms = List.copyOf(terms);
        this.intercept = intercept;
    }

    /**
     * Parses a formula.
     *
     * @param text the formula, e.g. {@code metric_value ~ us*model_name:language}
     * @return the formula
     * @throws RegressionException on a syntax error (naming the position), a missing or composite
     *     response, an unsupported function, or a right-hand side with no terms and no intercept
     */
    public static Formula parse(String text) {
        Objects.requireNonNull(text, "formula");
        FormulaParser.Result r = FormulaParser.parse(text);
        List<Term> rhs = new ArrayList<>();
        if (r.intercept()) {
            rhs.add(Term.INTERCEPT);
        }
        rhs.addAll(r.terms());
        if (rhs.isEmpty()) {
            throw new RegressionException("formula '" + text + "' has no terms on the right-hand side");
        }
        return new Formula(text.strip(), r.response(), rhs, r.intercept());
    }

    /** @return the formula as given (surrounding space removed) */
    public String text() {
        return text;
    }

    /** @return the response (left-hand side) factor */
    public Factor response() {
        return response;
    }

    /** @return the right-hand side terms, the intercept first when present, in formula order */
    public List<Term> terms() {
        return terms;
    }

    /** @return whether the right-hand side has an intercept */
    public boolean hasIntercept() {
        return intercept;
    }

    /** @return the data columns the formula reads, the response first, each once */
    public List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        out.add(response.column());
        for (Term t : terms) {
            for (Factor f : t.factors()) {
                out.add(f.column());
            }
        }
        return List.copyOf(out);
    }

    /** @return the expanded formula, e.g. {@code y ~ 1 + a + b + a:b} */
    public String expanded() {
        StringBuilder sb = new StringBuilder(response.name()).append(" ~ ");
        if (!intercept) {
            sb.append("0");
        }
        boolean first = intercept;
        for (Term t : terms) {
            if (!first) {
                sb.append(" + ");
            }
            sb.append(t.isIntercept() ? "1" : t.name());
            first = false;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
