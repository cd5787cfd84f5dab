package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** The condition does not hold (a catalog's {@code not:}). */
public record NotCondition(TriggerCondition condition) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return !condition.test(state, nowMs);
    }
}
