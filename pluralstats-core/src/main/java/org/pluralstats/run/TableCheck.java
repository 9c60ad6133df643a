package org.pluralstats.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.io.InputFiles;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.compare.ItemSummary;
import org.pluralstats.stats.Grim;

/**
 * Checks every cell of a reported table of means against the data: the GRIM test at the group's n for
 * that item (Brown &amp; Heathers 2016), and whether the data's own mean rounds to the reported value.
 * The table is a CSV with columns {@code group,item,mean} (header required; the mean as printed, e.g.
 * {@code 1.51}, whose decimals are taken from the text).
 *
 * @param cells the checked cells, in the order of the table
 */
public record TableCheck(List<Cell> cells) implements TabularResult {
    /**
     * @param cells the checked cells, in the order of the table
     */
    public TableCheck {
        cells = List.copyOf(cells);
    }

    /**
     * One checked cell.
     *
     * @param group the group
     * @param item the item
     * @param reported the reported mean as printed
     * @param n the group's number of answers to the item
     * @param grim the GRIM result at that n
     * @param computed the data's mean rounded to the reported decimals (half even), or empty
     */
    public record Cell(String group, String item, String reported, int n, Grim.Result grim, String computed) {
        /** @return whether the data's rounded mean equals the reported one */
        public boolean matchesData() {
            return computed.equals(reported);
        }
    }

    /**
     * @param table the reported table (CSV: group,item,mean)
     * @param report the computed report of the same survey
     * @return one result per table row
     */
    public static TableCheck check(Path table, FormsComparison report) {
        List<Cell> out = new ArrayList<>();
        InputFiles.requireRegular(table);
        CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader r = Files.newBufferedReader(table, StandardCharsets.UTF_8); CSVParser p = fmt.parse(r)) {
            for (String col : List.of("group", "item", "mean")) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw SurveyFormatException.in(table.toString()).line(1).column(col)
                            .problem("missing column").expected("a header group,item,mean").build();
                }
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                String group = rec.get("group");
                String item = rec.get("item");
                String mean = rec.get("mean");
                ItemSummary s;
                try {
                    s = report.comparison().summary(group, item);
                } catch (PluralstatsException e) {
                    throw SurveyFormatException.in(table.toString()).line(line).problem(e.getMessage()).build();
                }
                if (!(s instanceof ItemSummary.Scale sc)) {
                    throw SurveyFormatException.in(table.toString()).line(line).column("item").found(item)
                            .expected("a scale item (GRIM checks means)").build();
                }
                Grim.Result g;
                try {
                    g = Grim.test(mean, s.n(), 1);
                } catch (PluralstatsException e) {
                    throw SurveyFormatException.in(table.toString()).line(line).column("mean").found(mean)
                            .expected("a decimal number").build();
                }
                OptionalDouble m = sc.likert().mean();
                String computed = m.isPresent() ? FormsComparison.round(m.getAsDouble(), g.decimals()) : "";
                out.add(new Cell(group, item, mean, s.n(), g, computed));
            }
        } catch (IOException e) {
            throw SurveyFormatException.in(table.toString()).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SurveyFormatException.in(table.toString()).problem(e.getMessage()).build();
        }
        return new TableCheck(out);
    }

    /**
     * @return the checked cells: group, item, the reported mean, n, the GRIM verdict, the data's mean at the
     *     reported decimals and whether it matches; the count of GRIM-inconsistent means in the metadata
     */
    @Override
    public ResultTable table() {
        long bad = cells.stream().filter(c -> !c.grim().consistent()).count();
        ResultTable.Builder t = ResultTable.builder("The published table checked: GRIM (Brown & Heathers 2016) at each "
                        + "cell's n, and the data's mean at the published decimals")
                .meta("finding", bad + " of " + cells.size() + " reported means are GRIM-inconsistent")
                .column("group", ColumnType.TEXT, Role.KEY).column("item", ColumnType.TEXT, Role.KEY)
                .column("reported", ColumnType.TEXT, Role.ESTIMATE).column("n", ColumnType.INTEGER, Role.COUNT)
                .column("grim", ColumnType.TEXT, Role.STATISTIC).column("dataMean", ColumnType.TEXT, Role.ESTIMATE)
                .column("matchesData", ColumnType.BOOLEAN, Role.OTHER);
        for (Cell c : cells) {
            String g = !c.grim().applicable() ? "not applicable" : c.grim().consistent() ? "consistent"
                    : "inconsistent (nearest " + c.grim().nearestBelowText() + ", " + c.grim().nearestAboveText() + ")";
            t.row(c.group(), c.item(), c.reported(), c.n(), g, c.computed(), c.matchesData());
        }
        return t.build();
    }

    /** @return the head of the table */
    @Override
    public String toString() {
        return table().toString();
    }
}
