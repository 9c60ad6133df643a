package org.pluralstats.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Formula expansion, checked against the expected results in patsy 0.5's {@code desc.py} test table. */
class FormulaTest {
    /** The intercept flag and terms; a trailing {@code + zz} (removed again) keeps every right-hand side non-empty. */
    private static String rhs(String formula) {
        Formula f = Formula.parse(formula + " + zz");
        String terms = f.terms().stream().filter(t -> !t.isIntercept()).map(Term::name).filter(n -> !n.equals("zz"))
                .collect(Collectors.joining(" + "));
        return (f.hasIntercept() ? "1" : "0") + (terms.isEmpty() ? "" : " | " + terms);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "y ~ a; 1 | a",
        "y ~ 1; 1",
        "y ~ 0; 0",
        "y ~ - 1; 0",
        "y ~ - 0; 1",
        "y ~ + 1; 1",
        "y ~ + 0; 0",
        "y ~ 0 + 1; 1",
        "y ~ 1 + 0; 0",
        "y ~ 1 - 0; 1",
        "y ~ 0 - 1; 0",
        "y ~ 1 + a; 1 | a",
        "y ~ 0 + a; 0 | a",
        "y ~ a - 1; 0 | a",
        "y ~ a - 0; 1 | a",
        "y ~ 1 - a; 1",
        "y ~ a + b; 1 | a + b",
        "y ~ a + ((((b)))); 1 | a + b",
        "y ~ a + ((((b - a)))); 1 | a + b",
        "y ~ a + a + a; 1 | a",
        "y ~ a:b; 1 | a:b",
        "y ~ a:b:a; 1 | a:b",
        "y ~ a:(b + c); 1 | a:b + a:c",
        "y ~ (a + b):c; 1 | a:c + b:c",
        "y ~ c + a:c + a:(b - c); 1 | c + a:c + a:b",
        "y ~ a:b - a:b; 1",
        "y ~ a:b - b:a; 1",
        "y ~ a * b; 1 | a + b + a:b",
        "y ~ a * b * a; 1 | a + b + a:b",
        "y ~ a * (b + c); 1 | a + b + c + a:b + a:c",
        "y ~ (a + b) * c; 1 | a + b + c + a:c + b:c",
        "y ~ (a - b) * c; 1 | a + c + a:c",
        "y ~ a/b; 1 | a + a:b",
        "y ~ (a + b)/c; 1 | a + b + a:b:c",
        "y ~ a/(b + c); 1 | a + a:b + a:c",
        "y ~ a ** 2; 1 | a",
        "y ~ (a + b + c) ** 2; 1 | a + b + c + a:b + a:c + b:c",
        "y ~ a*b + 0; 0 | a + b + a:b",
        "y ~ a + b * c; 1 | a + b + c + b:c",
        "y ~ a * b - a; 1 | b + a:b",
        "y ~ a*b:c; 1 | a + b:c + a:b:c",
        "y ~ a:b*c; 1 | a:b + c + a:b:c",
        "y ~ 1 + 1 + 0 + 1; 1",
        "y ~ 0 + 1 + 0; 0",
        "y ~ 0 - 1 - 1 + 0 + 1; 1",
        "y ~ 1 - 1; 0",
        "y ~ 0 + a + 1; 1 | a",
        "y ~ 1 + (a + 0); 1 | a",
        "y ~ 0 + (a + 1); 1 | a",
        "y ~ 1 - (a + 1); 0",
        "metric_value ~ us*model_name:language; 1 | us + model_name:language + us:model_name:language",
        "alignment ~ 0 + consistency:language + multilingual:family:language; 0 | consistency:language + multilingual:family:language",
    })
    void expandsAsPatsy(String formula, String expected) {
        assertThat(rhs(formula)).isEqualTo(expected.strip());
    }

    @Test
    void namesFactorsAndColumns() {
        Formula f = Formula.parse("  score ~ C(year) + Q(\"response language\") + a:b ");
        assertThat(f.text()).isEqualTo("score ~ C(year) + Q(\"response language\") + a:b");
        assertThat(f.response().column()).isEqualTo("score");
        assertThat(f.columns()).containsExactly("score", "year", "response language", "a", "b");
        Factor c = f.terms().get(1).factors().get(0);
        assertThat(c.name()).isEqualTo("C(year)");
        assertThat(c.forceCategorical()).isTrue();
        assertThat(f.terms().get(2).factors().get(0).name()).isEqualTo("Q(\"response language\")");
        assertThat(f.expanded()).isEqualTo("score ~ 1 + C(year) + Q(\"response language\") + a:b");
        assertThat(Formula.parse("y ~ 0 + a").expanded()).isEqualTo("y ~ 0 + a");
    }

    @Test
    void termsAreSetsButKeepWrittenOrder() {
        Formula f = Formula.parse("y ~ b:a + a:b:a");
        assertThat(f.terms()).hasSize(2);
        assertThat(f.terms().get(1).name()).isEqualTo("b:a");
        assertThat(f.terms().get(1)).isEqualTo(Term.of(List.of(new Factor("a", "a", false), new Factor("b", "b", false))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "y + a; has no '~'",
        "~ a; needs a response",
        "y ~ a ~ b; only once",
        "y ~ a +; expected a term, found the end of the formula",
        "y ~ (a + b; expected ')'",
        "y ~ a b; expected an operator before 'b'",
        "y ~ 2 + a; numbers other than 0 and 1",
        "y ~ a ** b; '**' requires a positive integer",
        "y ~ log(a); unsupported function log()",
        "y ~ C(a, Sum); contrasts other than treatment",
        "y ~ Q(a); one quoted column name",
        "y ~ -a; unary minus can only be applied to 0 or 1",
        "y ~ 1:a; intercept cannot interact",
        "C(y) ~ a; must be numeric, not categorical",
        "y + z ~ a; the response must be one numeric column",
        "y ~ 0; has no terms",
        "y ~ a $ b; unexpected character '$' at position 7",
    })
    void rejectsBadFormulasClearly(String formula, String message) {
        assertThatThrownBy(() -> Formula.parse(formula)).isInstanceOf(RegressionException.class)
                .hasMessageContaining(message.strip());
    }
}
