package dev.pulse.journal;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The segments a journal's readers still need: each reader that follows the journal (the Kafka
 * shipper, the webhooks) holds the segment it stands in, and the upkeep deletes, compacts or
 * rewrites only segments below the lowest hold (and below the one being written). So retention
 * never deletes a segment not yet shipped, and a compaction never moves the frames under a reader's
 * position. Thread-safe: readers advance their holds on their own threads, the upkeep reads them on its.
 */
public final class SegmentHolds
{
    private final CopyOnWriteArrayList<SegmentHold> holds = new CopyOnWriteArrayList<>();

    /** A new hold named {@code name} (for logs) on {@code segment} and every segment after it. */
    public SegmentHold hold(final String name, final long segment)
    {
        final SegmentHold hold = new SegmentHold(name, segment, holds::remove);
        holds.add(hold);
        return hold;
    }

    /** The lowest segment any reader holds; {@link Long#MAX_VALUE} when none does. */
    public long lowest()
    {
        long lowest = Long.MAX_VALUE;
        for (final SegmentHold hold : holds)
        {
            lowest = Math.min(lowest, hold.segment());
        }
        return lowest;
    }
}
