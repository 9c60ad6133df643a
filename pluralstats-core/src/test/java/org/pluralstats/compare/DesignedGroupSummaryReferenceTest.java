package org.pluralstats.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.LonelyPsu;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.io.forms.GoogleFormsReader;

/**
 * {@link DesignedGroupSummary} on three synthetic Forms exports with weight, cluster and stratum columns, against
 * R survey 4.1.1 ({@code tools/forms_design_reference.R}): every mean, share, SE, interval limit and df equal to
 * 1e-10 relative to {@code max(1, |R|)}.
 */
class DesignedGroupSummaryReferenceTest {
    private static final double TOL = 1e-10;
    static final String DIR = "/org/pluralstats/compare/";

    static Path resource(String name) {
        try {
            return Path.of(DesignedGroupSummaryReferenceTest.class.getResource(DIR + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The three exports read with the design columns as attributes. */
    static FormsSurvey survey() {
        LinkedHashMap<String, Path> files = new LinkedHashMap<>();
        for (String g : List.of("English", "Farsi", "Chinese")) {
            files.put(g, resource("forms-design-" + g.toLowerCase(java.util.Locale.ROOT) + ".csv"));
        }
        return GoogleFormsReader.read(files, FormsReadOptions.builder().numericAttributes(List.of("weight"))
                .attributes(List.of("cluster", "stratum")).build());
    }

    static DesignSpec spec(String name) {
        return name.equals("weights") ? DesignSpec.simple()
                : new DesignSpec(List.of("cluster"), List.of("stratum"), List.of(), false, LonelyPsu.FAIL,
                        DomainMethod.SEPARATE_DESIGNS);
    }

    static List<CSVRecord> reference() {
        try (InputStream in = DesignedGroupSummaryReferenceTest.class.getResourceAsStream(DIR + "forms-design-reference.csv");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                     .build().parse(r)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (CSVRecord r : reference()) {
            out.add(Arguments.of(r.get("design") + " " + r.get("group") + " " + r.get("item") + " "
                    + r.get("option").replaceAll(":.*", ""), r));
        }
        return out.stream();
    }

    private static final FormsSurvey SURVEY = survey();
    private static final DesignedGroupSummary WEIGHTS = DesignedGroupSummary.of(SURVEY.data(), FormsSurvey.GROUP,
            "weight", spec("weights"));
    private static final DesignedGroupSummary CLUSTERS = DesignedGroupSummary.of(SURVEY.data(), FormsSurvey.GROUP,
            "weight", spec("clusters"));

    @Test
    void theFixtureSaysWhatComputedItAndCoversEveryEstimate() throws IOException {
        String head = java.nio.file.Files.readAllLines(resource("forms-design-reference.csv")).get(0);
        assertThat(head).matches("# R \\d+\\.\\d+\\.\\d+, survey \\d+\\.\\d+\\.\\d+; tools/forms_design_reference\\.R.*");
        assertThat(reference()).hasSize(42);
        // 3 groups x (2 means + 2 choice shares + 3 checkbox shares), no more and no fewer: the design columns are
        // not items
        assertThat(WEIGHTS.estimates()).hasSize(21);
        assertThat(SURVEY.data().items()).extracting(i -> i.id()).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(SURVEY.data().items().get(3).kind()).isEqualTo(org.pluralstats.data.ItemKind.MULTI_CHOICE);
        assertThat(SURVEY.data().attributeNames()).contains("weight", "cluster", "stratum");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsRSurvey(String name, CSVRecord r) {
        DesignedGroupSummary d = r.get("design").equals("weights") ? WEIGHTS : CLUSTERS;
        String option = r.get("option");
        DesignedGroupSummary.Estimate e = (option.isEmpty() ? d.mean(r.get("group"), r.get("item"))
                : d.share(r.get("group"), r.get("item"), option)).orElseThrow();
        DesignEstimate x = e.estimate();
        assertThat(e.n()).isEqualTo(Integer.parseInt(r.get("n")));
        close(x.estimate(), r.get("estimate"));
        close(x.se(), r.get("se"));
        close(x.ciLow(), r.get("ciLow"));
        close(x.ciHigh(), r.get("ciHigh"));
        assertThat(x.df()).isEqualTo(Double.parseDouble(r.get("df")));
        assertThat(x.level()).isEqualTo(0.95);
    }

    private static void close(double java, String r) {
        double ref = Double.parseDouble(r.strip());
        assertThat(Math.abs(java - ref) / Math.max(1, Math.abs(ref))).as("Java %s, R %s", java, ref).isLessThan(TOL);
    }

    @Test
    void clusteringChangesTheSeButNotTheEstimate() {
        DesignEstimate w = WEIGHTS.mean("English", "Q1").orElseThrow().estimate();
        DesignEstimate c = CLUSTERS.mean("English", "Q1").orElseThrow().estimate();
        assertThat(c.estimate()).isEqualTo(w.estimate());
        assertThat(c.se()).isGreaterThan(1.2 * w.se());
        assertThat(w.df()).isEqualTo(23);
        assertThat(c.df()).isEqualTo(4);
    }

    @Test
    void refusesDomainsReplicatesAndBadWeights() {
        DesignSpec domains = new DesignSpec(List.of("cluster"), List.of(), List.of(), false, LonelyPsu.FAIL,
                DomainMethod.DOMAIN);
        assertThatThrownBy(() -> DesignedGroupSummary.of(SURVEY.data(), FormsSurvey.GROUP, "weight", domains))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("separate samples");
        assertThatThrownBy(() -> DesignedGroupSummary.of(SURVEY.data(), FormsSurvey.GROUP, "stratum", spec("weights")))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("is not numeric");
        assertThatThrownBy(() -> DesignedGroupSummary.of(SURVEY.data(), FormsSurvey.GROUP, "weight",
                new DesignSpec(List.of("stratum"), List.of("stratum"), List.of(), false, LonelyPsu.FAIL,
                        DomainMethod.SEPARATE_DESIGNS)))
                .isInstanceOf(PluralstatsException.class).hasMessageStartingWith("group English: ");
    }

    @Test
    void aMissingDesignColumnIsAnErrorNamingTheFile() {
        LinkedHashMap<String, Path> files = new LinkedHashMap<>();
        files.put("English", resource("forms-design-english.csv"));
        assertThatThrownBy(() -> GoogleFormsReader.read(files, FormsReadOptions.builder()
                .attributes(List.of("psu")).build()))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("forms-design-english.csv")
                .hasMessageContaining("no column titled \"psu\"");
    }
}
