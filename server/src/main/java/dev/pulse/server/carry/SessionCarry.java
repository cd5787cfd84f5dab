package dev.pulse.server.carry;

import dev.pulse.detect.SessionQuestionsFlyweight;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.TriggerMemoryFlyweight;
import dev.pulse.server.decide.ServerSessionFlyweight;

/**
 * Between a session's record and its carry: the facts the governor's promises rest on (what was
 * asked, how many, when the last question was shown, each trigger's last action, a dismiss, the
 * visitor whose hash draws the holdout, the last intervention id) written into a
 * {@link CarryFlyweight}, and taken back from one on another node. The record keeps times on its
 * node's session clock, the carry on the wall clock: {@code nowWallMs - nowMonoMs} converts, so a
 * cooldown carried from a node whose session clock differs still ends when it would have there.
 *
 * <p>Works under the session entry's lock; stateless and allocation-free.
 */
public final class SessionCarry
{
    private SessionCarry()
    {
    }

    /**
     * Fills {@code payload} with the session's facts under the next generation, which the record
     * keeps. The generation is at least the wall time: a carry issued here that never reached the
     * client (the node died between) cannot have the same generation as one another node issues
     * later for the same session.
     */
    public static void fill(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final long siteHash, final long nowMonoMs, final long nowWallMs)
    {
        final long generation = Math.max(record.carryGeneration() + 1, nowWallMs);
        record.carryGeneration(generation);
        final long wallMinusMonoMs = nowWallMs - nowMonoMs;
        final SessionQuestionsFlyweight questions = state.questions();
        payload.header(state.sidHi(), state.sidLo(), siteHash, generation, nowWallMs)
            .visitorHash(state.visitorHash())
            .lastShownWallMs(toWall(questions.lastShownMs(), wallMinusMonoMs))
            .lastIid(questions.lastIid())
            .dismissed(questions.dismissed());
        for (int i = 0, count = questions.askedCount(); i < count; i++)
        {
            payload.addAsked(questions.askedQuestionKeyAt(i));
        }
        final TriggerMemoryFlyweight memory = state.triggerMemory();
        for (int slot = 0, count = memory.triggerMemoryCount(); slot < count; slot++)
        {
            if (memory.actedMs(slot) > 0)
            {
                payload.addTrigger(memory.triggerKeyAt(slot), toWall(memory.actedMs(slot), wallMinusMonoMs));
            }
        }
    }

    /** A session this node did not know, started from its carry: its visitor and its facts. */
    public static void adopt(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final long nowMonoMs, final long nowWallMs)
    {
        state.visitorHash(payload.visitorHash());
        merge(payload, state, record, nowMonoMs, nowWallMs);
    }

    /**
     * The carry was issued after this node's record of the session last was (the visitor was
     * served elsewhere meanwhile): the record's open question and deferred signal belong to a page
     * long gone and close, as a page view closes them, and the facts merge.
     */
    public static void supersede(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final long nowMonoMs, final long nowWallMs)
    {
        state.questions().closeOpenQuestion();
        state.questions().clearPending();
        merge(payload, state, record, nowMonoMs, nowWallMs);
    }

    /**
     * The union of both: every question asked on either side, the later of each time, dismissed if
     * either was, the larger last intervention id; the record takes the carry's generation.
     */
    static void merge(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final long nowMonoMs, final long nowWallMs)
    {
        final long wallMinusMonoMs = nowWallMs - nowMonoMs;
        final SessionQuestionsFlyweight questions = state.questions();
        for (int i = 0; i < payload.askedCount(); i++)
        {
            if (!questions.wasAsked(payload.askedKey(i)))
            {
                questions.addAsked(payload.askedKey(i));
            }
        }
        questions.lastShownMs(Math.max(questions.lastShownMs(), toSession(payload.lastShownWallMs(), wallMinusMonoMs)));
        questions.lastIid(Math.max(questions.lastIid(), payload.lastIid()));
        questions.dismissed(questions.dismissed() || payload.dismissed());
        final TriggerMemoryFlyweight memory = state.triggerMemory();
        for (int i = 0; i < payload.triggerCount(); i++)
        {
            final int key = payload.triggerKey(i);
            final long actedMs = toSession(payload.triggerActedWallMs(i), wallMinusMonoMs);
            if (actedMs > memory.actedMs(memory.slot(key)))
            {
                memory.recordActed(key, actedMs);
            }
        }
        record.carryGeneration(Math.max(record.carryGeneration(), payload.generation()));
    }

    private static long toWall(final long sessionMs, final long wallMinusMonoMs)
    {
        return sessionMs == 0 ? 0 : sessionMs + wallMinusMonoMs;
    }

    /** A carried wall time on this node's session clock; never 0 (which means never) for a time that was. */
    private static long toSession(final long wallMs, final long wallMinusMonoMs)
    {
        return wallMs == 0 ? 0 : Math.max(1, wallMs - wallMinusMonoMs);
    }
}
