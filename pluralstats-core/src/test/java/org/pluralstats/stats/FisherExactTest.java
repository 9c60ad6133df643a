package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

class FisherExactTest {

    static Stream<Arguments> tables() {
        return PilotTestsFixture.cases("fisher");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void pValueEqualsRFisherTest(String name, JsonNode c) {
        FisherExact.Result r = FisherExact.test(PilotTestsFixture.table(c.get("table")));
        assertClose(name + " p", r.pValue(), c.get("p").asDouble(), 1e-12);
        assertThat(r.method()).isEqualTo(FisherExact.Method.EXACT);
        assertThat(r.oddsRatio().isPresent()).isEqualTo(c.has("oddsRatio"));
        if (c.has("oddsRatio")) {
            ConfidenceInterval ci = r.oddsRatioInterval().orElseThrow();
            // the same equations as fisher.test, solved tightly in R (uniroot tol = 1e-15)
            assertClose(name + " OR", r.oddsRatio().getAsDouble(), c.get("oddsRatioTight").asDouble(), 1e-10);
            assertClose(name + " OR lower", ci.lower(), c.get("orLowerTight").asDouble(), 1e-10);
            assertClose(name + " OR upper", ci.upper(), c.get("orUpperTight").asDouble(), 1e-10);
            // fisher.test's own values: roots by uniroot at its default tolerance, eps^0.25 = 1.22e-4 absolute
            // on the scale it searches, ψ in [0, 1] or 1/ψ in [0, 1]
            assertWithinUniroot(name + " R OR", r.oddsRatio().getAsDouble(), c.get("oddsRatio").asDouble());
            assertWithinUniroot(name + " R OR lower", ci.lower(), c.get("orLower").asDouble());
            assertWithinUniroot(name + " R OR upper", ci.upper(), c.get("orUpper").asDouble());
        }
    }

    private static void assertWithinUniroot(String what, double actual, double r) {
        double tol = Math.pow(Math.ulp(1.0), 0.25);
        if (r <= 1) {
            assertThat(actual).as(what).isCloseTo(r, within(tol));
        } else {
            assertThat(1 / actual).as(what + " (1/ψ)").isCloseTo(1 / r, within(tol));
        }
    }

    @Test
    void theQ4ChoiceTableOfThePilot() {
        // Model A / Model B per language group: Arabic 3/4, Chinese 5/11, Farsi 3/8, English 10/12
        FisherExact.Result r = FisherExact.test(new long[][] {{3, 4}, {5, 11}, {3, 8}, {10, 12}});
        assertThat(r.pValue()).isCloseTo(0.74676557471153293, within(1e-13));
        assertThat(r.tables()).isEqualTo(8 * 12 * 9 - countInfeasible());
    }

    /** Column A total 21 across rows of 7, 16, 11, 22: tables are the a_i with 0 <= a_i <= row_i, Σ a_i = 21. */
    private static long countInfeasible() {
        long feasible = 0;
        for (int a = 0; a <= 7; a++) {
            for (int b = 0; b <= 16; b++) {
                for (int c = 0; c <= 11; c++) {
                    int d = 21 - a - b - c;
                    feasible += d >= 0 && d <= 22 ? 1 : 0;
                }
            }
        }
        return 8 * 12 * 9 - feasible;
    }

    @Test
    void emptyRowsAndColumnsAreDroppedAndADegenerateTableHasPOne() {
        FisherExact.Result withEmpty = FisherExact.test(new long[][] {{3, 0, 1}, {0, 0, 0}, {1, 0, 3}});
        assertThat(withEmpty.pValue()).isCloseTo(0.48571428571428582, within(1e-15));
        assertThat(FisherExact.test(new long[][] {{4, 5, 0}}).pValue()).isEqualTo(1.0);
        assertThat(FisherExact.test(new long[][] {{4}, {6}}).pValue()).isEqualTo(1.0);
    }

    @Test
    void refusesBeyondTheBoundOrFallsBackToASeededMonteCarloP() {
        long[][] job = {{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}};
        assertThatThrownBy(() -> FisherExact.withDefaults().withMaxTables(1000).apply(job))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("more than 1000 tables")
                .hasMessageContaining("withMonteCarlo");
        FisherExact mc = FisherExact.withDefaults().withMaxTables(1000).withMonteCarlo(20000, 42L);
        FisherExact.Result a = mc.apply(job);
        assertThat(a.method()).isEqualTo(FisherExact.Method.MONTE_CARLO);
        assertThat(a.tables()).isEqualTo(20000);
        assertThat(a.pValue()).isEqualTo(mc.apply(job).pValue()); // same seed, same p
        // R: 0.78268; the simulated p has SD sqrt(p(1 - p)/B) = 0.0029
        assertThat(a.pValue()).isCloseTo(0.78268493896563884, within(0.015));
        assertThat(FisherExact.withDefaults().withMonteCarlo(100, 1L).withMaxTables(1000).apply(job).pValue() * 101)
                .isCloseTo(Math.rint(FisherExact.withDefaults().withMonteCarlo(100, 1L).withMaxTables(1000).apply(job)
                        .pValue() * 101), within(1e-9));
    }

    @Test
    void badTablesAreErrors() {
        assertThatThrownBy(() -> FisherExact.test(new long[][] {{1, -1}, {2, 3}})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("cell (0, 1)");
        assertThatThrownBy(() -> FisherExact.test(new long[][] {{1, 2}, {3}})).hasMessageContaining("row 1");
        assertThatThrownBy(() -> FisherExact.test(new long[][] {{0, 0}, {0, 0}})).hasMessageContaining("total 0");
        assertThatThrownBy(() -> FisherExact.counts(new double[][] {{1.5, 2}})).hasMessageContaining("whole counts");
    }
}
