package org.pluralstats.run;

import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/**
 * The scores of one file compared with those of the reference file: the same data read from another
 * file format must give the same scores.
 *
 * @param file the file name
 * @param format its format ({@code csv}, {@code sav}, {@code zsav}, {@code dta})
 * @param rows the cases read
 * @param scores the population × item scores computed
 * @param sameCounts whether every score has the same n as the reference's
 * @param maxVpsDifference the largest |Δ vps| against the reference
 * @param maxSeDifference the largest |Δ se|
 * @param maxCiDifference the largest |Δ| of an interval end
 */
public record FileAgreement(String file, String format, int rows, int scores, boolean sameCounts,
                            double maxVpsDifference, double maxSeDifference, double maxCiDifference) {

    /**
     * @param file the file name
     * @param format its format
     * @param rows the cases read
     * @param reference the reference file's scores
     * @param other this file's scores
     * @return the comparison; a score missing from either side counts as a difference of +∞
     */
    public static FileAgreement compare(String file, String format, int rows, ScoreTable reference, ScoreTable other) {
        boolean same = reference.rows().size() == other.rows().size();
        double dv = 0;
        double ds = 0;
        double dc = 0;
        for (ValuePolarityScore r : reference.rows()) {
            var o = other.get(r.population(), r.item());
            if (o.isEmpty()) {
                same = false;
                dv = Double.POSITIVE_INFINITY;
                continue;
            }
            ValuePolarityScore s = o.get();
            same &= s.n() == r.n();
            dv = Math.max(dv, diff(r.vps(), s.vps()));
            ds = Math.max(ds, diff(r.se(), s.se()));
            dc = Math.max(dc, Math.max(diff(ConfidenceInterval.lower(r.interval()),
                    ConfidenceInterval.lower(s.interval())), diff(ConfidenceInterval.upper(r.interval()),
                    ConfidenceInterval.upper(s.interval()))));
        }
        return new FileAgreement(file, format, rows, other.rows().size(), same, dv, ds, dc);
    }

    private static double diff(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        return Double.isNaN(a) || Double.isNaN(b) ? Double.POSITIVE_INFINITY : Math.abs(a - b);
    }

    /**
     * @param tolerance the largest difference taken as equal
     * @return whether the counts match and every difference is within the tolerance
     */
    public boolean agrees(double tolerance) {
        return sameCounts && maxVpsDifference <= tolerance && maxSeDifference <= tolerance
                && maxCiDifference <= tolerance;
    }
}
