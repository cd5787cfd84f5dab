package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * The person searched for an intent ({@code searched_for: returns}): at least {@code count}
 * searches whose words matched intent number {@code intent} (the compiled catalog's numbering,
 * from 1), whatever they found, within the last {@code withinMs} (0: any time in the session).
 * Read from the session's intent ring, which keeps the newest
 * {@link dev.pulse.detect.SessionStateFlyweight#INTENT_RING_CAPACITY} searches of any intent: a
 * search pushed out by that many later ones of other intents no longer counts. Allocation-free.
 */
public record SearchedForCondition(int intent, int count, long withinMs) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        final long windowStartMs = withinMs == 0 ? Long.MIN_VALUE : nowMs - withinMs;
        return state.history().intentSearchesReach(intent, count, windowStartMs, Long.MIN_VALUE);
    }
}
