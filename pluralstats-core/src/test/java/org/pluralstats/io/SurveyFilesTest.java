package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;

class SurveyFilesTest {
    @TempDir
    Path dir;

    @Test
    void textAfterTheSampleRowsRetypesTheColumn() throws IOException {
        StringBuilder sb = new StringBuilder("id,code,x\n");
        for (int i = 0; i < 2500; i++) {
            sb.append(i).append(',').append(i == 2000 ? "A7" : Integer.toString(i % 9)).append(',').append(i % 3)
                    .append('\n');
        }
        Path p = dir.resolve("late-text.csv");
        Files.writeString(p, sb);
        SurveyData d = SurveyFiles.read(p);
        assertThat(d.rows()).isEqualTo(2500);
        assertThat(d.require("code")).isInstanceOf(CategoricalColumn.class);
        assertThat(((CategoricalColumn) d.require("code")).level(2000)).contains("A7");
        assertThat(((CategoricalColumn) d.require("code")).level(10)).contains("1");
        assertThat(d.require("x")).isInstanceOf(NumericColumn.class);
    }

    @Test
    void noConventionsForOrdinaryFiles() throws IOException {
        Path p = dir.resolve("plain.csv");
        Files.writeString(p, "a,b\n-1,2\n,3\n");
        SurveyData d = SurveyFiles.read(p);
        NumericColumn a = (NumericColumn) d.require("a");
        assertThat(a.isMissing(0)).isFalse();
        assertThat(a.value(0)).isEqualTo(-1);
        assertThat(a.missingReason(1)).contains(MissingReason.SYSTEM_MISSING);
        assertThat(d.hasWeights()).isFalse();
    }

    @Test
    void unknownVariableNamesTheClosest() throws IOException {
        Path p = dir.resolve("plain.csv");
        Files.writeString(p, "Q184,Q185,W_WEIGHT\n1,2,3\n");
        assertThatThrownBy(() -> SurveyFiles.read(p, ReadOptions.builder().variables("Q148").build()))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("no variable \"Q148\"")
                .hasMessageContaining("closest: Q184");
    }
}
