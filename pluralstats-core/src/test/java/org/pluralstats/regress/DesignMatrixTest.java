package org.pluralstats.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignMatrixTest {
    private static final double NA = Double.NaN;

    private static Factor f(String name) {
        return new Factor(name, name, false);
    }

    private static RegressionData small() {
        return RegressionData.builder()
                .numeric("y", new double[] {1, 2, 3, 4, 5, 6, NA, 8})
                .numeric("x", new double[] {0.5, 1, 1.5, 2, 2.5, 3, 3.5, NA})
                .text("lang", new String[] {"pt", "da", "en", "da", "Zulu", "pt", "en", "da"})
                .text("flag", new String[] {"true", "FALSE", "False", "True", "true", "false", "true", "false"})
                .numeric("wave", new double[] {2, 1, 3, 2, 1, 3, 2, 1})
                .build();
    }

    @Test
    void codesTextAndBooleansWithSortedTreatmentLevels() {
        DesignMatrix d = DesignMatrix.of(Formula.parse("y ~ lang + flag + x"), small());
        // rows 7 (y missing) and 8 (x missing) are dropped; 'Z' sorts before lower case, as in Python
        assertThat(d.rows()).isEqualTo(6);
        assertThat(d.droppedRows()).isEqualTo(2);
        assertThat(d.dataRows()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(d.names()).containsExactly("Intercept", "lang[T.da]", "lang[T.en]", "lang[T.pt]", "flag[T.True]", "x");
        assertThat(d.levels().get(f("lang"))).containsExactly("Zulu", "da", "en", "pt");
        assertThat(d.column(1)).containsExactly(0, 1, 0, 1, 0, 0);
        assertThat(d.column(4)).containsExactly(1, 0, 0, 1, 1, 0);
        assertThat(d.response()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(d.term(5).name()).isEqualTo("x");
    }

    @Test
    void forcedCategoricalNumbersSortNumerically() {
        DesignMatrix d = DesignMatrix.of(Formula.parse("y ~ C(wave)"), small());
        assertThat(d.names()).containsExactly("Intercept", "C(wave)[T.2]", "C(wave)[T.3]");
    }

    @Test
    void missingLowerOrderTermGivesFullRankCoding() {
        DesignMatrix d = DesignMatrix.of(Formula.parse("y ~ x:lang"), small());
        assertThat(d.names()).containsExactly("Intercept", "x:lang[Zulu]", "x:lang[da]", "x:lang[en]", "x:lang[pt]");
        DesignMatrix e = DesignMatrix.of(Formula.parse("y ~ flag:lang"), small());
        assertThat(e.names()).containsExactly("Intercept", "lang[T.da]", "lang[T.en]", "lang[T.pt]",
                "flag[T.True]:lang[Zulu]", "flag[T.True]:lang[da]", "flag[T.True]:lang[en]", "flag[T.True]:lang[pt]");
    }

    @Test
    void picksContrastsAsPatsysRedundancyTests() {
        // patsy 0.5 redundancy.py test_pick_contrasts_for_term
        Set<Set<Factor>> used = new HashSet<>();
        assertThat(DesignMatrix.pickContrasts(Term.INTERCEPT, Set.of(), used)).containsExactly(Map.of());
        assertThat(DesignMatrix.pickContrasts(Term.of(List.of(f("a"), f("x"))), Set.of(f("x")), used))
                .containsExactly(Map.of(f("a"), false));
        assertThat(DesignMatrix.pickContrasts(Term.of(List.of(f("a"), f("b"))), Set.of(), used))
                .containsExactly(Map.of(f("a"), true, f("b"), false));
        Set<Set<Factor>> snapshot = new HashSet<>(used);
        assertThat(DesignMatrix.pickContrasts(Term.of(List.of(f("c"), f("d"))), Set.of(), used))
                .containsExactly(Map.of(f("d"), false), Map.of(f("c"), false, f("d"), true));
        assertThat(DesignMatrix.pickContrasts(Term.of(List.of(f("d"), f("c"))), Set.of(), snapshot))
                .containsExactly(Map.of(f("c"), false), Map.of(f("c"), true, f("d"), false));
    }

    @Test
    void sortsSubsetsAsPatsy() {
        assertThat(DesignMatrix.sortedSubsets(List.of(1, 2, 3))).containsExactly(List.of(), List.of(1), List.of(2),
                List.of(3), List.of(1, 2), List.of(1, 3), List.of(2, 3), List.of(1, 2, 3));
    }

    @Test
    void unknownColumnIsNamedWithTheAvailableOnes() {
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ Lang"), small()))
                .isInstanceOf(RegressionException.class)
                .hasMessageContaining("no column 'Lang' in data (did you mean 'lang'?); columns: y, x, lang, flag, wave");
    }

    @Test
    void categoricalWithOneLevelIsAnError() {
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, 2, 3})
                .text("g", new String[] {"a", "a", "b"}).numeric("w", new double[] {1, 2, NA}).build();
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ g + w"), d))
                .isInstanceOf(RegressionException.class)
                .hasMessageContaining("categorical g has only one level ('a') in the 2 complete rows");
    }

    @Test
    void textInANumericColumnIsAnErrorNamingTheRow() {
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, 2, 3, 4})
                .text("x", new String[] {"1.5", "2", "two", "4e1"}).build();
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ x"), d))
                .isInstanceOf(RegressionException.class)
                .hasMessageContaining("column 'x' mixes numbers and text")
                .hasMessageContaining("row 3 of data holds 'two', not a number")
                .hasMessageContaining("write C(x)");
        assertThat(DesignMatrix.of(Formula.parse("y ~ C(x)"), d).names())
                .containsExactly("Intercept", "C(x)[T.2]", "C(x)[T.4e1]", "C(x)[T.two]");
    }

    @Test
    void numbersBeyondTheRangeOfADoubleAreAnErrorNeverACategoricalTerm() {
        // a reader keeps a column as text when a value overflows: it was silently categorical (6 levels)
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, 2, 3, 5, 6, 7})
                .text("x", new String[] {"1e400", "3", "4", "6", "8", "9"}).build();
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ x"), d)).isInstanceOf(RegressionException.class)
                .hasMessage("column 'x' cannot be numeric: row 1 of data holds '1e400', beyond the range of a double"
                        + " (±1.8e308); correct the value, or write C(x) to use the column as categorical");
        RegressionData y = RegressionData.builder().text("y", new String[] {"1e400", "2", "3", "4"})
                .numeric("x", new double[] {1, 2, 3, 5}).build();
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ x"), y)).isInstanceOf(RegressionException.class)
                .hasMessage("the response 'y' cannot be numeric: row 1 of data holds '1e400', beyond the range of a"
                        + " double (±1.8e308); correct the value");
        // written as numbers but kept as text (with a missing value): parsed, a numeric term
        RegressionData t = RegressionData.builder().numeric("y", new double[] {1, 2, 3, 5})
                .text("x", new String[] {"1.5", null, "3", "4e1"}).build();
        DesignMatrix m = DesignMatrix.of(Formula.parse("y ~ x"), t);
        assertThat(m.names()).containsExactly("Intercept", "x");
        assertThat(m.rows()).isEqualTo(3);
    }

    @Test
    void textResponseIsAnError() {
        RegressionData d = RegressionData.builder().text("y", new String[] {"1", "x"})
                .numeric("x", new double[] {1, 2}).build();
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ x"), d))
                .hasMessageContaining("the response 'y' must be numeric; row 2 of data holds 'x', not a number");
    }

    @Test
    void noCompleteRowIsAnError() {
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, NA})
                .numeric("x", new double[] {NA, 2}).build();
        assertThatThrownBy(() -> DesignMatrix.of(Formula.parse("y ~ x"), d))
                .hasMessageContaining("no row of data has values for every column");
    }
}
