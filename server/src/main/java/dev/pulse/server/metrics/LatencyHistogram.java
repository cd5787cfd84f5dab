package dev.pulse.server.metrics;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency distribution recorded from many threads without locks or allocation (HdrHistogram's
 * {@link Recorder}), read as Prometheus histogram buckets. Values are nanoseconds, kept to three
 * significant digits from 1 µs to one hour.
 */
public final class LatencyHistogram
{
    /** Bucket bounds in seconds, as Prometheus reports them. */
    static final double[] BUCKETS_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final String name;
    private final String help;
    private final Recorder recorder = new Recorder(1_000, HIGHEST_NANOS, 3);
    private final Histogram total = new Histogram(1_000, HIGHEST_NANOS, 3);
    private final LongAdder sumNanos = new LongAdder();
    private Histogram interval;

    LatencyHistogram(final String name, final String help)
    {
        this.name = name;
        this.help = help;
    }

    /** Records one value; values out of range are clamped. Thread-safe, wait-free. */
    public void recordNanos(final long nanos)
    {
        final long clamped = Math.max(1_000, Math.min(HIGHEST_NANOS, nanos));
        recorder.recordValue(clamped);
        sumNanos.add(nanos);
    }

    /** Everything recorded so far (the interval since the last call folded in). One reader at a time. */
    synchronized Histogram snapshot()
    {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return total.copy();
    }

    synchronized void write(final StringBuilder out)
    {
        final Histogram histogram = snapshot();
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        for (final double bound : BUCKETS_SECONDS)
        {
            final long boundNanos = (long)(bound * 1e9);
            out.append(name).append("_bucket{le=\"").append(bound).append("\"} ")
                .append(histogram.getCountBetweenValues(0, boundNanos)).append('\n');
        }
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(histogram.getTotalCount()).append('\n');
        out.append(name).append("_sum ").append(sumNanos.sum() / 1e9).append('\n');
        out.append(name).append("_count ").append(histogram.getTotalCount()).append('\n');
    }

    /** The value at a percentile, in nanoseconds, of everything recorded so far. */
    public long percentileNanos(final double percentile)
    {
        return snapshot().getValueAtPercentile(percentile);
    }
}
