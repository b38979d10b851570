package org.osvif.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recorded durations of one operation, in nanoseconds, with nearest-rank
 * percentiles. Not thread-safe.
 */
final class Latencies {
    private final List<Long> nanos = new ArrayList<>();

    void add(long value) {
        nanos.add(value);
    }

    int count() {
        return nanos.size();
    }

    /**
     * @param p a percentile, 0 &lt; p &le; 100
     * @return the nearest-rank percentile in milliseconds, or NaN when empty
     */
    double percentileMillis(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double p95Millis() {
        return percentileMillis(95);
    }

    double meanMillis() {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }
}
