package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * A context value equals a given value, both hashed; with {@code trustedOnly}, only a value the
 * site's backend vouched for (a signed token, a backend {@code context} event) counts.
 */
public record ContextEqualsCondition(long keyHash, long valueHash, boolean trustedOnly) implements TriggerCondition
{
    /** Any value counts, the page's too. */
    public ContextEqualsCondition(final long keyHash, final long valueHash)
    {
        this(keyHash, valueHash, false);
    }

    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return state.context().contextEquals(keyHash, valueHash, trustedOnly);
    }
}
