package org.pluralstats.design;

/**
 * What a Taylor design does with a stratum that has one PSU (a "lonely" PSU), as R survey's
 * {@code options(survey.lonely.psu = …)} (survey 4.1, {@code onestrat} in {@code svyrecvar}). The rule
 * applies at every stage whose variance is computed. A stratum whose finite-population correction makes
 * it self-representing ({@code (N − n)/N < 1e-7}, a census of its PSUs) contributes zero under every rule,
 * before the rule is asked.
 */
public enum LonelyPsu {
    /** Estimating a variance throws ({@code "fail"}, R's default). */
    FAIL,
    /**
     * The stratum contributes nothing ({@code "remove"}): its PSU total is centred on itself. In survey 4.1
     * this gives the same variance as {@link #CERTAINTY}.
     */
    REMOVE,
    /**
     * The stratum's PSU total is centred on zero instead of the stratum mean ({@code "adjust"}), which for a
     * mean, a ratio or a centred total is the grand mean: a conservative contribution.
     */
    ADJUST,
    /**
     * The stratum is left out and the variance of the other strata is scaled up by
     * {@code strata / strata with more than one PSU} ({@code "average"}).
     */
    AVERAGE,
    /** The PSU was sampled with certainty and contributes nothing at this stage ({@code "certainty"}). */
    CERTAINTY;

    /** @return R's name of the rule ({@code "fail"}, {@code "remove"} …) */
    public String rName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
