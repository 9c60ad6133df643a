package org.pluralstats.design;

import java.util.Locale;
import org.pluralstats.PluralstatsException;

/**
 * When {@link TaylorDesign#raked} stops: R survey's {@code rake(…, control = list(maxit, epsilon))}.
 * Immutable; {@link #withDefaults()} is R's default {@code list(maxit = 10, epsilon = 1)}.
 *
 * <p>A cycle post-stratifies to every margin in turn; after each cycle the weighted table over all margin
 * variables jointly is compared with the one before, and raking stops when no cell changed by
 * {@code ε} or more, with {@code ε = epsilon × Σ w} (the design's weights before raking) for
 * {@code epsilon < 1} and {@code ε = epsilon} (in weight units) otherwise — survey's rule — or after
 * {@code maxIterations} cycles. For estimates equal to R's to 1e-10, rake both with a tiny
 * {@code epsilon} ({@code control = list(maxit = 1000, epsilon = 1e-14)}) or with the same control.
 */
public final class RakingControl {
    private static final RakingControl DEFAULT = new RakingControl(10, 1);

    private final int maxIterations;
    private final double epsilon;

    private RakingControl(int maxIterations, double epsilon) {
        this.maxIterations = maxIterations;
        this.epsilon = epsilon;
    }

    /** @return R's default control: at most 10 cycles, {@code epsilon = 1} (one unit of weight) */
    public static RakingControl withDefaults() {
        return DEFAULT;
    }

    /**
     * @param maxit the largest number of cycles ({@code maxit}), at least 1
     * @return a copy with it
     */
    public RakingControl withMaxIterations(int maxit) {
        if (maxit < 1) {
            throw new PluralstatsException("raking needs at least one cycle, got maxit = " + maxit);
        }
        return new RakingControl(maxit, epsilon);
    }

    /**
     * @param e the tolerance ({@code epsilon}): below 1 a fraction of the sum of the weights, otherwise in
     *     weight units; positive
     * @return a copy with it
     */
    public RakingControl withEpsilon(double e) {
        if (!(e > 0) || Double.isInfinite(e)) {
            throw new PluralstatsException("raking's epsilon must be finite and positive, got " + e);
        }
        return new RakingControl(maxIterations, e);
    }

    /** @return the largest number of cycles */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the tolerance as given ({@code epsilon}) */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RakingControl c && c.maxIterations == maxIterations
                && Double.compare(c.epsilon, epsilon) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(maxIterations) + Double.hashCode(epsilon);
    }

    /** @return {@code control = list(maxit = …, epsilon = …)} as R writes it */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "list(maxit = %d, epsilon = %s)", maxIterations, epsilon);
    }
}
