package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * The session reached a journey stage or a later one: it viewed (or is viewing) a page of one of
 * the kinds in {@code kindMask}, bit {@code k} for kind {@code k} (the catalog's kinds at that stage
 * and after it).
 */
public record StageReachedCondition(long kindMask) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        long seen = state.visitedKindsMask();
        if (state.history().pageCount() > 0)
        {
            seen |= 1L << state.currentPageKind();
        }
        return (seen & kindMask) != 0;
    }
}
