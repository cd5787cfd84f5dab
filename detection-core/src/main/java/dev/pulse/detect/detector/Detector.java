package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Recognises one stuck-moment pattern. A detector is a pure function of the session state (already
 * updated with the event), the event and the time: it reads, it never writes, it never allocates,
 * and it never reads a clock. Its thresholds are fixed at construction (the catalog sets them per
 * trigger), so one instance serves every session.
 */
public interface Detector
{
    /** No deadline: nothing can fire by time alone. */
    long NO_DEADLINE = Long.MAX_VALUE;

    DetectorKind kind();

    /**
     * Whether the event completes the pattern.
     *
     * @param state        the session, already holding the event in its history.
     * @param event        the event just recorded ({@link dev.pulse.detect.EventType#TIMER} for a deadline).
     * @param nowMs        the session's current time.
     * @param spentUntilMs evidence at or before this time already produced a signal of the same
     *                     trigger and does not count again (0 when the trigger never signalled).
     */
    boolean detect(SessionStateFlyweight state, Event event, long nowMs, long spentUntilMs);

    /**
     * The page kinds whose runs this detector reads from the session's history (bit {@code k} for
     * kind {@code k}); the history keeps runs of these kinds only, so a page view of any other kind
     * writes nothing there. 0: it reads none.
     */
    default long pageKindRunKinds()
    {
        return 0;
    }

    /** The earliest time at which this detector could fire without a new event ({@link #NO_DEADLINE} if none). */
    default long deadlineMs(final SessionStateFlyweight state)
    {
        return NO_DEADLINE;
    }
}
