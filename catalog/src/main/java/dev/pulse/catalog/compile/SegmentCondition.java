package dev.pulse.catalog.compile;

import dev.pulse.detect.SessionStateFlyweight;

/** A segment's "when": context values that must all be equal, as hash pairs. Allocation-free. */
final class SegmentCondition
{
    private final long[] keyHashes;
    private final long[] valueHashes;

    SegmentCondition(final long[] keyHashes, final long[] valueHashes)
    {
        this.keyHashes = keyHashes;
        this.valueHashes = valueHashes;
    }

    boolean matches(final SessionStateFlyweight state)
    {
        for (int i = 0; i < keyHashes.length; i++)
        {
            if (!state.context().contextEquals(keyHashes[i], valueHashes[i]))
            {
                return false;
            }
        }
        return true;
    }

    /** The first of {@code conditions} the session matches, or -1. */
    static int firstMatch(final SegmentCondition[] conditions, final SessionStateFlyweight state)
    {
        for (int i = 0; i < conditions.length; i++)
        {
            if (conditions[i].matches(state))
            {
                return i;
            }
        }
        return -1;
    }
}
