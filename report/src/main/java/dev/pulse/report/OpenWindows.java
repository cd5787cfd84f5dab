package dev.pulse.report;

import org.agrona.collections.LongArrayList;

/**
 * Counts the windows opened in the range that are not yet complete at the end of observation
 * (opened less than their version's longest open time before it), whether or not their outcome is
 * already recorded. Only openings of the last longest-open-time are kept (time and stratum packed
 * in a long): older ones are complete whatever the end of observation, since it is never before
 * the record being read. Not thread-safe.
 */
final class OpenWindows
{
    private static final int STRATUM_BITS = 16;

    private final LongArrayList recent = new LongArrayList();
    private int head;

    /** A window opened (a question shown, a holdout or shadow signal) at {@code openingMs}. */
    void onOpened(final long openingMs, final int stratum, final Strata strata)
    {
        recent.addLong((openingMs << STRATUM_BITS) | stratum);
        // Forget the openings that are complete for sure (the journal is in time order, near enough).
        while (head < recent.size() && (recent.getLong(head) >>> STRATUM_BITS)
            <= strata.cutoffMs((int)(recent.getLong(head) & 0xFFFF), openingMs))
        {
            head++;
        }
        if (head > 1024 && head * 2 > recent.size())
        {
            recent.subList(0, head).clear();
            head = 0;
        }
    }

    /** Openings not complete at this end of observation. */
    long open(final Strata strata, final long observationEndMs)
    {
        long open = 0;
        for (int i = head; i < recent.size(); i++)
        {
            final long packed = recent.getLong(i);
            if ((packed >>> STRATUM_BITS) > strata.cutoffMs((int)(packed & 0xFFFF), observationEndMs))
            {
                open++;
            }
        }
        return open;
    }
}
