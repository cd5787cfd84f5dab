package dev.pulse.journal;

import java.util.concurrent.TimeUnit;

/**
 * Settings of the journal's upkeep ({@link JournalUpkeep}): retention and erasure.
 *
 * @param retentionAgeMs  a sealed segment whose newest record is older than this is deleted; at least a day,
 *                        so today's segment is never deleted.
 * @param retentionBytes  while all segments together are larger than this, the oldest sealed one is deleted;
 *                        0 for no limit; otherwise at least one segment ({@code segmentBytes}), or the segment
 *                        being written would be over the limit alone.
 * @param erasureDelayMs  the segment being written is sealed once it holds records of an erased session and its
 *                        first record is this old, so that compaction can reach them: the bound on how long an
 *                        erased session's records stay on disk is this plus {@code passIntervalMs} plus one pass.
 * @param passIntervalMs  how often the upkeep runs besides after each erasure is written.
 * @param retentionMode   what happens to a sealed segment past the age or size: deleted, or compacted to the report's records.
 */
public record JournalUpkeepConfiguration(long retentionAgeMs, long retentionBytes, long erasureDelayMs, long passIntervalMs,
    RetentionMode retentionMode)
{
    /** Default retention: 90 days. */
    public static final long DEFAULT_RETENTION_AGE_MS = TimeUnit.DAYS.toMillis(90);
    /** The shortest age retention accepts: shorter would delete the segment of today's records. */
    public static final long MIN_RETENTION_AGE_MS = TimeUnit.DAYS.toMillis(1);
    /** Default erasure delay: 5 minutes. */
    public static final long DEFAULT_ERASURE_DELAY_MS = TimeUnit.MINUTES.toMillis(5);
    /** Default pass interval: 1 minute. */
    public static final long DEFAULT_PASS_INTERVAL_MS = TimeUnit.MINUTES.toMillis(1);

    public JournalUpkeepConfiguration
    {
        if (retentionMode == null)
        {
            throw new IllegalArgumentException("a retention mode is needed: delete or compact");
        }
        if (retentionAgeMs <= 0 || retentionBytes < 0 || erasureDelayMs < 0 || passIntervalMs <= 0)
        {
            throw new IllegalArgumentException("retention age and pass interval must be positive, retention bytes and erasure delay " +
                "not negative: " + retentionAgeMs + ", " + passIntervalMs + ", " + retentionBytes + ", " + erasureDelayMs);
        }
    }

    /** With retention deleting segments ({@link RetentionMode#DELETE}, the default). */
    public JournalUpkeepConfiguration(final long retentionAgeMs, final long retentionBytes, final long erasureDelayMs,
        final long passIntervalMs)
    {
        this(retentionAgeMs, retentionBytes, erasureDelayMs, passIntervalMs, RetentionMode.DELETE);
    }

    /** 90 days, no size limit, deleted, a 5-minute erasure delay, a pass a minute. */
    public static JournalUpkeepConfiguration defaults()
    {
        return new JournalUpkeepConfiguration(DEFAULT_RETENTION_AGE_MS, 0, DEFAULT_ERASURE_DELAY_MS, DEFAULT_PASS_INTERVAL_MS);
    }

    /**
     * Why this retention would delete today's segment, for the operator (the server refuses to start
     * with it); null if it would not.
     *
     * @param segmentBytes the journal's segment size.
     */
    public String problem(final long segmentBytes)
    {
        if (retentionAgeMs < MIN_RETENTION_AGE_MS)
        {
            return "journal_retention " + retentionAgeMs + " ms is under one day (" + MIN_RETENTION_AGE_MS + " ms): it would delete " +
                "the segment holding today's records; keep at least 1d";
        }
        if (retentionBytes != 0 && retentionBytes < segmentBytes)
        {
            return "journal_retention_bytes " + retentionBytes + " is under one segment (journal_segment_bytes " + segmentBytes +
                "): the segment being written would be over it alone, and today's records deleted; raise it, or lower " +
                "journal_segment_bytes";
        }
        return null;
    }
}
