package dev.pulse.detect.process;

import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerIndex;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventRecorder;
import dev.pulse.detect.EventType;
import dev.pulse.detect.IncompatibleSessionStateException;
import dev.pulse.detect.SessionStateFlyweight;
/**
 * The path of one event through the core: record it in the session's history, ask the triggers
 * the event could complete whether they fire, and let the governor decide on each signal in
 * priority order. The result lands in a reused {@link Decisions}. Answers and dismisses are the
 * governor's ({@link Governor#onAnswer}, {@link Governor#onDismiss}); the server checks them
 * against the catalog first.
 *
 * <p>The session clock never goes backwards: an event stamped earlier than the session's last one
 * (a clock step, a reordering) is taken at the last time instead. Times are epoch milliseconds.
 *
 * <p>Detection without the governor is {@link Detection}; both record the event in the history
 * before any detector reads it.
 *
 * <p>Not thread-safe: one instance per thread. Allocation-free once {@link Decisions} is large
 * enough for the catalog.
 */
public final class EventProcessor
{
    private final EventRecorder recorder = new EventRecorder();
    private final Event timerEvent = new Event().reset(EventType.TIMER);

    /**
     * Records {@code event} at {@code nowMs} and decides on every signal it produces.
     *
     * @throws IncompatibleSessionStateException if the record is of another layout version.
     */
    public void onEvent(
        final SessionStateFlyweight state,
        final Event event,
        final long nowMs,
        final TriggerIndex triggers,
        final Governor governor,
        final Decisions decisions)
    {
        state.verifyLayout();
        Detection.start(decisions, triggers);
        final long sessionNowMs = Detection.sessionNowMs(state, nowMs);
        if (event.type() == EventType.PAGE)
        {
            dropPending(state, triggers, decisions);
            governor.onPageView(state);
        }
        recorder.record(state, event, sessionNowMs, triggers.pageKindRunKinds());
        detect(state, event, sessionNowMs, triggers, governor, decisions);
    }

    /**
     * A deadline armed from {@link #nextDeadlineMs} came due: decides a deferred signal whose page
     * grace has passed, and re-checks the time-based triggers against the state (the session may
     * have moved on since the timer was armed: a timer is only a hint).
     */
    public void onTimer(
        final SessionStateFlyweight state,
        final long nowMs,
        final TriggerIndex triggers,
        final Governor governor,
        final Decisions decisions)
    {
        state.verifyLayout();
        Detection.start(decisions, triggers);
        final long sessionNowMs = Detection.sessionNowMs(state, nowMs);
        decidePending(state, sessionNowMs, triggers, governor, decisions);
        detect(state, timerEvent, sessionNowMs, triggers, governor, decisions);
    }

    /**
     * The earliest time something could happen on the current page view without a new event (a
     * deferred signal comes due, an idle deadline passes), or {@link Detector#NO_DEADLINE}.
     */
    public long nextDeadlineMs(final SessionStateFlyweight state, final TriggerIndex triggers)
    {
        final long pendingDueMs = state.questions().pendingTriggerKey() != 0 ? state.questions().pendingDueMs() : Detector.NO_DEADLINE;
        return Math.min(pendingDueMs, Detection.detectorDeadlineMs(state, triggers));
    }

    /** The page view a deferred signal waited on is over: it is recorded as suppressed by the page grace. */
    private static void dropPending(final SessionStateFlyweight state, final TriggerIndex triggers, final Decisions decisions)
    {
        final int pendingKey = state.questions().pendingTriggerKey();
        if (pendingKey != 0)
        {
            state.questions().clearPending();
            final Trigger trigger = triggers.byKey(pendingKey);
            if (trigger != null)
            {
                decisions.add(trigger);
                decisions.decide(decisions.size() - 1, Verdict.SUPPRESSED_PAGE_GRACE, 0);
            }
        }
    }

    private static void decidePending(
        final SessionStateFlyweight state,
        final long nowMs,
        final TriggerIndex triggers,
        final Governor governor,
        final Decisions decisions)
    {
        final int pendingKey = state.questions().pendingTriggerKey();
        if (pendingKey == 0 || nowMs < state.questions().pendingDueMs())
        {
            return;
        }
        if (state.questions().pendingPageView() != state.pageViewCount())
        {
            dropPending(state, triggers, decisions);
            return;
        }
        state.questions().clearPending();
        final Trigger trigger = triggers.byKey(pendingKey);
        if (trigger != null)
        {
            final Verdict verdict = governor.decide(state, trigger, nowMs, false);
            decisions.add(trigger);
            decisions.decide(decisions.size() - 1, verdict, verdict == Verdict.SHOWN ? state.questions().openIid() : 0);
        }
    }

    private static void detect(
        final SessionStateFlyweight state,
        final Event event,
        final long nowMs,
        final TriggerIndex triggers,
        final Governor governor,
        final Decisions decisions)
    {
        final int first = Detection.collect(state, event, nowMs, triggers, decisions);
        boolean acted = false;
        for (int i = first, size = decisions.size(); i < size; i++)
        {
            final Trigger trigger = decisions.trigger(i);
            final Verdict verdict = governor.decide(state, trigger, nowMs, acted);
            acted |= verdict.asked() || verdict == Verdict.DEFERRED;
            decisions.decide(i, verdict, verdict == Verdict.SHOWN ? state.questions().openIid() : 0);
            state.triggerMemory().recordSignal(trigger.key(), nowMs);
        }
    }
}
