package org.pluralstats.data;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The points of a rating scale: the integer range {@code min..max}, optional labels per point, and
 * the direction in which agreement grows. At most {@link #MAX_POINTS} points.
 *
 * @param min lowest valid point
 * @param max highest valid point
 * @param labels label per point (may be empty), e.g. {@code 1 -> "I disagree"}
 * @param direction whether higher points mean more of the construct
 */
public record Scale(int min, int max, SortedMap<Integer, String> labels, Direction direction) {

    /** Which end of the scale means "more" (agreement, importance). */
    public enum Direction {
        /** Higher points mean more (1 = disagree ... 10 = agree). */
        ASCENDING,
        /** Lower points mean more (WVS: 1 = very important ... 4 = not at all important). */
        DESCENDING
    }

    /**
     * The most points a scale may have (0..10000): rating scales have a handful, sliders and feeling
     * thermometers 101; summaries and codings walk every point, so a range such as 0..2<sup>31</sup>−1
     * is refused rather than walked.
     */
    public static final int MAX_POINTS = 10_001;

    /** Validates the range and copies the labels. */
    public Scale {
        if (min > max) {
            throw new IllegalArgumentException("scale min " + min + " > max " + max);
        }
        if ((long) max - min + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("scale " + min + ".." + max + " has more than " + MAX_POINTS
                    + " points (the limit)");
        }
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        if (direction == null) {
            throw new IllegalArgumentException("direction is required");
        }
    }

    /**
     * @param min lowest point
     * @param max highest point
     * @return whether {@code min..max} is a valid range: {@code min <= max} and at most
     *     {@link #MAX_POINTS} points
     */
    public static boolean isValidRange(long min, long max) {
        return min <= max && max - min + 1 <= MAX_POINTS;
    }

    /**
     * An ascending, unlabelled scale.
     *
     * @param min lowest point
     * @param max highest point
     * @return the scale {@code min..max}
     */
    public static Scale of(int min, int max) {
        return new Scale(min, max, new TreeMap<>(), Direction.ASCENDING);
    }

    /**
     * @param labels label per point
     * @return a copy with these labels
     */
    public Scale withLabels(Map<Integer, String> labels) {
        return new Scale(min, max, new TreeMap<>(labels), direction);
    }

    /** @return the number of points, {@code max - min + 1}, at most {@link #MAX_POINTS} */
    public int points() {
        return max - min + 1;
    }

    /**
     * @param value a response value
     * @return whether it is an integer point of this scale
     */
    public boolean contains(double value) {
        return value >= min && value <= max && value == Math.rint(value);
    }
}
