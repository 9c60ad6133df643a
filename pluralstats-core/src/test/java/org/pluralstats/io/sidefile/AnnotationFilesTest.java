package org.pluralstats.io.sidefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.agreement.Ratings;

/** Annotation CSVs: numbers or labels, missing cells, unit ids, and located errors. */
class AnnotationFilesTest {
    static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("a.csv"), text);
    }

    @Test
    void numericScoresWithMissingCellsAndUnitIds(@TempDir Path dir) throws IOException {
        Path f = write(dir, "Unit, Human ,judge,other\ns1,0.5,0.55,x\ns2,1,NA,y\ns3,,.,z\ns4,0,n/a,\n");
        Ratings r = AnnotationFiles.read(f, List.of("human", "JUDGE"));
        assertThat(r.labelled()).isFalse();
        assertThat(r.units()).containsExactly("s1", "s2", "s3", "s4");
        assertThat(r.raters()).containsExactly("human", "JUDGE");
        assertThat(r.values()[0]).containsExactly(0.5, 0.55);
        assertThat(r.values()[1][0]).isEqualTo(1.0);
        assertThat(r.values()[1][1]).isNaN();
        assertThat(r.values()[2][0]).isNaN();
        assertThat(r.values()[3][1]).isNaN();
        assertThat(r.column("JUDGE")[0]).isEqualTo(0.55);
    }

    @Test
    void textLabelsAreCodedInSortedOrderAndUnitsDefaultToLineNumbers(@TempDir Path dir) throws IOException {
        Path f = write(dir, "a,b\npro,con\n\ncon,con\nneutral,\n");
        Ratings r = AnnotationFiles.read(f, List.of("a", "b"));
        assertThat(r.labels()).containsExactly("con", "neutral", "pro");
        assertThat(r.units()).containsExactly("2", "4", "5");
        assertThat(r.values()[0]).containsExactly(3.0, 1.0);
        assertThat(r.values()[1]).containsExactly(1.0, 1.0);
        assertThat(r.values()[2][0]).isEqualTo(2.0);
        assertThat(r.values()[2][1]).isNaN();
    }

    @Test
    void locatedErrors(@TempDir Path dir) throws IOException {
        Path f = write(dir, "unit,human,judge\ns1,0.5,0.4\ns2,0.5,pro\n");
        assertThatThrownBy(() -> AnnotationFiles.read(f, List.of("human", "judge"))).isInstanceOf(SurveyFormatException.class)
                .hasMessage(f + ", line 3, column \"judge\": found \"pro\", expected a number, as the ratings before it "
                        + "(or text labels throughout)");
        assertThatThrownBy(() -> AnnotationFiles.read(f, List.of("human", "llm"))).isInstanceOf(SurveyFormatException.class)
                .hasMessageStartingWith(f + ", line 1, column \"llm\": found \"unit,human,judge\"");
        Path ragged = write(dir, "h,j\n1,2\n1\n");
        assertThatThrownBy(() -> AnnotationFiles.read(ragged, List.of("h", "j"))).hasMessageContaining("line 3")
                .hasMessageContaining("1 fields");
        Path empty = write(dir, "h,j\n");
        assertThatThrownBy(() -> AnnotationFiles.read(empty, List.of("h", "j"))).hasMessageContaining("no rated units");
    }
}
