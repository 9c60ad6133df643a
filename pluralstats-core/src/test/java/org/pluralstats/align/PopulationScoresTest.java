package org.pluralstats.align;

import org.pluralstats.io.sidefile.PopulationScoreFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;

/** Population files: vps output (JSON, CSV), the paper's ground truth, and their errors. */
class PopulationScoresTest {

    @Test
    void vpsOutputJsonAndCsv(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("vps.json");
        Files.writeString(json, """
                [{"population":"DE","item":"f120","vps":0.25,"n":10},
                 {"population":"DE","item":"F121","vps":null,"n":0},
                 {"population":"FR","item":"F120","vps":0.75,"n":12}]
                """);
        PopulationScores p = PopulationScoreFiles.read(json);
        assertThat(p.populations()).containsExactly("DE", "FR");
        assertThat(p.score("DE", "F120")).hasValue(0.25);
        assertThat(p.score("DE", "f121")).isEmpty();
        Path csv = dir.resolve("pop.csv");
        Files.writeString(csv, "population,item,vps\nUS,a001,0.5\nUS,A002,\n");
        assertThat(PopulationScoreFiles.read(csv).scores("US")).containsOnlyKeys("A001");
    }

    @Test
    void duplicatesAndBadScoresAreErrors(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "population,item,vps\nUS,a001,0.5\nUS,A001,0.6\n");
        assertThatThrownBy(() -> PopulationScoreFiles.read(a)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("two scores for item A001").hasMessageContaining("line 3");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "question_key,pro_score\nF120,1.2\n");
        assertThatThrownBy(() -> PopulationScoreFiles.read(b)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("\"1.2\"");
        Path c = dir.resolve("c.csv");
        Files.writeString(c, "country,thing\nUS,1\n");
        assertThatThrownBy(() -> PopulationScoreFiles.read(c)).hasMessageContaining("population,item,vps");
        assertThatThrownBy(() -> PopulationScoreFiles.read(AlignFixtures.GLOBAL, AlignFixtures.GLOBAL))
                .hasMessageContaining("population global has two scores");
    }
}
