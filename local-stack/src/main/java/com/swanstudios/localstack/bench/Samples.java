package com.swanstudios.localstack.bench;

import java.util.Arrays;

/** Latency samples in microseconds, kept whole (a run has at most a few hundred thousand): exact percentiles. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** A snapshot, sorted, for reading percentiles. */
    synchronized Sorted sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return new Sorted(copy);
    }

    record Sorted(long[] values) {

        int count() {
            return values.length;
        }

        /** Nearest rank; NaN when there are no samples. In milliseconds. */
        double percentileMillis(double p) {
            if (values.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * values.length);
            return values[Math.min(values.length - 1, Math.max(0, rank - 1))] / 1000.0;
        }

        double maxMillis() {
            return values.length == 0 ? Double.NaN : values[values.length - 1] / 1000.0;
        }

        /** "p50 / p99 / max" in milliseconds. */
        String summary() {
            if (values.length == 0) {
                return "no samples";
            }
            return ms(percentileMillis(50)) + " / " + ms(percentileMillis(99)) + " / " + ms(maxMillis());
        }
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
    }
}
