package org.pluralstats.io.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.ModelAnswers;

/** Model answer files: sampled answers counted, probabilities normalised with refusals apart, every hostile line refused with its line. */
class ModelAnswerFilesTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("answers.jsonl");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void countsSampledAnswersPerSettingWithUnclassifiableAndRefusalsApart() throws IOException {
        ModelAnswerFiles.Contents c = ModelAnswerFiles.read(write("""
                {"model":"m","question":"Q1","answer":"Yes"}
                {"model":"m","question":"q1 ","answer":" yes"}

                {"model":"m","question":"Q1","answer":null,"generation":3}
                {"model":"m","question":"Q1","answer":"REFUSED"}
                {"model":"m","question":"Q1","answer":"No"}
                {"model":"m","condition":"da","question":"Q1","answer":"No"}
                """));
        assertThat(c.lines()).isEqualTo(7);
        assertThat(c.blank()).isEqualTo(1);
        assertThat(c.generations()).isEqualTo(6);
        assertThat(c.answers()).hasSize(2);
        ModelAnswers a = c.answers().get(0);
        assertThat(a.sampled()).isTrue();
        assertThat(a.options()).extracting(o -> o.option() + "=" + o.count()).containsExactly("Yes=2.0", "No=1.0");
        assertThat(a.unclassifiable()).isEqualTo(1);
        assertThat(a.refused()).isEqualTo(1);
        assertThat(c.answers().get(1).condition()).isEqualTo("da");
    }

    @Test
    void normalisesProbabilitiesAndLogProbabilities() throws IOException {
        ModelAnswerFiles.Contents c = ModelAnswerFiles.read(write("""
                {"model":"m","question":"Q1","probabilities":{"A":0.3,"B":0.5,"Refused":0.2}}
                {"model":"m","question":"Q2","logprobs":{"A":-1000.5,"B":-1001.5,"Refused":-1002.5}}
                """));
        ModelAnswers q1 = c.answers().get(0);
        assertThat(q1.sampled()).isFalse();
        assertThat(q1.refused()).isCloseTo(0.2, within(1e-15));
        ModelAnswers q2 = c.answers().get(1);
        double z = 1 + Math.exp(-1) + Math.exp(-2);
        assertThat(q2.options().get(0).count()).isCloseTo(1 / z, within(1e-15));
        assertThat(q2.options().get(1).count()).isCloseTo(Math.exp(-1) / z, within(1e-15));
        assertThat(q2.refused()).isCloseTo(Math.exp(-2) / z, within(1e-15));
    }

    @Test
    void refusesHostileLinesNamingTheLine() throws IOException {
        String[][] cases = {
                {"{\"model\":\"m\",\"question\":\"Q\",\"answer\":\"A\",\"probabilities\":{\"A\":1}}", "line 1", "not 2"},
                {"{\"model\":\"m\",\"question\":\"Q\"}", "line 1", "no \"answer\""},
                {"{\"model\":\"m\",\"question\":\"Q\",\"answer\":3}", "line 1", "answer"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"answer\":\"A\",\"temperature\":1}", "line 1", "temperature"},
                {"{\"question\":\"Q\",\"answer\":\"A\"}", "line 1", "model"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"probabilities\":{\"A\":-0.1}}", "line 1", "probabilities.A"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"probabilities\":{\"A\":0}}", "line 1", "sum to zero"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"probabilities\":{\"A\":1,\"a \":1}}", "line 1", "given twice"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"answer\":\"A\"}\n{\"model\":\"m\",\"question\":\"Q\",\"logprobs\":{\"A\":0}}",
                        "line 2", "cannot be mixed"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"logprobs\":{\"A\":0}}\n{\"model\":\"m\",\"question\":\"Q\",\"logprobs\":{\"A\":0}}",
                        "line 2", "already given on line 1"},
                {"{\"model\":\"m\",\"question\":\"Q\",\"answer\":\"A\"", "line 1", ""},
                {"[1, 2]", "line 1", ""},
        };
        for (String[] c : cases) {
            Path f = write(c[0] + "\n");
            assertThatThrownBy(() -> ModelAnswerFiles.read(f)).as(c[0]).isInstanceOf(SurveyFormatException.class)
                    .hasMessageContaining(f.toString()).hasMessageContaining(c[1]).hasMessageContaining(c[2])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void mutatedFilesAreReadOrRefusedWithALocatedMessage() throws IOException {
        byte[] good = """
                {"model":"m","condition":"c","persona":"P","question":"Q1","answer":"Yes"}
                {"model":"m","question":"Q2","logprobs":{"A":-0.5,"B":-1.5}}
                """.getBytes(StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < 300; t++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                String alphabet = " {}[]\":,0-eA\n\u00ff";
                b[r.nextInt(b.length)] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
            }
            Path f = dir.resolve("m" + t + ".jsonl");
            Files.write(f, b);
            try {
                ModelAnswerFiles.Contents c = ModelAnswerFiles.read(f);
                assertThat(c.generations() + c.probabilityLines() + c.blank()).isEqualTo(c.lines());
            } catch (PluralstatsException e) {
                assertThat(e.getMessage()).contains(f.toString()).doesNotContain("\n");
            }
        }
    }
}
