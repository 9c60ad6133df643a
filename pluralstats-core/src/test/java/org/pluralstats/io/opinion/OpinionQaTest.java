package org.pluralstats.io.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.OptionDistribution;

/**
 * OpinionQA's group distributions as its helpers.extract_human_opinions computes them: the synthetic wave W99
 * and the reference written by tools/opinionqa_reference.py (pandas 1.5.3, numpy 1.24.2).
 */
class OpinionQaTest {
    private static final Path DIR = Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/opinion");
    private static final Path WAVE = DIR.resolve("American_Trends_Panel_W99");

    private static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("opinionqa_w99_reference.json").toFile()).get("groupings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Overall", "CREGION", "SEX", "CREGION,SEX"})
    void sharesAndRefusalSharesEqualOpinionQasPandasCode(String grouping) throws IOException {
        JsonNode ref = reference().get(grouping);
        List<String> by = grouping.equals("Overall") ? List.of() : List.of(grouping.split(","));
        OpinionQaDistributions d = OpinionQa.wave(WAVE).withGroups(by).read();

        Map<String, OpinionQaDistributions.Row> rows = new HashMap<>();
        d.rows().forEach(r -> rows.put(r.population() + "|" + r.question().key(), r));
        Set<String> refLeftOut = new HashSet<>();
        int compared = 0;
        for (JsonNode e : ref.get("distributions")) {
            String id = e.get("population").asText() + "|" + e.get("question").asText();
            if (e.has("left_out")) {
                refLeftOut.add(id);
                assertThat(rows).as(id).doesNotContainKey(id);
                continue;
            }
            OpinionQaDistributions.Row r = rows.get(id);
            assertThat(r).as(id).isNotNull();
            List<String> options = new ArrayList<>();
            e.get("options").forEach(o -> options.add(o.asText()));
            assertThat(r.question().ordinalOptions()).as(id).containsExactlyElementsOf(options);
            for (int k = 0; k < options.size(); k++) {
                assertThat(r.shares().get(k)).as(id + " " + options.get(k)).isCloseTo(e.get("shares").get(k).asDouble(), within(1e-12));
                assertThat(r.question().ordinals().get(k)).isEqualTo(e.get("ordinal").get(k).asDouble());
            }
            assertThat(r.refusalShare()).as(id + " refusal").isCloseTo(e.get("refusal_share").asDouble(), within(1e-12));
            compared++;
        }
        assertThat(d.rows()).hasSize(compared);
        assertThat(compared).isGreaterThan(3);
        // left out: exactly the reference's `continue`s, plus populations without any answer (absent from its dict)
        for (OpinionQaDistributions.LeftOut l : d.leftOut()) {
            String id = l.population() + "|" + l.question();
            if (refLeftOut.remove(id)) {
                assertThat(l.reason()).isEqualTo(OpinionQaDistributions.LeftOut.NO_WEIGHT);
                assertThat(l.n()).isPositive();
            } else {
                assertThat(l.reason()).as(id).isEqualTo(OpinionQaDistributions.LeftOut.NO_ANSWERS);
                assertThat(l.n()).isZero();
            }
        }
        assertThat(refLeftOut).isEmpty();

        JsonNode acc = ref.get("accounting");
        OpinionQaDistributions.Accounting a = d.accounting();
        assertThat(List.of(a.respondents(), a.outsideGroups(), a.missingWeight(), a.zeroWeight(), a.kept())).containsExactly(
                acc.get("respondents").asLong(), acc.get("outside_groups").asLong(), acc.get("missing_weight").asLong(),
                acc.get("zero_weight").asLong(), acc.get("kept").asLong());
        assertThat(a.outsideGroups() + a.missingWeight() + a.zeroWeight() + a.kept()).isEqualTo(a.respondents());
        assertThat(a.respondents()).isEqualTo(300);
        assertThat(d.weight()).isEqualTo("WEIGHT_W99");
    }

    @Test
    void everyAnswerIsCountedOnceAndTheRefusalShareIsKeptApart() {
        OpinionQaDistributions d = OpinionQa.wave(WAVE).read();
        assertThat(d.rows()).hasSize(4).allSatisfy(r -> {
            assertThat(r.population()).isEqualTo(OpinionQa.OVERALL);
            assertThat(r.shares().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
            long listed = r.optionN().stream().mapToLong(Long::longValue).sum();
            // ordinal options + refusals + unlisted = every non-blank answer of the population
            assertThat(listed).isLessThanOrEqualTo(r.n());
            assertThat(r.refusalShare()).isBetween(0.0, 1.0);
            double valid = r.optionWeight().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(valid + r.refusalWeight()).isLessThanOrEqualTo(r.weight() + 1e-9);
            assertThat(r.refusalShare()).isCloseTo(r.refusalWeight() / r.weight(), within(1e-15));
        });
        OpinionQaDistributions.Row work = d.rows().get(2);
        assertThat(work.question().key()).isEqualTo("WORK2_W99");
        assertThat(work.unlistedN()).isEqualTo(2);
        assertThat(work.question().options()).contains("It's just about right");
        assertThat(d.rows().get(0).question().ordinals()).containsExactly(1.0, 2.0, 3.0, 4.0, 2.5);
        assertThat(d.rows().get(0).question().refusalOptions()).containsExactly("Refused");
        // answers outside the references are counted (as OpinionQA does) and reported with their first line
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.place()).isEqualTo("line 7, column WORK2_W99");
            assertThat(w.message()).contains("\"Not sure\"", "2 answers", "denominator");
        });
        // INDUSTRY_W99 asked of half the panel: the blanks are not asked, not answers
        OpinionQaDistributions.Row industry = d.rows().get(3);
        assertThat(industry.n()).isLessThan(200).isGreaterThan(100);

        List<OptionDistribution> dist = d.distributions();
        assertThat(dist.get(0).options()).extracting(o -> o.ordinal()).containsExactly(1.0, 2.0, 3.0, 4.0, 2.5);
        assertThat(dist.get(0).question()).isEqualTo("CAREREL_W99");
        assertThat(dist.get(1).options()).extracting(o -> o.option()).containsExactly(
                org.pluralstats.align.DistributionSimilarity.label("Yes, likely"), org.pluralstats.align.DistributionSimilarity.label("No, not likely"));
        assertThat(d.table().rows()).isEqualTo(5 + 2 + 3 + 3);
    }

    @Test
    void selectedQuestionsAndFilesGivenOneByOne() {
        OpinionQaDistributions d = OpinionQa.files(WAVE.resolve("responses.csv"), WAVE.resolve("info.csv"),
                Optional.of(WAVE.resolve("metadata.csv"))).withQuestions(List.of("WORK2_W99", "CARS10A_W99"))
                .withGroups(List.of("SEX")).read();
        assertThat(d.rows()).extracting(r -> r.population() + "/" + r.question().key())
                .containsExactly("Male/WORK2_W99", "Female/WORK2_W99", "Male/CARS10A_W99", "Female/CARS10A_W99");
        // intersections are named as the rest of the project names them (distributions --by A,B)
        assertThat(OpinionQa.JOIN).isEqualTo(org.pluralstats.distribution.AnswerDistributions.JOIN);
        assertThat(OpinionQa.isOpinionQa(WAVE)).isTrue();
        assertThat(OpinionQa.isOpinionQa(WAVE.resolve("responses.csv"))).isTrue();
        assertThat(OpinionQa.isOpinionQa(WAVE.resolve("info.csv"))).isFalse();
        assertThat(OpinionQa.isOpinionQa(DIR.resolve("global_opinions_sample.csv"))).isFalse();
        assertThatThrownBy(() -> OpinionQa.wave(WAVE).withQuestions(List.of("NOPE_W99")).read())
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("no question NOPE_W99");
        assertThatThrownBy(() -> OpinionQa.wave(WAVE).withGroups(List.of("AGE")).read())
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("metadata.csv")
                .hasMessageContaining("AGE").hasMessageContaining("CREGION, SEX");
    }

    @TempDir
    Path tmp;

    /** A copy of W99 with one file edited. */
    private Path edited(String file, UnaryOperator<String> edit) throws IOException {
        Path d = tmp.resolve("American_Trends_Panel_W99");
        Files.createDirectories(d);
        for (String f : List.of("responses.csv", "info.csv", "metadata.csv")) {
            String text = Files.readString(WAVE.resolve(f), StandardCharsets.UTF_8);
            Files.writeString(d.resolve(f), f.equals(file) ? edit.apply(text) : text, StandardCharsets.UTF_8);
        }
        return d;
    }

    private static void oneLocatedLine(Throwable e, String file, String... parts) {
        assertThat(e).isInstanceOf(SurveyFormatException.class);
        assertThat(e.getMessage()).doesNotContain("\n").contains(file).contains(parts);
    }

    @Test
    void hostileWavesAreRefusedWithOneLocatedLine() throws IOException {
        Path noWeight = edited("responses.csv", t -> t.replaceFirst("WEIGHT_W99", "WT"));
        assertThatThrownBy(() -> OpinionQa.wave(noWeight).read())
                .satisfies(e -> oneLocatedLine(e, "responses.csv", "line 1", "WEIGHT_W99", "no column"));

        Path unlisted = edited("responses.csv", t -> t);
        assertThatThrownBy(() -> OpinionQa.wave(unlisted).withUnlistedAnswers(OpinionQa.UnlistedAnswers.REFUSE).read())
                .satisfies(e -> oneLocatedLine(e, "responses.csv", "line 7", "column \"WORK2_W99\"", "\"Not sure\"",
                        "Too much importance"));

        Path literal = edited("info.csv", t -> t.replace("\"['Yes, likely', 'No, not likely', 'Refused']\"",
                "\"['Yes, likely', 'No, not likely', 'Refused'\""));
        assertThatThrownBy(() -> OpinionQa.wave(literal).read())
                .satisfies(e -> oneLocatedLine(e, "info.csv", "line 3", "column \"references\"", "not a Python literal"));

        Path tooManyOrdinals = edited("info.csv", t -> t.replace("\"[1.0, 2.0]\"", "\"[1.0, 2.0, 3.0, 4.0]\""));
        assertThatThrownBy(() -> OpinionQa.wave(tooManyOrdinals).read())
                .satisfies(e -> oneLocatedLine(e, "info.csv", "line 3", "option_ordinal", "4 ordinal positions for 3 options"));

        Path ragged = edited("responses.csv", t -> t.replaceFirst("\n5,100006,", "\n5,100006,extra,"));
        assertThatThrownBy(() -> OpinionQa.wave(ragged).read())
                .satisfies(e -> oneLocatedLine(e, "responses.csv", "line 7", "10 fields, the header 9"));

        Path badWeight = edited("responses.csv", t -> {
            String[] lines = t.split("\n", -1);
            lines[9] = lines[9].substring(0, lines[9].lastIndexOf(',') + 1) + "heavy";
            return String.join("\n", lines);
        });
        assertThatThrownBy(() -> OpinionQa.wave(badWeight).read())
                .satisfies(e -> oneLocatedLine(e, "responses.csv", "line 10", "WEIGHT_W99", "\"heavy\""));

        Path noKey = edited("info.csv", t -> t.replace(",key,", ",qkey,"));
        assertThatThrownBy(() -> OpinionQa.wave(noKey).read())
                .satisfies(e -> oneLocatedLine(e, "info.csv", "line 1", "no column key"));

        Path missingQuestion = edited("responses.csv", t -> t.replaceFirst("INDUSTRY_W99", "INDUSTRY"));
        assertThatThrownBy(() -> OpinionQa.wave(missingQuestion).read())
                .satisfies(e -> oneLocatedLine(e, "responses.csv", "line 1", "INDUSTRY_W99", "info.csv"));

        Path badGroups = edited("metadata.csv", t -> t.replace("['Male', 'Female']", "['Male', 2]"));
        assertThatThrownBy(() -> OpinionQa.wave(badGroups).withGroups(List.of("SEX")).read())
                .satisfies(e -> oneLocatedLine(e, "metadata.csv", "line 3", "options", "every option a string"));
    }
}
