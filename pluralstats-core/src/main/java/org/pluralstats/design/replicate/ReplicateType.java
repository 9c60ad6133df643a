package org.pluralstats.design.replicate;

/**
 * The kinds of replicate weights R survey's {@code svrepdesign(type = …)} knows, with the variance
 * factors it sets for each (R survey 4.x, {@code svrepdesign}; Lumley 2010, §2.3). With {@code R}
 * replicates the variance of an estimate is {@code scale · Σ_r rscales_r (θ_r − θ̄)²}.
 */
public enum ReplicateType {
    /** Balanced repeated replication: {@code scale = 1/R}, {@code rscales = 1}. */
    BRR("BRR", "Balanced Repeated Replicates"),
    /** Fay's modified BRR with factor {@code rho}: {@code scale = 1/(R (1 − rho)²)}, {@code rscales = 1}. */
    FAY("Fay", "Fay's variance method"),
    /** The unstratified (delete-one-cluster) jackknife: {@code scale = (R − 1)/R} (times an fpc), {@code rscales = 1}. */
    JK1("JK1", "Unstratified cluster jacknife (JK1)"),
    /** The stratified jackknife: {@code scale = 1}, {@code rscales_r = (n_h − 1)/n_h} for the stratum {@code h} of replicate {@code r}. */
    JKN("JKn", "Stratified cluster jackknife (JKn)"),
    /** The survey bootstrap: {@code scale = 1/(R − 1)} (R's {@code bootstrap.average = 1}), {@code rscales = 1}. */
    BOOTSTRAP("bootstrap", "Survey bootstrap"),
    /** Any other replicate weights, with {@code scale} and {@code rscales} given explicitly. */
    OTHER("other", "");

    private final String rName;
    private final String description;

    ReplicateType(String rName, String description) {
        this.rName = rName;
        this.description = description;
    }

    /** @return the name R's {@code svrepdesign(type = …)} uses ({@code "JKn"}, {@code "Fay"}, …) */
    public String rName() {
        return rName;
    }

    /**
     * @return what R's {@code print.svyrep.design} says about the type ({@code "Stratified cluster jackknife (JKn)"});
     *     empty for {@link #OTHER}, of which R says nothing
     */
    public String description() {
        return description;
    }
}
