package org.pluralstats.io.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pluralstats.SurveyFormatException;

/** GlobalOpinionQA as Python reads it: tools/goqa_reference.py (pandas 1.5.3 to_csv, csv + ast.literal_eval). */
class GlobalOpinionQaTest {
    private static final Path DIR = Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/opinion");

    @Test
    void readsEveryQuestionOptionAndShareAsAstLiteralEvalDoes() throws IOException {
        GlobalOpinionQa g = GlobalOpinionQa.read(DIR.resolve("global_opinions_sample.csv"));
        JsonNode ref = new ObjectMapper().readTree(DIR.resolve("global_opinions_sample.json").toFile()).get("questions");
        assertThat(g.questions()).hasSize(ref.size());
        List<String> partial = new ArrayList<>();
        for (int q = 0; q < ref.size(); q++) {
            OpinionQuestion actual = g.questions().get(q);
            JsonNode r = ref.get(q);
            assertThat(actual.question()).isEqualTo(r.get("question").asText());
            assertThat(actual.source()).isEqualTo(r.get("source").asText());
            List<String> options = new ArrayList<>();
            r.get("options").forEach(o -> options.add(o.asText()));
            assertThat(actual.options()).containsExactlyElementsOf(options);
            List<String> countries = new ArrayList<>();
            r.get("shares").fieldNames().forEachRemaining(countries::add);
            assertThat(actual.shares().keySet()).containsExactlyElementsOf(countries);
            for (Iterator<Map.Entry<String, JsonNode>> it = r.get("shares").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                for (int k = 0; k < e.getValue().size(); k++) {
                    assertThat(actual.shares().get(e.getKey()).get(k)).isEqualTo(e.getValue().get(k).asDouble());
                }
            }
            r.get("partial").forEach(p -> partial.add(p.asText()));
        }
        assertThat(partial).containsExactly("Nigeria");
        assertThat(g.warnings()).singleElement().satisfies(w -> {
            assertThat(w.place()).isEqualTo("line 3, selections, Nigeria");
            assertThat(w.message()).contains("2 shares for 4 options");
        });
        assertThat(g.questions().get(0).options()).containsExactly("A lot", "Not much", "DK/Refused");
        assertThat(g.questions().get(1).options().get(2)).isEqualTo("He said \"it's fine\"");
        assertThat(g.questions().get(0).shares().get("Côte d'Ivoire").get(0)).isEqualTo(1e-05);
    }

    @Test
    void hostileCellsAreRefusedWithTheirLineAndColumn() {
        String head = "question,selections,options,source\n";
        assertThatThrownBy(() -> GlobalOpinionQa.read("g.csv", head
                + "q,\"defaultdict(<class 'list'>, {'A': [0.5, 0.5]})\",\"__import__('os').system('x')\",GAS\n"))
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("g.csv").hasMessageContaining("line 2").hasMessageContaining("options")
                .hasMessageContaining("nothing is evaluated");
        assertThatThrownBy(() -> GlobalOpinionQa.read("g.csv", head + "q,\"{'A': [0.5, -0.5]}\",\"['a', 'b']\",GAS\n"))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("selections").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> GlobalOpinionQa.read("g.csv", head + "q,\"{'A': [0.5, 0.5]}\",\"['a', 'b]\",GAS\n"))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> GlobalOpinionQa.read("g.csv", head + "q,\"{'A': [1], 'A': [1]}\",\"['a']\",GAS\n"))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("repeated");
        assertThatThrownBy(() -> GlobalOpinionQa.read("g.csv", "question,options,source\nq,\"['a']\",GAS\n"))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("no column selections");
    }

    @Test
    void pythonLiteralsFollowTheLanguageReference() {
        assertThat(PythonLiteral.parse("'a' \"b\"")).isEqualTo("ab");
        assertThat(PythonLiteral.parse("'\\x41\\u00e9\\U0001F600\\101\\q'")).isEqualTo("Aé😀A\\q");
        assertThat(PythonLiteral.parse("r'\\n'")).isEqualTo("\\n");
        assertThat(PythonLiteral.parse("[1, -2.5e-3, 1_000, nan, -inf, True, None, (1,)]").toString())
                .isEqualTo("[1, -0.0025, 1000, NaN, -Infinity, true, null, [1]]");
        assertThat(PythonLiteral.parse("defaultdict(<class 'list'>, {'k': [0.1]})")).isEqualTo(Map.of("k", List.of(0.1)));
        assertThatThrownBy(() -> PythonLiteral.parse("[1, 2")).isInstanceOf(PythonLiteral.SyntaxError.class)
                .hasMessageContaining("character 6");
        assertThatThrownBy(() -> PythonLiteral.parse("012")).hasMessageContaining("leading zero");
        for (String bad : new String[] {"1__0", "1_", "1_.5", "1._5"}) {
            assertThatThrownBy(() -> PythonLiteral.parse(bad)).as(bad).hasMessageContaining("underscore");
        }
        assertThatThrownBy(() -> PythonLiteral.parse("b'x'")).hasMessageContaining("bytes");
    }

    @Test
    void mutatedFilesAreReadOrRefusedInOneLocatedLine() throws IOException {
        byte[] good = Files.readAllBytes(DIR.resolve("global_opinions_sample.csv"));
        Random random = new Random(20261203);
        String alphabet = "'\",[]{}():\\\n0-e.x ";
        for (int round = 0; round < 2000; round++) {
            byte[] b = good.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                b[random.nextInt(b.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            try {
                GlobalOpinionQa g = GlobalOpinionQa.read("fuzz.csv", text);
                assertThat(g.questions()).isNotNull();
            } catch (SurveyFormatException e) {
                assertThat(e.getMessage()).startsWith("fuzz.csv").doesNotContain("\n");
            }
        }
    }
}
