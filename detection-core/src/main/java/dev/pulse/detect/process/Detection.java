package dev.pulse.detect.process;

import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerIndex;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventRecorder;
import dev.pulse.detect.EventType;
import dev.pulse.detect.IncompatibleSessionStateException;
import dev.pulse.detect.SessionStateFlyweight;
/**
 * Detection alone, for a caller that wants to know which stuck moments an event completes and
 * decides for itself what to do about them (no governor, no questions, no intervention ids). Each
 * call records the event in the session's history first and then asks the triggers, so the
 * detectors always read a history that holds the event: that order cannot be skipped from outside.
 * The signals land in a reused {@link Decisions}, highest priority first, each with a null verdict.
 *
 * <p>Evidence that produced a signal is spent, as in {@link EventProcessor}: the same backs or
 * clicks never signal twice for one trigger, and fire limits hold (once per page view, once per
 * session). The session clock never goes backwards. Times are epoch milliseconds.
 *
 * <p>Not thread-safe: one instance per thread. Allocation-free once {@link Decisions} is large
 * enough for the triggers. {@link EventProcessor} is this plus the governor.
 */
public final class Detection
{
    private final EventRecorder recorder = new EventRecorder();
    private final Event timerEvent = new Event().reset(EventType.TIMER);

    /**
     * Records {@code event} at {@code nowMs} and lists in {@code signals} the triggers it fires.
     *
     * @throws IncompatibleSessionStateException if the record is of another layout version.
     */
    public void onEvent(
        final SessionStateFlyweight state,
        final Event event,
        final long nowMs,
        final TriggerIndex triggers,
        final Decisions signals)
    {
        state.verifyLayout();
        start(signals, triggers);
        final long sessionNowMs = sessionNowMs(state, nowMs);
        recorder.record(state, event, sessionNowMs, triggers.pageKindRunKinds());
        spend(state, signals, collect(state, event, sessionNowMs, triggers, signals), sessionNowMs);
    }

    /**
     * Time passed without an event (call it at {@link #nextDeadlineMs}, or whenever): lists the
     * time-based triggers that fire now, such as idle on a key page.
     */
    public void onTimer(final SessionStateFlyweight state, final long nowMs, final TriggerIndex triggers, final Decisions signals)
    {
        state.verifyLayout();
        start(signals, triggers);
        final long sessionNowMs = sessionNowMs(state, nowMs);
        spend(state, signals, collect(state, timerEvent, sessionNowMs, triggers, signals), sessionNowMs);
    }

    /** The earliest time a time-based trigger could fire without a new event, or {@link Detector#NO_DEADLINE}. */
    public long nextDeadlineMs(final SessionStateFlyweight state, final TriggerIndex triggers)
    {
        return detectorDeadlineMs(state, triggers);
    }

    static long sessionNowMs(final SessionStateFlyweight state, final long nowMs)
    {
        return Math.max(nowMs, state.lastEventMs());
    }

    static void start(final Decisions decisions, final TriggerIndex triggers)
    {
        decisions.clear();
        decisions.ensureCapacity(triggers.maxCandidatesPerEvent() + 1);
    }

    static long detectorDeadlineMs(final SessionStateFlyweight state, final TriggerIndex triggers)
    {
        long deadlineMs = Detector.NO_DEADLINE;
        final int pageKind = state.currentPageKind();
        for (final DetectorKind kind : DetectorKind.completedBy(EventType.TIMER))
        {
            for (final Trigger trigger : triggers.candidates(kind, pageKind))
            {
                deadlineMs = Math.min(deadlineMs, trigger.deadlineMs(state));
            }
        }
        return deadlineMs;
    }

    /**
     * Appends the triggers the event fires, in priority order across detector kinds; the history
     * already holds the event. Returns the index of the first one appended.
     */
    static int collect(
        final SessionStateFlyweight state,
        final Event event,
        final long nowMs,
        final TriggerIndex triggers,
        final Decisions decisions)
    {
        final int first = decisions.size();
        final int pageKind = state.currentPageKind();
        for (final DetectorKind kind : DetectorKind.completedBy(event.type()))
        {
            for (final Trigger trigger : triggers.candidates(kind, pageKind))
            {
                if (trigger.fires(state, event, nowMs))
                {
                    insertByPriority(decisions, first, trigger);
                }
            }
        }
        return first;
    }

    /** The evidence behind each signal from {@code first} on is spent for its trigger. */
    private static void spend(final SessionStateFlyweight state, final Decisions signals, final int first, final long nowMs)
    {
        for (int i = first, size = signals.size(); i < size; i++)
        {
            state.triggerMemory().recordSignal(signals.trigger(i).key(), nowMs);
        }
    }

    /** Keeps the fired triggers in priority order across detector kinds (there are only a few). */
    private static void insertByPriority(final Decisions decisions, final int first, final Trigger trigger)
    {
        decisions.add(trigger);
        for (int i = decisions.size() - 1; i > first && outranks(trigger, decisions.trigger(i - 1)); i--)
        {
            decisions.swapWithPrevious(i);
        }
    }

    private static boolean outranks(final Trigger a, final Trigger b)
    {
        return a.priority() > b.priority() || (a.priority() == b.priority() && a.index() < b.index());
    }
}
