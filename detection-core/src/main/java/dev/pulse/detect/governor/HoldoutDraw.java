package dev.pulse.detect.governor;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * The holdout draw, deterministic so it is sticky and can be replayed. Per visitor
 * ({@link HoldoutUnit#VISITOR}): a function of the visitor's hash and one fixed salt alone, so a
 * visitor is in or out for good, across tabs, visits, reconnects and restarts, and alike on every
 * node; a session without a visitor id stands for its visitor. Per trigger
 * ({@link HoldoutUnit#TRIGGER}): a function of (session id, trigger).
 */
public final class HoldoutDraw
{
    /**
     * The per-visitor draw's salt ("PulseVis" in ASCII). Never change it: every visitor would
     * change arm, and a running experiment would mix its arms.
     */
    static final long VISITOR_SALT = 0x50756C7365566973L;

    private HoldoutDraw()
    {
    }

    /** Whether this session's signal of {@code triggerKey} falls in the holdout of {@code policy}. */
    public static boolean isHoldout(final SessionStateFlyweight state, final int triggerKey, final GovernorPolicy policy)
    {
        return policy.holdoutUnit() == HoldoutUnit.VISITOR ?
            isVisitorHoldout(state.holdoutUnitHash(), policy.holdoutPerMillion()) :
            isHoldout(state.sidHi(), state.sidLo(), triggerKey, policy.holdoutPerMillion());
    }

    /** Whether the visitor of {@code visitorHash} is in the control group at {@code perMillion} parts per million. */
    public static boolean isVisitorHoldout(final long visitorHash, final int perMillion)
    {
        final long hash = Hash64.combine(visitorHash, VISITOR_SALT);
        return (int)Long.remainderUnsigned(hash, GovernorPolicy.PER_MILLION) < perMillion;
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
