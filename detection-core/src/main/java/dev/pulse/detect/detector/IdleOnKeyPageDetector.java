package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Idle on a key page: no activity for {@code idle} (default 180 s) while the current page is a key
 * page (pricing, checkout, ...). Time does not run while the tab is hidden. It fires from a timer:
 * the server arms one at {@link #deadlineMs} and calls back with a {@link EventType#TIMER} event;
 * since a timer is only a hint, the deadline is checked again against the state when it fires.
 * The trigger fires at most once per page view.
 */
public final class IdleOnKeyPageDetector implements Detector
{
    private final long idleMs;
    private final long keyPageMask;

    /**
     * @param idleMs      how long without activity counts as stuck.
     * @param keyPageMask the key page kinds, bit {@code k} for kind {@code k}.
     */
    public IdleOnKeyPageDetector(final long idleMs, final long keyPageMask)
    {
        this.idleMs = idleMs;
        this.keyPageMask = keyPageMask;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.IDLE_ON_KEY_PAGE;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        return event.type() == EventType.TIMER && nowMs >= deadlineMs(state);
    }

    @Override
    public long deadlineMs(final SessionStateFlyweight state)
    {
        if (state.hidden() || state.history().pageCount() == 0 || (keyPageMask & (1L << state.currentPageKind())) == 0)
        {
            return NO_DEADLINE;
        }
        return state.idleSinceMs() + idleMs;
    }

    public long idleMs()
    {
        return idleMs;
    }
}
