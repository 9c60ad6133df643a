package org.pluralstats.align;

import org.pluralstats.io.sidefile.OptionDistributionFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.stats.JensenShannonDistance;

/** Distribution similarity on a small Table-1-like data set, against scipy (tools/align_reference.py, similarity.json). */
class DistributionSimilarityTest {

    static Path resource(String name) {
        try {
            return Path.of(DistributionSimilarityTest.class.getResource("/org/pluralstats/align/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<OptionDistribution> human() {
        return OptionDistributionFiles.read(resource("similarity/human.csv"));
    }

    static List<OptionDistribution> model() {
        return OptionDistributionFiles.read(resource("similarity/model.json"));
    }

    @Test
    void readsBothFormats() {
        List<OptionDistribution> h = human();
        assertThat(h).hasSize(8);
        assertThat(h.get(0).population()).isEqualTo("US");
        assertThat(h.get(1).population()).isEqualTo("JP");
        OptionDistribution q2 = h.stream().filter(d -> d.question().equals("Q2")).findFirst().orElseThrow();
        assertThat(q2.options()).extracting(OptionCount::ordinal).containsExactly(1.0, 2.0, 3.0, 4.0);
        OptionDistribution q3 = h.stream().filter(d -> d.question().equals("Q3")).findFirst().orElseThrow();
        assertThat(q3.options()).extracting(OptionCount::ordinal).containsExactly(1.0, 2.0, 3.0);
        List<OptionDistribution> m = model();
        assertThat(m.get(0).unclassifiable()).isEqualTo(2);
        assertThat(m.get(3).options()).isEmpty();
        assertThat(m.get(3).unclassifiable()).isEqualTo(100);
    }

    @Test
    void equalsScipyPerQuestionAndPerPopulation() {
        JsonNode ref = AlignFixtures.load("similarity.json");
        SimilarityReport ws = DistributionSimilarity.withDefaults().withResamples(0).compare(human(), model());
        SimilarityReport js2 = DistributionSimilarity.withDefaults().withMetric(SimilarityMetric.JENSEN_SHANNON)
                .withResamples(0).compare(human(), model());
        SimilarityReport jse = DistributionSimilarity.withDefaults().withMetric(SimilarityMetric.JENSEN_SHANNON)
                .withLogBase(JensenShannonDistance.NATURAL).withResamples(0).compare(human(), model());
        double max = 0;
        assertThat(ws.questions()).hasSize(ref.get("cases").size());
        for (JsonNode c : ref.get("cases")) {
            int i = 0;
            while (!(ws.questions().get(i).population().equals(c.get("population").asText())
                    && ws.questions().get(i).question().equals(c.get("question").asText()))) {
                i++;
            }
            QuestionSimilarity w = ws.questions().get(i);
            max = Math.max(max, AlignFixtures.relative(w.distance(), c.get("wasserstein").asDouble()));
            max = Math.max(max, AlignFixtures.relative(w.similarity(), c.get("wassersteinSimilarity").asDouble()));
            max = Math.max(max, AlignFixtures.relative(js2.questions().get(i).distance(), c.get("jsdBase2").asDouble()));
            max = Math.max(max, AlignFixtures.relative(jse.questions().get(i).distance(), c.get("jsdNatural").asDouble()));
        }
        for (int k = 0; k < 2; k++) {
            JsonNode s = ref.get("summaries").get(k);
            SimilaritySummary w = ws.summaries().get(k);
            assertThat(w.population()).isEqualTo(s.get("population").asText());
            assertThat(w.questions()).isEqualTo(s.get("questions").asInt());
            max = Math.max(max, AlignFixtures.relative(w.similarity(), s.get("wassersteinSimilarity").asDouble()));
            max = Math.max(max, AlignFixtures.relative(js2.summaries().get(k).similarity(), s.get("jsdSimilarityBase2").asDouble()));
            max = Math.max(max, AlignFixtures.relative(jse.summaries().get(k).similarity(), s.get("jsdSimilarityNatural").asDouble()));
            max = Math.max(max, AlignFixtures.relative(w.unclassifiableShare(), s.get("unclassifiableShare").asDouble()));
            assertThat(w.classified()).isEqualTo(s.get("classified").asDouble());
            assertThat(w.unclassifiable()).isEqualTo(s.get("unclassifiable").asDouble());
        }
        System.out.printf(Locale.ROOT, "similarity.json: max relative difference to scipy %.3g%n", max);
        assertThat(max).isLessThanOrEqualTo(AlignFixtures.STATISTIC);
        JsonNode ex = ref.get("excluded");
        assertThat(ws.excluded()).containsEntry(DistributionSimilarity.NO_MODEL, ex.get("no model distribution").asInt())
                .containsEntry(DistributionSimilarity.NO_HUMAN, ex.get("no human distribution").asInt())
                .containsEntry(DistributionSimilarity.NO_CLASSIFIED, ex.get("no classifiable model output").asInt());
        assertThat(ws.summaries().get(0).excludedQuestions()).isEqualTo(2);
        assertThat(js2.summaries().get(0).logBase()).isEqualTo(2);
        assertThat(ws.summaries().get(0).logBase()).isNaN();
    }

    @Test
    void bootstrapIntervalsAreSeededAndBracketTheMean() {
        DistributionSimilarity d = DistributionSimilarity.withDefaults().withSeed(5);
        SimilarityReport a = d.compare(human(), model());
        assertThat(d.compare(human(), model())).isEqualTo(a);
        for (SimilaritySummary s : a.summaries()) {
            assertThat(s.resamples()).isEqualTo(1000);
            assertThat(s.ciLow()).isLessThanOrEqualTo(s.similarity());
            assertThat(s.ciHigh()).isGreaterThanOrEqualTo(s.similarity());
        }
    }

    @Test
    void badInput(@TempDir Path dir) throws IOException {
        Path unknown = dir.resolve("m.json");
        Files.writeString(unknown, "[{\"population\":\"US\",\"question\":\"Q1\",\"options\":[\"Maybe\"],\"counts\":[3]}]");
        assertThatThrownBy(() -> DistributionSimilarity.withDefaults().compare(human(), OptionDistributionFiles.read(unknown)))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("\"Maybe\"").hasMessageContaining("[Yes, No]");
        Path negative = dir.resolve("h.csv");
        Files.writeString(negative, "question,option,share\nQ1,a,0.5\nQ1,b,-0.1\n");
        assertThatThrownBy(() -> OptionDistributionFiles.read(negative)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("non-negative");
        Path twice = dir.resolve("t.csv");
        Files.writeString(twice, "question,option,count\nQ1,a,1\nQ1,A,2\n");
        assertThatThrownBy(() -> OptionDistributionFiles.read(twice)).hasMessageContaining("given twice");
        Path lengths = dir.resolve("l.json");
        Files.writeString(lengths, "[{\"question\":\"Q1\",\"options\":[\"a\",\"b\"],\"counts\":[1]}]");
        assertThatThrownBy(() -> OptionDistributionFiles.read(lengths)).hasMessageContaining("entry 1")
                .hasMessageContaining("2 options but 1 counts");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "question,option,ordinal,count\nQ1,a,1,3\nQ1,b,1,4\n");
        SimilarityReport r = DistributionSimilarity.withDefaults().compare(OptionDistributionFiles.read(one), OptionDistributionFiles.read(one));
        assertThat(r.excluded()).containsEntry(DistributionSimilarity.ONE_ORDINAL, 1);
        assertThat(r.summaries().get(0).questions()).isZero();
        assertThat(r.summaries().get(0).similarity()).isNaN();
    }
}
