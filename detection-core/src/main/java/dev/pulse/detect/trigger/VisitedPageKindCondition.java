package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** The session viewed a page of this kind earlier, before the current page view. */
public record VisitedPageKindCondition(int pageKind) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return state.visitedKindBefore(pageKind);
    }
}
