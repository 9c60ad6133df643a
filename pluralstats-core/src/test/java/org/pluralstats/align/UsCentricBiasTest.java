package org.pluralstats.align;

import org.pluralstats.io.sidefile.PopulationScoreFiles;
import org.pluralstats.io.sidefile.CountryLanguageFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.Correlation;

/** US-centric bias: alignment with the US against the local populations of each prompt language. */
class UsCentricBiasTest {

    @Test
    void aModelThatCopiesTheUsIsBiasedTowardsIt() {
        Map<String, Double> us = new LinkedHashMap<>();
        Map<String, Double> dk = new LinkedHashMap<>();
        Map<String, Double> gb = new LinkedHashMap<>();
        List<Generation> gens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String item = "Q" + i;
            us.put(item, (i * 7 % 12) / 12.0);
            dk.put(item, i / 12.0);
            gb.put(item, ((i * 5) % 12) / 12.0);
            gens.add(Generation.ofScore("m", "f", "da", item, 1, us.get(item)));
            gens.add(Generation.ofScore("m", "f", "en", item, 1, gb.get(item)));
        }
        us.put("ONLY_US", 0.5);
        PopulationScores pops = PopulationScores.of(Map.of("US", us, "DK", dk, "GB", gb));
        CountryLanguages table = CountryLanguages.of(new LinkedHashMap<>(Map.of("DK", "da", "GB", "EN", "US", "en")));
        UsCentricBias bias = UsCentricBias.withDefaults().withResamples(200).withSeed(3);
        assertThat(bias.locals(pops, table, "en")).containsExactly("GB");
        List<UsBiasResult> rows = bias.compare(ModelOutputs.of(gens), pops, table).rows();
        assertThat(rows).hasSize(2);
        UsBiasResult da = rows.get(0);
        assertThat(da.language()).isEqualTo("da");
        assertThat(da.local()).isEqualTo("DK");
        assertThat(da.n()).isEqualTo(12);
        assertThat(da.rhoReference()).isCloseTo(1.0, within(1e-15));
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = us.get("Q" + i);
            y[i] = dk.get("Q" + i);
        }
        assertThat(da.rhoLocal()).isCloseTo(Correlation.spearmanCoefficient(x, y), within(1e-15));
        assertThat(da.difference()).isPositive();
        assertThat(da.ciLow()).isPositive();
        UsBiasResult en = rows.get(1);
        assertThat(en.local()).isEqualTo("GB");
        assertThat(en.rhoLocal()).isCloseTo(1.0, within(1e-15));
        assertThat(en.difference()).isNegative();
        assertThat(bias.compare(ModelOutputs.of(gens), pops, table).rows()).isEqualTo(rows);
    }

    @Test
    void releasedDataRunEndToEnd() {
        ModelOutputs outputs = ModelOutputFiles.read(AlignFixtures.GENERATIONS);
        PopulationScores pops = PopulationScoreFiles.read(AlignFixtures.COUNTRY);
        CountryLanguages table = CountryLanguageFiles.read(AlignFixtures.COUNTRY_LANGUAGES);
        assertThat(table.countries("en")).containsExactly("GB", "CA", "US", "AU", "SG", "KE", "NZ", "NG", "NIR");
        // the every-country ground truth carries the same country → language pairs
        assertThat(CountryLanguageFiles.read(AlignFixtures.COUNTRY).asMap()).isEqualTo(table.asMap());
        List<UsBiasResult> rows = UsCentricBias.withDefaults().withResamples(0).compare(outputs, pops, table).rows();
        // per model: da → DK, nl → NL, pt → BR and PT, en → 8 countries besides the US
        assertThat(rows).hasSize(9 * (1 + 1 + 2 + 8));
        assertThat(rows).allSatisfy(r -> assertThat(r.difference()).isCloseTo(r.rhoReference() - r.rhoLocal(), within(0.0)));
    }

    @Test
    void missingReferenceIsAnError() {
        PopulationScores pops = PopulationScores.of(Map.of("DK", Map.of("A", 0.5)));
        assertThatThrownBy(() -> UsCentricBias.withDefaults().compare(ModelOutputs.of(List.of()), pops,
                CountryLanguages.of(Map.of("DK", "da")))).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("reference population US");
    }
}
