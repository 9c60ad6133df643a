package org.pluralstats.design;

import java.util.List;
import java.util.Objects;
import org.pluralstats.PluralstatsException;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Several estimates on one design with their joint covariance matrix: what R survey's
 * {@code svymean(~y1 + … + yk, design)} holds as {@code coef(·)} and {@code vcov(·)}. Immutable; the arrays
 * it is made from are copied, and accessors return copies.
 */
public final class JointEstimates implements TabularResult {
    private final String statistic;
    private final List<String> names;
    private final double[] estimates;
    private final double[][] covariance;
    private final ResultTable table;

    JointEstimates(String statistic, List<String> names, double[] estimates, double[][] covariance) {
        this.statistic = Objects.requireNonNull(statistic, "statistic");
        this.names = List.copyOf(names);
        this.estimates = estimates.clone();
        this.covariance = new double[covariance.length][];
        for (int i = 0; i < covariance.length; i++) {
            this.covariance[i] = covariance[i].clone();
        }
        this.table = toTable();
    }

    /** @return the number of estimates */
    public int size() {
        return estimates.length;
    }

    /** @return the estimates' names, in order */
    public List<String> names() {
        return names;
    }

    /**
     * @param i an index, from 0
     * @return the {@code i}-th estimate ({@code coef(est)[i]})
     */
    public double estimate(int i) {
        return estimates[i];
    }

    /**
     * @param i an index
     * @param j an index
     * @return the covariance of estimates {@code i} and {@code j} ({@code vcov(est)[i, j]})
     */
    public double covariance(int i, int j) {
        return covariance[i][j];
    }

    /** @return the estimates (a copy) */
    public double[] estimates() {
        return estimates.clone();
    }

    /** @return the covariance matrix (a copy) */
    public double[][] covariance() {
        double[][] out = new double[covariance.length][];
        for (int i = 0; i < covariance.length; i++) {
            out[i] = covariance[i].clone();
        }
        return out;
    }

    /**
     * @param name an estimate's name
     * @return its index
     * @throws PluralstatsException if there is none of that name
     */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new PluralstatsException("no estimate named " + name + " among " + names);
        }
        return i;
    }

    /**
     * @return the table: name, estimate, se ({@code √vcov[i, i]}), then one covariance column per estimate
     */
    @Override
    public ResultTable table() {
        return table;
    }

    private ResultTable toTable() {
        ResultTable.Builder b = ResultTable.builder("Design-based " + statistic + "s with their covariance")
                .column("name", ColumnType.TEXT, Role.KEY)
                .column("estimate", ColumnType.NUMBER, Role.ESTIMATE)
                .column("se", ColumnType.NUMBER, Role.SE);
        for (String n : names) {
            b.column("cov " + n, ColumnType.NUMBER, Role.OTHER);
        }
        for (int i = 0; i < estimates.length; i++) {
            Object[] row = new Object[3 + estimates.length];
            row[0] = names.get(i);
            row[1] = estimates[i];
            row[2] = Math.sqrt(covariance[i][i]);
            for (int j = 0; j < estimates.length; j++) {
                row[3 + j] = covariance[i][j];
            }
            b.row(row);
        }
        return b.meta(ResultTable.METHOD, "svy" + statistic + "(~y1 + ... + yk, design) with vcov(): Taylor "
                + "linearisation").build();
    }

    /** @return {@code table().toString()} */
    @Override
    public String toString() {
        return table.toString();
    }
}
