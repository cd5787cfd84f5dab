package dev.pulse.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every forward duration of one group, kept so percentiles are exact (8 bytes a forward window).
 * Not thread-safe.
 */
final class DurationSample
{
    private long[] valuesMs = new long[64];
    private int size;

    void add(final long durationMs)
    {
        if (size == valuesMs.length)
        {
            valuesMs = Arrays.copyOf(valuesMs, size * 2);
        }
        valuesMs[size++] = Math.max(0, durationMs);
    }

    ForwardTimes.Durations summary(final List<TimeBucket> buckets)
    {
        final long[] sorted = Arrays.copyOf(valuesMs, size);
        Arrays.sort(sorted);
        final List<Long> counts = new ArrayList<>(buckets.size());
        for (final TimeBucket bucket : buckets)
        {
            long count = 0;
            for (final long value : sorted)
            {
                count += bucket.contains(value) ? 1 : 0;
            }
            counts.add(count);
        }
        return new ForwardTimes.Durations(size, percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75),
            percentile(sorted, 90), List.copyOf(counts));
    }

    /** Nearest rank: the value at rank ceil(p/100 * n), 1-based; -1 for no values. */
    static long percentile(final long[] sorted, final int percent)
    {
        if (sorted.length == 0)
        {
            return -1;
        }
        // In integers: ceil(p * n / 100) without floating point (0.9 * 10 is not 9 in doubles).
        final long rank = ((long)percent * sorted.length + 99) / 100;
        return sorted[(int)Math.max(1, rank) - 1];
    }
}
