package org.pluralstats.design;

/**
 * How a {@link TaylorDesign#raked} design's raking ended. R survey warns "Raking did not converge after
 * … iterations" when {@code converged} is false; pluralstats keeps the design and says so here and in the
 * design's {@code toString()}.
 *
 * @param margins the margin variables' names, in raking order
 * @param cycles the cycles run (each post-stratifies to every margin once)
 * @param converged whether the last cycle changed no cell of the joint table by {@code tolerance} or more
 * @param change the largest change of a cell of the joint table in the last cycle
 * @param tolerance {@code ε} in weight units (see {@link RakingControl})
 */
public record RakingConvergence(java.util.List<String> margins, int cycles, boolean converged, double change,
                                double tolerance) {
    /** Copies the names. */
    public RakingConvergence {
        margins = java.util.List.copyOf(margins);
    }
}
