package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Long2LongHashMap;

/**
 * Each visitor's first window (the earliest opened) in one family: all triggers for the headline,
 * or one trigger. One entry per distinct visitor, a primitive long to long map (about 16-32 bytes
 * per visitor, no boxing), the window packed into the value:
 * <pre>
 *   bits 63..18  opening time, ms since the epoch (46 bits: until the year 4199)
 *   bits 17..2   stratum number ({@link Strata})
 *   bit  1       treated (shown) = 1, control (holdout) = 0
 *   bit  0       forward = 1
 * </pre>
 * OUTCOME records arrive in the order windows close, not open, so a later record may replace an
 * entry with an earlier-opened window. Completeness is decided at the end, when the end of
 * observation is known: a visitor whose first window is not yet complete is "still open" and not a
 * unit (its later windows cannot be complete either: completeness runs in opening order). Not
 * thread-safe.
 */
final class FirstWindows
{
    /** What {@link #first} answers for a visitor without a window. */
    static final long NONE = -1;
    private static final long MISSING = NONE;
    private static final int STRATUM_SHIFT = 2;
    private static final int TIME_SHIFT = 18;
    private static final long STRATUM_MASK = 0xFFFF;

    private final Long2LongHashMap firstByVisitor = new Long2LongHashMap(MISSING);

    void onWindow(final long visitor, final long openingMs, final int stratum, final boolean treated, final boolean forward)
    {
        final long packed = (openingMs << TIME_SHIFT) | ((long)stratum << STRATUM_SHIFT) | (treated ? 2 : 0) | (forward ? 1 : 0);
        final long current = firstByVisitor.get(visitor);
        if (current == MISSING || (current >>> TIME_SHIFT) > openingMs)
        {
            firstByVisitor.put(visitor, packed);
        }
    }

    /** The visitor's first window so far, packed as above, or {@link #NONE}: read with {@link #openingMs} and the others. */
    long first(final long visitor)
    {
        return firstByVisitor.get(visitor);
    }

    static long openingMs(final long packed)
    {
        return packed >>> TIME_SHIFT;
    }

    static int stratum(final long packed)
    {
        return (int)((packed >>> STRATUM_SHIFT) & STRATUM_MASK);
    }

    static boolean treated(final long packed)
    {
        return (packed & 2) != 0;
    }

    static boolean forward(final long packed)
    {
        return (packed & 1) != 0;
    }

    /** Distinct visitors with a window (complete or not). */
    int visitors()
    {
        return firstByVisitor.size();
    }

    /** The units per stratum at this end of observation, and the visitors whose first window is still open. */
    Units units(final Strata strata, final long observationEndMs)
    {
        final int count = strata.size();
        final long[] cutoffMs = new long[count];
        for (int i = 0; i < count; i++)
        {
            cutoffMs[i] = strata.cutoffMs(i, observationEndMs);
        }
        // Per stratum: treated forward, treated, control forward, control.
        final long[][] tallies = new long[count][4];
        final long[] open = new long[1];
        firstByVisitor.forEachLong((visitor, packed) ->
        {
            final int stratum = (int)((packed >>> STRATUM_SHIFT) & STRATUM_MASK);
            if ((packed >>> TIME_SHIFT) > cutoffMs[stratum])
            {
                open[0]++;
                return;
            }
            final int arm = (packed & 2) != 0 ? 0 : 2;
            tallies[stratum][arm] += packed & 1;
            tallies[stratum][arm + 1]++;
        });
        final List<Stratum> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long[] t = tallies[i];
            if (t[1] + t[3] > 0)
            {
                result.add(new Stratum(strata.version(i), strata.policy(i).holdoutShare(), new Proportion(t[0], t[1]),
                    new Proportion(t[2], t[3])));
            }
        }
        return new Units(List.copyOf(result), open[0]);
    }

    /** Complete first windows by stratum, and how many visitors' first windows are still open. */
    record Units(List<Stratum> strata, long visitorsOpen)
    {
    }
}
