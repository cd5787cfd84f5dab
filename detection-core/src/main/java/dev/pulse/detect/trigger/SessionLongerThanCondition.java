package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** The session has lasted longer than {@code durationMs} since it started ({@code session_longer_than: 2m}). */
public record SessionLongerThanCondition(long durationMs) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return nowMs - state.createdMs() > durationMs;
    }
}
