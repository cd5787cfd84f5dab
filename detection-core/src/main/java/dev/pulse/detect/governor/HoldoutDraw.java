package dev.pulse.detect.governor;

import dev.pulse.detect.Hash64;

/**
 * The holdout draw: deterministic in (session id, trigger), so a session is in or out of a
 * trigger's holdout for good, across reconnects and restarts, and the same draw can be replayed.
 */
public final class HoldoutDraw
{
    private HoldoutDraw()
    {
    }

    /** Whether the session falls in the trigger's holdout at {@code perMillion} parts per million. */
    public static boolean isHoldout(final long sidHi, final long sidLo, final int triggerKey, final int perMillion)
    {
        return bucket(sidHi, sidLo, triggerKey) < perMillion;
    }

    /** A uniform value in [0, 1,000,000) for this session and salt. */
    public static int bucket(final long sidHi, final long sidLo, final int salt)
    {
        final long hash = Hash64.combine(Hash64.combine(sidHi, sidLo), salt);
        return (int)Long.remainderUnsigned(hash, GovernorPolicy.PER_MILLION);
    }
}
