package dev.pulse.detect.trigger;

import java.util.Objects;

import dev.pulse.detect.Event;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.DetectorKind;

/**
 * A catalog trigger compiled for the core: a detector with its thresholds, the page kinds it
 * applies to, extra conditions, and how the governor should treat its signals (mode, priority,
 * urgency, its own cooldown, which question it asks). Immutable; shared by every session.
 *
 * <p>{@link #key()} and {@link #questionKey()} are stable hashes of the catalog ids: session
 * records remember triggers and questions by them, so a reload that reorders the catalog does not
 * scramble what a session was already asked.
 *
 * <p>Made by {@link TriggerBuilder}.
 */
public final class Trigger
{
    private final String id;
    private final int key;
    private final int index;
    private final Detector detector;
    private final long pageKindMask;
    private final TriggerCondition[] conditions;
    private final int priority;
    private final TriggerMode mode;
    private final boolean urgent;
    private final long cooldownMs;
    private final boolean ignoresPageGrace;
    private final String questionId;
    private final int questionKey;

    /**
     * @param id               the catalog id.
     * @param index            the trigger's position in its catalog (for the catalog's own lookups).
     * @param pageKindMask     the page kinds the trigger applies to, bit {@code k} for kind {@code k}.
     * @param priority         higher wins when several triggers fire on one event.
     * @param urgent           may skip the cross-question cooldown (never the session cap).
     * @param cooldownMs       the trigger's own cooldown after it asked, held out or shadowed.
     * @param ignoresPageGrace may fire in the first seconds of a page view.
     * @see TriggerBuilder the way to make one
     */
    Trigger(
        final String id,
        final int index,
        final Detector detector,
        final long pageKindMask,
        final TriggerCondition[] conditions,
        final int priority,
        final TriggerMode mode,
        final boolean urgent,
        final long cooldownMs,
        final boolean ignoresPageGrace,
        final String questionId)
    {
        this.id = Objects.requireNonNull(id, "id");
        this.key = Hash64.key32(id);
        this.index = index;
        this.detector = Objects.requireNonNull(detector, "detector");
        this.pageKindMask = pageKindMask;
        this.conditions = conditions.clone();
        this.priority = priority;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.urgent = urgent;
        this.cooldownMs = cooldownMs;
        this.ignoresPageGrace = ignoresPageGrace;
        this.questionId = Objects.requireNonNull(questionId, "questionId");
        this.questionKey = Hash64.key32(questionId);
    }

    /**
     * Whether this trigger signals on the event: its detector sees the pattern in evidence not yet
     * spent, its fire limit allows another signal, and its conditions hold. The caller has already
     * picked the trigger for the current page kind ({@link TriggerIndex#candidates}).
     *
     * <p>Spent evidence can only take evidence away, so the detector first runs as if nothing were
     * spent: most events complete no pattern and never need the per-trigger memory.
     */
    public boolean fires(final SessionStateFlyweight state, final Event event, final long nowMs)
    {
        if (!detector.detect(state, event, nowMs, 0))
        {
            return false;
        }
        final int slot = state.triggerMemory().slot(key);
        final long lastSignalMs = state.triggerMemory().signalMs(slot);
        if (lastSignalMs > 0 && (!fireLimitAllowsAnother(state, slot) || !detector.detect(state, event, nowMs, lastSignalMs)))
        {
            return false;
        }
        return conditionsHold(state, nowMs);
    }

    /** Whether every one of the trigger's conditions holds for the session now. */
    public boolean conditionsHold(final SessionStateFlyweight state, final long nowMs)
    {
        for (final TriggerCondition condition : conditions)
        {
            if (!condition.test(state, nowMs))
            {
                return false;
            }
        }
        return true;
    }

    /** When this trigger could next fire by time alone on the current page ({@link Detector#NO_DEADLINE} if not). */
    public long deadlineMs(final SessionStateFlyweight state)
    {
        if (!appliesTo(state.currentPageKind()))
        {
            return Detector.NO_DEADLINE;
        }
        final int slot = state.triggerMemory().slot(key);
        if (state.triggerMemory().signalMs(slot) > 0 && !fireLimitAllowsAnother(state, slot))
        {
            return Detector.NO_DEADLINE;
        }
        return detector.deadlineMs(state);
    }

    public boolean appliesTo(final int pageKind)
    {
        return (pageKindMask & (1L << pageKind)) != 0;
    }

    private boolean fireLimitAllowsAnother(final SessionStateFlyweight state, final int slot)
    {
        switch (detector.kind().fireLimit())
        {
            case ONCE_PER_SESSION:
                return false;
            case ONCE_PER_PAGE_VIEW:
                return state.triggerMemory().signalPageView(slot) != state.pageViewCount();
            default:
                return true;
        }
    }

    public String id()
    {
        return id;
    }

    public int key()
    {
        return key;
    }

    public int index()
    {
        return index;
    }

    public Detector detector()
    {
        return detector;
    }

    public DetectorKind detectorKind()
    {
        return detector.kind();
    }

    public long pageKindMask()
    {
        return pageKindMask;
    }

    public int priority()
    {
        return priority;
    }

    public TriggerMode mode()
    {
        return mode;
    }

    public boolean urgent()
    {
        return urgent;
    }

    public long cooldownMs()
    {
        return cooldownMs;
    }

    public boolean ignoresPageGrace()
    {
        return ignoresPageGrace;
    }

    public String questionId()
    {
        return questionId;
    }

    public int questionKey()
    {
        return questionKey;
    }

    @Override
    public String toString()
    {
        return "Trigger{" + id + ", " + detector.kind().catalogName() + ", " + mode + ", priority=" + priority + '}';
    }
}
