package dev.pulse.report;

import java.util.List;

/**
 * One bar of the time-to-forward histogram: durations in {@code [fromMs, toMs)}.
 *
 * @param label how the report names it ("30 s - 1 min").
 */
public record TimeBucket(String label, long fromMs, long toMs)
{
    /** Readable steps up to the default 10-minute window; the last catches longer windows. */
    public static final List<TimeBucket> STANDARD = List.of(
        new TimeBucket("under 10 s", 0, 10_000),
        new TimeBucket("10-30 s", 10_000, 30_000),
        new TimeBucket("30 s - 1 min", 30_000, 60_000),
        new TimeBucket("1-2 min", 60_000, 120_000),
        new TimeBucket("2-5 min", 120_000, 300_000),
        new TimeBucket("5-10 min", 300_000, 600_000),
        new TimeBucket("10 min or more", 600_000, Long.MAX_VALUE));

    public boolean contains(final long durationMs)
    {
        return durationMs >= fromMs && durationMs < toMs;
    }
}
