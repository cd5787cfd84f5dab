package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The forward durations of one group, in a histogram of fixed precision: its size grows with the
 * logarithm of the longest duration (about 20 KiB up to a day), never with the number of windows.
 * Percentiles are nearest-rank over the histogram's buckets; the bars of {@link TimeBucket} are
 * counted exactly as durations arrive (a bucket of the histogram may straddle a bar's edge).
 * Not thread-safe.
 */
final class DurationHistogram
{
    /**
     * Three significant digits: a quoted percentile is at most 0.1% above the duration at its rank
     * (at 10 minutes, half a second), finer than the report prints.
     */
    static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private final List<TimeBucket> buckets;
    private final long[] bucketCounts;

    DurationHistogram(final List<TimeBucket> buckets)
    {
        this.buckets = List.copyOf(buckets);
        this.bucketCounts = new long[buckets.size()];
    }

    void add(final long durationMs)
    {
        final long valueMs = Math.max(0, durationMs);
        histogram.recordValue(valueMs);
        for (int i = 0; i < bucketCounts.length; i++)
        {
            if (buckets.get(i).contains(valueMs))
            {
                bucketCounts[i]++;
                return;
            }
        }
    }

    ForwardTimes.Durations summary()
    {
        final List<Long> counts = new ArrayList<>(bucketCounts.length);
        for (final long count : bucketCounts)
        {
            counts.add(count);
        }
        return new ForwardTimes.Durations(histogram.getTotalCount(), percentile(25), percentile(50), percentile(75), percentile(90),
            List.copyOf(counts));
    }

    /**
     * Nearest rank: the duration at rank ceil(p/100 * n), 1-based, quoted as the highest value of its histogram bucket
     * (so at least p% of durations are at or below it, as with exact values); -1 for no values.
     */
    long percentile(final int percent)
    {
        final long total = histogram.getTotalCount();
        if (total == 0)
        {
            return -1;
        }
        // In integers: ceil(p * n / 100) without floating point (0.9 * 10 is not 9 in doubles).
        final long rank = Math.max(1, ((long)percent * total + 99) / 100);
        long seen = 0;
        for (final HistogramIterationValue value : histogram.recordedValues())
        {
            seen += value.getCountAddedInThisIterationStep();
            if (seen >= rank)
            {
                return histogram.highestEquivalentValue(value.getValueIteratedTo());
            }
        }
        return histogram.getMaxValue();
    }
}
