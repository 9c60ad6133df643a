package org.pluralstats.weight;

import org.pluralstats.io.CaseReader;
import org.pluralstats.io.StreamedScores;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.ConfidenceInterval;

/**
 * The one-pass scorer equals the in-memory path (itself checked against R survey in
 * ValuePolarityScoresReferenceTest) on every sample format, population and weight.
 */
class StreamingScoresTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("wvs7-sample.csv", "wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.dta")) {
            for (String by : List.of("B_COUNTRY_ALPHA", "S_INTLANGUAGE", "global")) {
                for (String weight : List.of("W_WEIGHT", "W_WEIGHT*S018", "none")) {
                    out.add(Arguments.of(file, by, weight, "items.json"));
                }
            }
            out.add(Arguments.of(file, "B_COUNTRY_ALPHA", "W_WEIGHT", "paper"));
        }
        out.add(Arguments.of("joint-sample.csv", "cntry_AN", "gwght*pwght", "paper"));
        return out.stream();
    }

    private static Binarisation binarisation(String items) {
        return items.equals("paper") ? Binarisation.paper()
                : ItemCodingFiles.read(Fixtures.SAMPLES.resolve(items)).binarisation();
    }

    private static ScoreTable stream(StreamingScores scorer, Path file) {
        try (CaseReader reader = SurveyFiles.open(file)) {
            return StreamedScores.estimate(scorer, reader);
        }
    }

    @ParameterizedTest(name = "{0} by {1} weight {2} {3}")
    @MethodSource("cases")
    void equalsTheInMemoryPath(String file, String by, String weight, String items) {
        SurveyData data = Fixtures.read(Fixtures.SAMPLES.resolve(file));
        PolarityDesign design = PolarityDesign.builder(data).binarisation(binarisation(items))
                .populations(PopulationSpec.parse(by)).weight(WeightSpec.parse(weight)).build();
        ScoreTable expected = ValuePolarityScores.withDefaults().estimate(design);
        ScoreTable streamed = stream(StreamingScores.of(binarisation(items),
                by, WeightSpec.parse(weight), InvalidWeights.FAIL),
                Fixtures.SAMPLES.resolve(file));
        assertThat(streamed.populations()).containsExactlyElementsOf(expected.populations());
        assertThat(streamed.items()).containsExactlyElementsOf(expected.items());
        assertThat(streamed.rows()).hasSameSizeAs(expected.rows());
        for (int i = 0; i < expected.rows().size(); i++) {
            ValuePolarityScore e = expected.rows().get(i);
            ValuePolarityScore s = streamed.rows().get(i);
            assertThat(s.population()).isEqualTo(e.population());
            assertThat(s.item()).isEqualTo(e.item());
            assertThat(s.n()).isEqualTo(e.n());
            for (double[] pair : new double[][] {{s.vps(), e.vps()}, {s.se(), e.se()}, {s.nEff(), e.nEff()},
                {s.weightSum(), e.weightSum()}, {ConfidenceInterval.lower(s.interval()), ConfidenceInterval.lower(e.interval())},
                {ConfidenceInterval.upper(s.interval()), ConfidenceInterval.upper(e.interval())}}) {
                if (Double.isNaN(pair[1])) {
                    assertThat(pair[0]).isNaN();
                } else {
                    assertThat(pair[0]).isCloseTo(pair[1], within(1e-12 * Math.max(1, Math.abs(pair[1]))));
                }
            }
        }
    }

    @Test
    void aBadWeightNamesTheRow() throws IOException {
        Path p = dir.resolve("w.csv");
        Files.writeString(p, "B_COUNTRY_ALPHA,W_WEIGHT,Q1\nDNK,1,1\nDNK,0,2\n");
        StreamingScores s = StreamingScores.of(Binarisation.of(List.of(ItemCoding.of("Q1", 1))),
                "B_COUNTRY_ALPHA", WeightSpec.design(), InvalidWeights.FAIL);
        assertThatThrownBy(() -> stream(s, p)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("w.csv").hasMessageContaining("row 2").hasMessageContaining("W_WEIGHT");
        ScoreTable t = stream(StreamingScores.of(Binarisation.of(List.of(ItemCoding.of("Q1", 1))),
                "B_COUNTRY_ALPHA", WeightSpec.design(), InvalidWeights.EXCLUDE), p);
        assertThat(t.rows().get(0).n()).isEqualTo(1);
        assertThat(t.rows().get(0).excluded()).isEqualTo(1);
    }
}
