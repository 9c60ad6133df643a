package org.pluralstats.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Column;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.design.replicate.ReplicateDesign;
import org.pluralstats.design.replicate.ReplicateType;

/**
 * A survey design named by a data file's columns, as R's {@code svydesign(ids = ~psu + ssu, strata =
 * ~s, fpc = ~f, nest = TRUE, weights = ~w)} names them, and how populations are estimated: as
 * <b>separate designs</b> (a design built on each population's respondents, pluralstats' behaviour
 * without a design, right when each population was sampled on its own, as a WVS country is) or as
 * <b>domains</b> of one design over every respondent ({@code svyby(~y, ~country, design, svymean)}; right
 * when the populations cut across the sample's strata and clusters, as languages or sex do). With PSUs
 * nested in the populations the two give the same SEs; without clustering they differ by the centring
 * of the linearisation (about 0.5–2% on the WVS sample). See docs/methods.md.
 *
 * @param psu the cluster columns of each stage, first stage first (empty: every respondent its own PSU)
 * @param strata the stratum column of each stage (empty: none)
 * @param fpc the finite-population-correction columns of each stage (population sizes or sampling
 *     fractions; empty: none)
 * @param nest whether cluster ids are unique only within strata ({@code nest = TRUE})
 * @param lonelyPsu what a stratum with one PSU contributes ({@code options(survey.lonely.psu)})
 * @param method separate designs per population or domains of one design (replicate designs: always domains)
 * @param repweights replicate-weight columns ({@code svrepdesign(repweights = …)}, combined with the sampling
 *     weights, as WVS/EVS and most national surveys ship them); empty: a Taylor design
 * @param reptype the replicate type: {@code JK1} (scale {@code (R − 1)/R}), {@code BRR}, {@code Fay} (with
 *     {@code rho}) or {@code bootstrap} ({@code JKn} needs per-replicate factors not given by columns)
 * @param rho Fay's factor ({@code NaN} otherwise)
 */
public record DesignSpec(List<String> psu, List<String> strata, List<String> fpc, boolean nest, LonelyPsu lonelyPsu,
                         DomainMethod method, List<String> repweights, ReplicateType reptype, double rho) {

    /**
     * A Taylor-linearisation design.
     *
     * @param psu the cluster columns per stage
     * @param strata the stratum columns
     * @param fpc the fpc columns
     * @param nest whether cluster ids are unique only within strata
     * @param lonelyPsu the lonely-PSU rule
     * @param method separate designs or domains
     */
    public DesignSpec(List<String> psu, List<String> strata, List<String> fpc, boolean nest, LonelyPsu lonelyPsu,
                      DomainMethod method) {
        this(psu, strata, fpc, nest, lonelyPsu, method, List.of(), ReplicateType.JK1, Double.NaN);
    }

    /** Copies the lists; a replicate design names no clusters, strata or fpc. */
    public DesignSpec {
        psu = List.copyOf(psu);
        strata = List.copyOf(strata);
        fpc = List.copyOf(fpc);
        repweights = List.copyOf(repweights);
        if (!repweights.isEmpty()) {
            if (!psu.isEmpty() || !strata.isEmpty() || !fpc.isEmpty()) {
                throw new PluralstatsException("a replicate-weight design carries its clusters and strata in the replicate"
                        + " weights: give either replicate weights or clusters/strata/fpc, not both");
            }
            if (reptype == ReplicateType.JKN || reptype == ReplicateType.OTHER) {
                throw new PluralstatsException(reptype.rName() + " replicate weights need a factor per replicate"
                        + " (rscales), which columns do not carry; use JK1, BRR, Fay or bootstrap, or the library's"
                        + " ReplicateDesign.jkn");
            }
            if (repweights.size() < 2) {
                throw new PluralstatsException("a replicate design needs at least two replicate-weight columns, got "
                        + repweights.size());
            }
            method = DomainMethod.DOMAIN;
        }
        if (!fpc.isEmpty() && fpc.size() != Math.max(1, psu.size())) {
            throw new PluralstatsException("give one fpc column per stage of clustering (" + Math.max(1, psu.size())
                    + "), not " + fpc.size());
        }
    }

    /** @return independent respondents with weights, populations as separate designs: pluralstats' default */
    public static DesignSpec simple() {
        return new DesignSpec(List.of(), List.of(), List.of(), false, LonelyPsu.FAIL, DomainMethod.SEPARATE_DESIGNS);
    }

    /**
     * @return whether this is {@link #simple()}: no clusters, strata or fpc, separate designs (the
     *     estimators then keep their closed-form path)
     */
    public boolean isSimple() {
        return psu.isEmpty() && strata.isEmpty() && fpc.isEmpty() && repweights.isEmpty()
                && method == DomainMethod.SEPARATE_DESIGNS;
    }

    /**
     * A replicate-weight design on the given columns.
     *
     * @param columns the replicate-weight columns
     * @param type JK1, BRR, Fay or bootstrap
     * @param rho Fay's factor ({@code NaN} for the others)
     * @return the design (populations as domains)
     */
    public static DesignSpec replicates(List<String> columns, ReplicateType type, double rho) {
        return new DesignSpec(List.of(), List.of(), List.of(), false, LonelyPsu.FAIL, DomainMethod.DOMAIN, columns, type, rho);
    }

    /** @return the columns the design reads */
    public List<String> columns() {
        List<String> out = new ArrayList<>(psu);
        out.addAll(strata);
        out.addAll(fpc);
        out.addAll(repweights);
        return out;
    }

    /**
     * @param weight the weight expression
     * @return the design as R's call, e.g. {@code svydesign(ids = ~I_PSU, strata = ~STRATUM, weights =
     *     ~W_WEIGHT, nest = TRUE); separate designs per population}
     */
    public String describe(String weight) {
        if (!repweights.isEmpty()) {
            return "svrepdesign(weights = ~" + weight + ", repweights = " + repweights.size() + " columns ("
                    + repweights.get(0) + " … " + repweights.get(repweights.size() - 1) + "), type = \"" + reptype.rName()
                    + "\"" + (reptype == ReplicateType.FAY ? ", rho = " + rho : "")
                    + (reptype == ReplicateType.JK1 ? ", scale = (R - 1)/R" : "") + ", combined.weights = TRUE)"
                    + "; populations as domains of one design (svyby)";
        }
        StringBuilder sb = new StringBuilder("svydesign(ids = ~").append(psu.isEmpty() ? "1" : String.join(" + ", psu));
        if (!strata.isEmpty()) {
            sb.append(", strata = ~").append(String.join(" + ", strata));
        }
        if (!fpc.isEmpty()) {
            sb.append(", fpc = ~").append(String.join(" + ", fpc));
        }
        sb.append(", weights = ~").append(weight);
        if (nest) {
            sb.append(", nest = TRUE");
        }
        sb.append(')');
        if (lonelyPsu != LonelyPsu.FAIL) {
            sb.append(", survey.lonely.psu = \"").append(lonelyPsu.name().toLowerCase(java.util.Locale.ROOT)).append('"');
        }
        return sb.append(method == DomainMethod.DOMAIN ? "; populations as domains of one design (svyby)"
                : "; a separate design per population").toString();
    }

    /**
     * The design over some respondents of a file, in row order.
     *
     * @param data the data
     * @param weights the weights of every row of the file
     * @param rows the respondents of the design, ascending
     * @return the design
     * @throws PluralstatsException naming the respondent whose cluster, stratum or fpc is missing
     */
    public SurveyDesign build(SurveyData data, double[] weights, int[] rows) {
        if (!repweights.isEmpty()) {
            return replicateDesign(data, weights, rows);
        }
        TaylorDesign.Builder b = TaylorDesign.builder(rows.length).nest(nest).lonelyPsu(lonelyPsu);
        double[] w = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            w[i] = weights[rows[i]];
        }
        b.weights(w);
        if (!psu.isEmpty()) {
            b.clusters(texts(data, psu, rows, "cluster"));
        }
        if (!strata.isEmpty()) {
            b.strata(texts(data, strata, rows, "stratum"));
        }
        if (!fpc.isEmpty()) {
            double[][] f = new double[fpc.size()][rows.length];
            for (int s = 0; s < fpc.size(); s++) {
                Column c = data.require(fpc.get(s));
                if (!(c instanceof NumericColumn num)) {
                    throw new PluralstatsException(data.source() + ": the fpc column " + c.item().id() + " is not numeric");
                }
                for (int i = 0; i < rows.length; i++) {
                    if (num.isMissing(rows[i])) {
                        throw missing(data, rows[i], "fpc", c);
                    }
                    f[s][i] = num.value(rows[i]);
                }
            }
            b.fpc(f);
        }
        try {
            return b.build();
        } catch (PluralstatsException e) {
            throw new PluralstatsException(data.source() + ": " + describe("w") + ": " + e.getMessage());
        }
    }

    private ReplicateDesign replicateDesign(SurveyData data, double[] weights, int[] rows) {
        double[] w = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            w[i] = weights[rows[i]];
        }
        double[][] rep = new double[repweights.size()][rows.length];
        for (int r = 0; r < repweights.size(); r++) {
            Column c = data.require(repweights.get(r));
            if (!(c instanceof NumericColumn num)) {
                throw new PluralstatsException(data.source() + ": the replicate weight " + c.item().id() + " is not numeric");
            }
            for (int i = 0; i < rows.length; i++) {
                if (num.isMissing(rows[i]) || !(num.value(rows[i]) >= 0)) {
                    throw new PluralstatsException(data.source() + ": respondent " + data.id(rows[i]) + " (row "
                            + (rows[i] + 1) + "): the replicate weight " + c.item().id() + " is "
                            + (num.isMissing(rows[i]) ? "missing" : SurveyData.formatNumber(num.value(rows[i])))
                            + "; replicate weights must be numbers >= 0");
                }
                rep[r][i] = num.value(rows[i]);
            }
        }
        int n = rep.length;
        return switch (reptype) {
            case JK1 -> ReplicateDesign.jk1(w, rep, (n - 1.0) / n);
            case BRR -> ReplicateDesign.brr(w, rep);
            case FAY -> ReplicateDesign.fay(w, rep, rho);
            case BOOTSTRAP -> ReplicateDesign.bootstrap(w, rep);
            default -> throw new PluralstatsException(reptype.rName() + " replicate weights are not supported from columns");
        };
    }

    private static String[][] texts(SurveyData data, List<String> columns, int[] rows, String what) {
        String[][] out = new String[columns.size()][rows.length];
        for (int s = 0; s < columns.size(); s++) {
            Column c = data.require(columns.get(s));
            for (int i = 0; i < rows.length; i++) {
                Optional<String> v = SurveyData.attributeValue(c, rows[i]);
                if (v.isEmpty()) {
                    throw missing(data, rows[i], what, c);
                }
                out[s][i] = v.get();
            }
        }
        return out;
    }

    private static PluralstatsException missing(SurveyData data, int row, String what, Column c) {
        return new PluralstatsException(data.source() + ": respondent " + data.id(row) + " (row " + (row + 1) + "): the "
                + what + " " + c.item().id() + " is missing; every respondent of a design needs one");
    }
}
