package org.pluralstats.docs;

import static org.pluralstats.assertions.PluralstatsAssertions.assertThat;
import static org.pluralstats.assertions.PluralstatsAssertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.forms.Codebook;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.run.FormsComparison;
import org.pluralstats.weight.ItemCodings;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScores;
import org.pluralstats.weight.WeightSpec;

/**
 * The README's library example compiles and runs: {@link #example()} holds it verbatim between the
 * markers, and {@link #theReadmeShowsThisCode()} checks that the README's Java block is the same text.
 */
class ReadmeExampleTest {

    /** What the README's example computes, for its analysis-test example. */
    record Example(FormsComparison table, ScoreTable scores) {
    }

    static Example example() {
        // README:begin
        var files = new LinkedHashMap<String, Path>();
        for (String g : List.of("Arabic", "Chinese", "Farsi", "English"))
            files.put(g, Path.of("data-samples/pilot-survey", g.toLowerCase(Locale.ROOT) + ".csv"));
        var codebook = Codebook.read(Path.of("data-samples/pilot-survey/codebook.json"));  // aligns the languages
        FormsComparison table = FormsComparison.of(GoogleFormsReader.read(files, FormsReadOptions.builder().codebook(codebook).build()), Map.of());
        System.out.println(table);                                                  // the pilot's Table 1

        SurveyData wvs = SurveyFiles.read(Path.of("data-samples/wvs-sample/wvs7-sample.dta"), ReadOptions.defaults());
        var items = ItemCodings.read(Path.of("data-samples/wvs-sample/items.json")).binarisation(Optional.empty());
        PolarityDesign design = PolarityDesign.builder(wvs).binarisation(items)
                .populations(PopulationSpec.by("B_COUNTRY_ALPHA")).weight(WeightSpec.parse("W_WEIGHT")).build();
        ScoreTable scores = ValuePolarityScores.withDefaults().estimate(design);    // Eq. 1, country × item
        System.out.println(scores.get("DNK", "Q164").orElseThrow());
        // README:end
        return new Example(table, scores);
    }

    /**
     * The README's analysis-test example holds for the README's own example: it runs verbatim between the
     * markers on the example's {@code table} and {@code scores}, and the README shows these lines.
     */
    @Test
    void theAnalysisTestExampleHolds() throws IOException {
        PrintStream old = System.out;
        Example example;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            example = example();
        } finally {
            System.setOut(old);
        }
        FormsComparison table = example.table();
        ScoreTable scores = example.scores();
        // README-kit:begin
        assertThat(scores).population("DNK").item("Q164").hasVps(0.506, within(1e-3)).hasN(56);
        assertThat(table).group("Farsi").item("Q4").hasShare("Model B", 0.727, within(1e-3));
        assertThat(table).group("English").item("Q6").hasTableCell("1.50");     // printed 1.51: GRIM-inconsistent
        // README-kit:end
        String source = Files.readString(Path.of("src/test/java/org/pluralstats/docs/ReadmeExampleTest.java"));
        int from = source.indexOf("// README-kit:begin\n") + "// README-kit:begin\n".length();
        String kit = source.substring(from, source.indexOf("        // README-kit:end\n", from)).lines()
                .map(String::strip).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("README.md"))).contains(kit);
    }

    @Test
    void theExampleRuns() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            example();
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8))
                .contains("Farsi    11  2.27  1.27  7.00      72.7  5.45  4.18")
                .contains("ValuePolarityScore[population=DNK, item=Q164, n=56, weightSum=61.10917, vps=0.506211588211720");
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/pluralstats/docs/ReadmeExampleTest.java"));
        int from = source.indexOf("// README:begin\n") + "// README:begin\n".length();
        int to = source.indexOf("        // README:end\n", from);
        StringBuilder snippet = new StringBuilder();
        for (String line : source.substring(from, to).split("\n", -1)) {
            snippet.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        String code = snippet.toString().strip();
        assertThat(code.lines().count()).isBetween(10L, 13L);
        assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + code + "\n```");
    }
}
