package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** The person has been on the current page at least this long. */
public record MinDwellCondition(long minDwellMs) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return nowMs - state.currentPageEnteredMs() >= minDwellMs;
    }
}
