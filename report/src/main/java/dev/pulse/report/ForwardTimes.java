package dev.pulse.report;

import java.util.List;

import dev.pulse.journal.OutcomeGroup;

/**
 * How long forward movement took: the durations of forward windows (from the question, or the
 * moment it would have been asked, to the forward page or goal), per group.
 */
public record ForwardTimes(List<TimeBucket> buckets, Durations shown, Durations holdout, Durations shadow)
{
    public Durations of(final OutcomeGroup group)
    {
        return switch (group)
        {
            case SHOWN -> shown;
            case HOLDOUT -> holdout;
            case SHADOW -> shadow;
        };
    }

    /**
     * One group's forward durations. Percentiles are nearest-rank (the smallest duration with at
     * least that share of durations at or below it), read from a histogram of 3 significant digits:
     * the top of the duration's bucket, at most 0.1% above it; -1 when there are none. Bucket counts
     * are exact.
     *
     * @param bucketCounts forward windows per bucket of {@link ForwardTimes#buckets()}.
     */
    public record Durations(long count, long p25Ms, long p50Ms, long p75Ms, long p90Ms, List<Long> bucketCounts)
    {
        public long[] percentilesMs()
        {
            return new long[] {p25Ms, p50Ms, p75Ms, p90Ms};
        }
    }
}
