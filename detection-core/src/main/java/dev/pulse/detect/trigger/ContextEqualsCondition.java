package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** A context value the page sent at {@code hello} (device, tier, locale, ...) equals a given value; both hashed. */
public record ContextEqualsCondition(long keyHash, long valueHash) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return state.context().contextEquals(keyHash, valueHash);
    }
}
