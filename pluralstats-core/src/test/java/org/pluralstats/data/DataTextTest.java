package org.pluralstats.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What JShell shows when a data set or a column is evaluated: a readable head, never {@code @1a2b3c}. */
class DataTextTest {
    private static SurveyData data(int rows) {
        NumericColumn.Builder q = NumericColumn.builder(Item.scale("Q1", "Importance\u001b[2J of family", Scale.of(1, 4)));
        CategoricalColumn.Builder c = CategoricalColumn.builder(Item.choice("country", "", java.util.List.of()));
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            if (i == 1) {
                q.addMissing(MissingReason.DONT_KNOW);
            } else {
                q.add(1 + i % 4);
            }
            c.add(i < 3 ? "DNK" : "USA");
            w[i] = 0.5 + i;
        }
        return SurveyData.builder("wvs.csv").attribute(c.build()).item(q.build()).weights(w).warning("w").build();
    }

    @Test
    void surveyDataPrintsItsShapeAndFirstRows() {
        String s = data(7).toString();
        assertThat(s).startsWith("SurveyData wvs.csv: 7 rows x 2 columns (1 attributes, 1 items), weighted, 1 warning\n");
        assertThat(s).contains("row weight country Q1").contains("2   1.5    DNK     <dont_know>")
                .contains("... (2 more rows, 0 more columns)");
        assertThat(s.lines().count()).isEqualTo(1 + 1 + 5 + 1);
    }

    @Test
    void columnsPrintOneEscapedLine() {
        String s = data(3).columns().get(1).toString();
        assertThat(s).isEqualTo("NumericColumn Q1 (scale 1-4, \"Importance\\x1b[2J of family\"): 3 rows, 1 missing;"
                + " first: 1, <dont_know>, 3");
        assertThat(data(1).columns().get(0).toString()).isEqualTo("CategoricalColumn country (choice): 1 row, 0 missing; first: DNK");
    }
}
