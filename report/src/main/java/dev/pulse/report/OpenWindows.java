package dev.pulse.report;

/**
 * Counts the windows opened in the range that are not yet complete at the end of observation
 * (opened less than their version's longest open time before it), whether or not their outcome is
 * already recorded. Only openings of the last longest-open-time are kept, time and stratum packed in
 * a long in a primitive queue (8 bytes an opening): older ones are complete whatever the end of
 * observation, since it is never before the record being read. Not thread-safe.
 */
final class OpenWindows
{
    private static final int STRATUM_BITS = 16;
    private static final long STRATUM_MASK = (1L << STRATUM_BITS) - 1;

    private final LongQueue recent = new LongQueue();

    /** A window opened (a question shown, a holdout or shadow signal) at {@code openingMs}. */
    void onOpened(final long openingMs, final int stratum, final Strata strata)
    {
        recent.add((openingMs << STRATUM_BITS) | stratum);
        // Forget the openings that are complete for sure (the journal is in time order, near enough).
        while (!recent.isEmpty())
        {
            final long head = recent.peek();
            if ((head >> STRATUM_BITS) > strata.cutoffMs((int)(head & STRATUM_MASK), openingMs))
            {
                return;
            }
            recent.poll();
        }
    }

    /** Openings not complete at this end of observation. */
    long open(final Strata strata, final long observationEndMs)
    {
        final long[] open = new long[1];
        recent.forEach(packed ->
        {
            if ((packed >> STRATUM_BITS) > strata.cutoffMs((int)(packed & STRATUM_MASK), observationEndMs))
            {
                open[0]++;
            }
        });
        return open[0];
    }

    /** Openings kept. */
    int size()
    {
        return recent.size();
    }
}
