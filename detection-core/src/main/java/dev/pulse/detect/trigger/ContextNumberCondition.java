package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * A numeric context value lies within bounds ({@code team_size >= 6}): above {@code lower} (or at
 * it when {@code lowerInclusive}) and below {@code upper} (or at it when {@code upperInclusive}); an
 * unbounded side is an infinity. A value that is absent or not a number never holds, nor an
 * untrusted one when {@code trustedOnly}.
 */
public record ContextNumberCondition(long keyHash, double lower, boolean lowerInclusive, double upper, boolean upperInclusive,
    boolean trustedOnly) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        final double value = state.context().contextNumber(keyHash, trustedOnly);
        return (lowerInclusive ? value >= lower : value > lower) && (upperInclusive ? value <= upper : value < upper);
    }
}
