package dev.pulse.server.ws;

import dev.pulse.detect.detector.Detector;
import dev.pulse.server.timer.LoopTimers;
import dev.pulse.server.timer.TimerTarget;

/**
 * The one loop timer of a connection, for its session's next deadline. At most one is armed: an
 * earlier deadline replaces a later one, and a later one waits for the armed timer, which fires,
 * lets the session re-check and re-arms (a timer is a hint). Not thread-safe: owned by the
 * connection's event loop.
 */
final class SessionTimer
{
    /** Returned by {@link #fired} for a timer that is no longer the armed one. */
    static final long STALE = -1;
    private static final long NO_TIMER = -1;

    private final TimerTarget target;
    private LoopTimers timers;
    private long timerId = NO_TIMER;
    private long armedDeadlineMs = Detector.NO_DEADLINE;

    SessionTimer(final TimerTarget target)
    {
        this.target = target;
    }

    /** The wheel of the connection's event loop; set once, when the connection's handler is added. */
    void attach(final LoopTimers timers)
    {
        this.timers = timers;
    }

    /** Arms the timer for {@code deadlineMs} unless one is armed as early or earlier; NO_DEADLINE does nothing. */
    void arm(final long deadlineMs)
    {
        if (deadlineMs == Detector.NO_DEADLINE || (timerId != NO_TIMER && armedDeadlineMs <= deadlineMs))
        {
            return;
        }
        if (timerId != NO_TIMER)
        {
            timers.cancel(timerId);
        }
        armedDeadlineMs = deadlineMs;
        timerId = timers.schedule(target, deadlineMs);
    }

    /**
     * Timer {@code firedTimerId} fired at {@code nowMs}: if it is the armed one, nothing is armed any
     * more and this returns how late it fired (ms, at least 0); else {@link #STALE}.
     */
    long fired(final long firedTimerId, final long nowMs)
    {
        if (firedTimerId != timerId || timerId == NO_TIMER)
        {
            return STALE;
        }
        timerId = NO_TIMER;
        final long latenessMs = Math.max(0, nowMs - armedDeadlineMs);
        armedDeadlineMs = Detector.NO_DEADLINE;
        return latenessMs;
    }

    /** Calls the armed timer off (the connection ended). */
    void cancel()
    {
        if (timerId != NO_TIMER)
        {
            timers.cancel(timerId);
            timerId = NO_TIMER;
        }
    }
}
