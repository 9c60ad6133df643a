/**
 * Replicate-weight survey designs as R survey's {@code svrepdesign} and {@code as.svrepdesign} have them
 * (Lumley, <i>Complex Surveys</i>, Wiley 2010, ch. 2.3; issue 14): full-sample weights and a matrix of
 * replicate weights, with the variance of an estimate {@code θ} computed from its replicates {@code θ_r} as
 * {@code scale · Σ_r rscales_r (θ_r − θ̄)²} ({@link org.pluralstats.design.replicate.ReplicateDesign}).
 * The jackknife, balanced repeated replication (BRR), Fay's BRR and the bootstrap differ only in their
 * replicate weights and their {@code scale}/{@code rscales} ({@link org.pluralstats.design.replicate.ReplicateType});
 * {@link org.pluralstats.design.replicate.ClusterSample} turns a one-stage (stratified) cluster sample into
 * jackknife or bootstrap replicate weights.
 *
 * <p>Arrays in, estimates out: no files.
 */
package org.pluralstats.design.replicate;
