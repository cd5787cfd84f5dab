package dev.pulse.server.carry;

import dev.pulse.detect.ContextTextsFlyweight;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionContextFlyweight;
import dev.pulse.detect.SessionQuestionsFlyweight;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.TriggerMemoryFlyweight;
import dev.pulse.server.decide.ResponseFeedbackFlyweight;
import dev.pulse.server.decide.ServerSessionFlyweight;

/**
 * Between a session's record and its carry: the facts the governor's promises rest on (what was
 * asked, how many, when the last question was shown, each trigger's last action, a dismiss, the
 * visitor whose hash draws the holdout, the last intervention id) written into a
 * {@link CarryFlyweight}, and taken back from one on another node. The record keeps times on its
 * node's session clock, the carry on the wall clock: {@code nowWallMs - nowMonoMs} converts, so a
 * cooldown carried from a node whose session clock differs still ends when it would have there.
 * The carry's tail ({@link CarryTail}) takes issue 19's facts along: the context pairs with their
 * numbers and trust, the texts templates insert, the goals reached, the page kinds it viewed,
 * and the feedback state ({@link CarryFlyweight} says why these and not the
 * detectors' windows).
 *
 * <p>Works under the session entry's lock; allocation-free. Not thread-safe: one per event loop.
 */
public final class SessionCarry
{
    private final ResponseFeedbackFlyweight feedback = new ResponseFeedbackFlyweight();

    /**
     * Fills {@code payload} with the session's facts under the next generation, which the record
     * keeps. The generation is at least the wall time: a carry issued here that never reached the
     * client (the node died between) cannot have the same generation as one another node issues
     * later for the same session.
     */
    public void fill(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
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
        fillTail(payload.tail(state.viewedKindsMask()), state);
    }

    private void fillTail(final CarryTail tail, final SessionStateFlyweight state)
    {
        final ResponseFeedbackFlyweight asked = feedback.wrap(state);
        tail.feedback(asked.iid(), asked.questionKey(), asked.catalogVersion(), asked.choice(), asked.flags());
        final SessionContextFlyweight context = state.context();
        for (int slot = 0, count = context.contextCount(); slot < count; slot++)
        {
            tail.addContext(context.contextKeyHashAt(slot), context.contextValueHashAt(slot), context.contextNumberAt(slot),
                context.contextTrustedAt(slot));
        }
        for (int i = 0, count = context.goalCount(); i < count; i++)
        {
            tail.addGoal(context.goalAt(i));
        }
        for (int slot = 0; slot < ContextTextsFlyweight.TEXT_CAPACITY; slot++)
        {
            if (context.contextTextKeyHashAt(slot) != 0)
            {
                tail.addText(context, slot);
            }
        }
    }

    /** A session this node did not know, started from its carry: its visitor and its facts. */
    public void adopt(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
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
    public void supersede(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
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
    void merge(final CarryFlyweight payload, final SessionStateFlyweight state, final ServerSessionFlyweight record,
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
        if (payload.hasTail())
        {
            mergeTail(payload.tail(), state);
        }
    }

    /**
     * The tail's facts join the record's: every page kind viewed, the newer
     * feedback state (the later response; for the same one, answered if either side took the
     * answer), every carried pair, goal and text by the record's own rules (a trusted one
     * overwrites, an untrusted one never overwrites a trusted one; a pair or text with no free slot
     * left is dropped, which only a stale record already full of other keys can cause).
     */
    private void mergeTail(final CarryTail tail, final SessionStateFlyweight state)
    {
        state.addVisitedKinds(tail.viewedKindsMask());
        final ResponseFeedbackFlyweight asked = feedback.wrap(state);
        if (tail.feedbackFlags() != 0 && tail.feedbackIid() >= asked.iid())
        {
            final int flags = tail.feedbackIid() == asked.iid() ? tail.feedbackFlags() | asked.flags() : tail.feedbackFlags();
            asked.restore(tail.feedbackIid(), tail.feedbackQuestionKey(), tail.feedbackCatalogVersion(), tail.feedbackChoice(), flags);
        }
        final SessionContextFlyweight context = state.context();
        for (int i = 0; i < tail.contextCount(); i++)
        {
            context.putContext(tail.contextKeyHash(i), tail.contextValueHash(i), tail.contextNumber(i), tail.contextTrusted(i));
        }
        for (int i = 0; i < tail.goalCount(); i++)
        {
            context.goalReached(tail.goal(i));
        }
        for (int i = 0; i < tail.textCount(); i++)
        {
            context.putContextTextUtf8(tail.textKeyHash(i), tail.buffer(), tail.textUtf8Offset(i), tail.textLength(i), tail.textTrusted(i));
        }
    }

    /**
     * A digest of what a carry of the session holds that a message can change: the open question,
     * the asked count, a dismiss, the feedback state, every context pair (a text changes with its
     * pair's value) and goal. Two marks differ when any of it changed (a fresh carry is due) but
     * for a 64-bit collision. Not the page kinds viewed: page views are the commonest message, and a
     * carry for each new kind would cost every session frames for a fact only a moved session
     * reads, so they travel as of the session's last carry. Allocation-free: some fifty loads.
     */
    public long mark(final SessionStateFlyweight state)
    {
        final SessionQuestionsFlyweight questions = state.questions();
        long mark = (long)questions.openIid() << 32 | (long)questions.askedCount() << 1 | (questions.dismissed() ? 1 : 0);
        final ResponseFeedbackFlyweight asked = feedback.wrap(state);
        mark = Hash64.combine(mark, (long)asked.iid() << 8 | asked.flags());
        final SessionContextFlyweight context = state.context();
        for (int slot = 0, count = context.contextCount(); slot < count; slot++)
        {
            mark = Hash64.combine(Hash64.combine(mark, context.contextKeyHashAt(slot)), context.contextValueHashAt(slot)) +
                (context.contextTrustedAt(slot) ? 1 : 0);
        }
        for (int i = 0, count = context.goalCount(); i < count; i++)
        {
            mark = Hash64.combine(mark, context.goalAt(i));
        }
        return mark;
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
