package org.pluralstats.io.llm;

import org.pluralstats.align.StanceCounts;
import org.pluralstats.align.ModelOutputs;
import org.pluralstats.align.Generation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;

/** Reading model outputs: JSONL with labels (Eq. 2), CSV with scores (the released file), accounting and errors. */
class ModelOutputFilesTest {
    static final Path RELEASED = Path.of("data-samples/multicultural-alignment/all_lang_model_responses_with_scores.csv");

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void eq2FromLabelsIgnoringCase(@TempDir Path dir) throws IOException {
        Path f = write(dir, "out.jsonl", """
                {"model":"gemma-2-9b-it","family":"gemma","language":"DA","item":"f120","generation":3,"labels":["pro","PRO","Pro","pro","pro","pro","pro","con","null","NULL"]}

                {"model":"gemma-2-9b-it","family":"gemma","language":"da","item":"F121","generation":1,"labels":["null",null]}
                {"model":"gemma-2-9b-it","language":"da","item":"F121","labels":[" con "]}
                """);
        ModelOutputs o = ModelOutputFiles.read(f);
        assertThat(o.accounting().inputRows()).isEqualTo(3);
        assertThat(o.accounting().kept()).isEqualTo(2);
        assertThat(o.accounting().excluded(ModelOutputs.NO_STANCE)).isEqualTo(1);
        Generation g = o.generations().get(0);
        // the paper's example: 7 pro, 1 con, 2 null give 7/8
        assertThat(g.score()).isEqualTo(0.875);
        assertThat(g.item()).isEqualTo("F120");
        assertThat(g.language()).isEqualTo("da");
        assertThat(g.family()).isEqualTo("gemma");
        assertThat(g.stances()).contains(new StanceCounts(7, 1, 2));
        // no generation number: its position among the rows of its model, language and item
        assertThat(o.generations().get(1).index()).isEqualTo(2);
        assertThat(o.generations().get(1).score()).isZero();
        assertThat(o.generations().get(1).family()).isEmpty();
    }

    @Test
    void unknownLabelIsAnErrorNamingLineAndLabel(@TempDir Path dir) throws IOException {
        Path f = write(dir, "out.jsonl", """
                {"model":"m","language":"en","item":"A","generation":1,"labels":["pro"]}
                {"model":"m","language":"en","item":"A","generation":2,"labels":["pro","maybe"]}
                """);
        assertThatThrownBy(() -> ModelOutputFiles.read(f)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("\"maybe\"").hasMessageContaining("pro, con or null");
    }

    @Test
    void duplicateGenerationsAndMissingFieldsAreErrors(@TempDir Path dir) throws IOException {
        Path dup = write(dir, "dup.jsonl", """
                {"model":"m","language":"en","item":"a","generation":1,"labels":["pro"]}
                {"model":"m","language":"EN","item":"A","generation":1,"labels":["con"]}
                """);
        assertThatThrownBy(() -> ModelOutputFiles.read(dup)).hasMessageContaining("line 2")
                .hasMessageContaining("duplicate generation 1").hasMessageContaining("also at line 1");
        Path missing = write(dir, "missing.jsonl", "{\"model\":\"m\",\"language\":\"en\",\"labels\":[\"pro\"]}\n");
        assertThatThrownBy(() -> ModelOutputFiles.read(missing)).hasMessageContaining("line 1").hasMessageContaining("no \"item\"");
        Path bad = write(dir, "bad.jsonl", "{\"model\":\"m\",\n");
        assertThatThrownBy(() -> ModelOutputFiles.read(bad)).hasMessageContaining("not valid JSON");
        Path score = write(dir, "score.jsonl", "{\"model\":\"m\",\"language\":\"en\",\"item\":\"A\",\"score\":1.5}\n");
        assertThatThrownBy(() -> ModelOutputFiles.read(score)).hasMessageContaining("a number in [0, 1]");
    }

    @Test
    void aJsonArrayOfTheSameObjects(@TempDir Path dir) throws IOException {
        Path f = write(dir, "out.json", """
                [{"model":"m","language":"en","item":"A","labels":["pro","con"]},
                 {"model":"m","language":"en","item":"A","score":0.25},
                 {"model":"m","language":"en","item":"A","generation":2,"labels":["con"]}]
                """);
        assertThatThrownBy(() -> ModelOutputFiles.read(f)).hasMessageContaining("entry 3")
                .hasMessageContaining("duplicate generation 2").hasMessageContaining("also at entry 2");
        Path g = write(dir, "ok.json", "[{\"model\":\"m\",\"language\":\"en\",\"item\":\"A\",\"labels\":[\"pro\",\"con\"]}]");
        assertThat(ModelOutputFiles.read(g).generations().get(0).score()).isEqualTo(0.5);
    }

    @Test
    void releasedCsvLoadsAsItIs() {
        ModelOutputs o = ModelOutputFiles.read(RELEASED);
        assertThat(o.accounting().inputRows()).isEqualTo(9148);
        assertThat(o.accounting().kept()).isEqualTo(9148);
        assertThat(o.models()).hasSize(9).startsWith("OLMo-2-1124-7B-Instruct");
        assertThat(o.languages()).containsExactlyInAnyOrder("da", "en", "nl", "pt");
        Generation first = o.generations().get(0);
        assertThat(first.model()).isEqualTo("OLMo-2-1124-7B-Instruct");
        assertThat(first.family()).isEqualTo("olmo");
        assertThat(first.item()).isEqualTo("F121");
        assertThat(first.score()).isCloseTo(0.7, within(0.0));
        assertThat(first.index()).isEqualTo(1);
        assertThat(o.generations().stream().map(Generation::item).distinct().count()).isEqualTo(37);
    }

    @Test
    void csvColumnsAreConfigurableAndEmptyScoresCounted(@TempDir Path dir) throws IOException {
        Path f = write(dir, "s.csv", """
                Who,Lang,Q,Gen,VPS
                m1,nl,e001,1,0.25
                m1,nl,E001,2,
                m1,nl,E002,1,NaN
                m1,nl,E002,2,1
                """);
        ModelOutputs o = ModelOutputFiles.readCsv(f, ModelCsvColumns.defaults().withModel("who").withLanguage("LANG")
                .withItem("q").withGeneration("gen").withScore("vps"));
        assertThat(o.accounting().inputRows()).isEqualTo(4);
        assertThat(o.accounting().excluded(ModelOutputs.NO_SCORE)).isEqualTo(2);
        assertThat(o.generations()).extracting(Generation::item).containsExactly("E001", "E002");
    }

    @Test
    void csvWithoutARequiredColumnNamesWhatItFound(@TempDir Path dir) throws IOException {
        Path f = write(dir, "s.csv", "model,language,item\nm,da,A\n");
        assertThatThrownBy(() -> ModelOutputFiles.read(f)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("no score column").hasMessageContaining("response_pro_score");
        Path g = write(dir, "t.csv", "model,language,item,score\nm,da,A,high\n");
        assertThatThrownBy(() -> ModelOutputFiles.read(g)).hasMessageContaining("line 2").hasMessageContaining("\"high\"");
    }

    @Test
    void generationsBuiltInCode() {
        ModelOutputs o = ModelOutputs.of(List.of(Generation.ofScore("m", "", "da", "a", 1, 0.5),
                Generation.ofScore("m", "", "da", "A", 2, 0.75)));
        assertThat(o.generations()).hasSize(2);
        assertThatThrownBy(() -> ModelOutputs.of(List.of(Generation.ofScore("m", "", "da", "a", 1, 0.5),
                Generation.ofScore("m", "", "DA", "A", 1, 0.75)))).hasMessageContaining("both generation 1");
        assertThat(Generation.ofStances("m", "", "da", "A", 1, new StanceCounts(0, 0, 3))).isEmpty();
    }

    // --- streaming: bounded lines, located UTF-8 errors, shared names ----------------------------------

    @Test
    void aJsonlLineLongerThanSixteenMebibytesIsRefusedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("long.jsonl");
        String row = "{\"model\":\"m\",\"language\":\"da\",\"item\":\"A\",\"labels\":[\"pro\"]}\n";
        byte[] pad = new byte[ModelOutputFiles.MAX_LINE_BYTES + 1];
        java.util.Arrays.fill(pad, (byte) ' ');
        try (var out = Files.newOutputStream(f)) {
            out.write(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(pad);
            out.write(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(ModelOutputFiles.MAX_LINE_BYTES).isEqualTo(16 << 20);
        assertThatThrownBy(() -> ModelOutputFiles.read(f)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("long.jsonl, line 2").hasMessageContaining("limit of 16 MiB");
    }

    @Test
    void malformedUtf8IsLocatedInJsonlAndCsv(@TempDir Path dir) throws IOException {
        String ok = "{\"model\":\"m\",\"language\":\"da\",\"item\":\"A\",\"labels\":[\"pro\"]}\n";
        Path f = dir.resolve("bad.jsonl");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes((ok + ok + "{\"model\":\"m").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.write(0xE9); // Latin-1 é: a replacing decoder would make it U+FFFD and read on
        b.writeBytes("\",\"language\":\"da\",\"item\":\"A\",\"labels\":[\"pro\"]}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        SurveyFormatException e = (SurveyFormatException) org.assertj.core.api.Assertions.catchThrowable(() -> ModelOutputFiles.read(f));
        assertThat(e.line()).hasValue(3);
        assertThat(e.byteOffset()).hasValue(2L * ok.length() + 11);
        assertThat(e.getMessage()).contains("not valid UTF-8").contains("0xE9");

        Path c = dir.resolve("bad.csv");
        Files.write(c, new byte[] {'m', 'o', 'd', 'e', 'l', '_', 'n', 'a', 'm', 'e', ',', 'l', 'a', 'n', 'g', 'u', 'a', 'g', 'e', ',',
            'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '_', 'k', 'e', 'y', ',', 's', 'c', 'o', 'r', 'e', '\n',
            'm', ',', 'd', 'a', ',', 'a', ',', '1', '\n', 'm', ',', 'd', 'a', ',', (byte) 0xE9, ',', '1', '\n'});
        SurveyFormatException ce = (SurveyFormatException) org.assertj.core.api.Assertions.catchThrowable(() -> ModelOutputFiles.read(c));
        assertThat(ce).isNotNull();
        assertThat(ce.getMessage()).contains("bad.csv, line 3").contains("not valid UTF-8");
    }

    @Test
    void repeatedNamesAndStanceCountsAreSharedNotCopiedPerRow(@TempDir Path dir) throws IOException {
        Path f = write(dir, "out.jsonl", """
                {"model":"m","family":"f","language":"DA","item":"a","labels":["pro","con"],"text":"a long generation we do not keep"}
                {"model":"m","family":"f","language":"DA","item":"a","labels":["con","pro"],"text":"another"}
                """);
        List<Generation> g = ModelOutputFiles.read(f).generations();
        assertThat(g).hasSize(2);
        assertThat(g.get(1).index()).isEqualTo(2);
        assertThat(g.get(1).model()).isSameAs(g.get(0).model());
        assertThat(g.get(1).family()).isSameAs(g.get(0).family());
        assertThat(g.get(1).language()).isSameAs(g.get(0).language()).isEqualTo("da");
        assertThat(g.get(1).item()).isSameAs(g.get(0).item()).isEqualTo("A");
        assertThat(g.get(1).stances()).isSameAs(g.get(0).stances());
    }

    @Test
    void aJsonArrayIsStreamedEntryByEntryWithLocatedErrors(@TempDir Path dir) throws IOException {
        Path f = write(dir, "out.json", "[{\"model\":\"m\",\"language\":\"da\",\"item\":\"A\",\"generation\":1,\"score\":0.5},\n"
                + " {\"model\":\"m\",\"language\":\"da\",\"item\":\"A\",\"generation\":1,\"score\":0.25}]");
        assertThatThrownBy(() -> ModelOutputFiles.read(f)).hasMessageContaining("entry 2")
                .hasMessageContaining("duplicate generation 1").hasMessageContaining("also at entry 1");
        Path open = write(dir, "open.json", "[{\"model\":\"m\",\"language\":\"da\",\"item\":\"A\",\"score\":0.5},\n");
        assertThatThrownBy(() -> ModelOutputFiles.read(open)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("open.json").hasMessageContaining("not valid JSON");
    }
}
