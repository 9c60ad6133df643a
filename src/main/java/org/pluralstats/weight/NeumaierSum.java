package org.pluralstats.weight;

/**
 * Neumaier's compensated summation (Neumaier 1974, the improved Kahan-Babuska sum): the running sum
 * plus a correction term that collects the low-order bits each addition loses. Small on purpose; the
 * shared {@code stats.CompensatedSum} will replace it when the packages are merged.
 */
final class NeumaierSum {
    private double sum;
    private double c;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            c += (sum - t) + x;
        } else {
            c += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + c;
    }

    void reset() {
        sum = 0;
        c = 0;
    }

    static double of(double[] values) {
        NeumaierSum s = new NeumaierSum();
        for (double v : values) {
            s.add(v);
        }
        return s.value();
    }
}
