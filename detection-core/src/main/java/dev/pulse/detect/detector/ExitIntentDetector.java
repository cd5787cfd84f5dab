package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Exit intent: the pointer left towards the browser's chrome while on a key page, after at least
 * {@code min_dwell} (default 10 s) on it. A trigger of this detector fires once per session.
 */
public final class ExitIntentDetector implements Detector
{
    private final long minDwellMs;
    private final long keyPageMask;

    public ExitIntentDetector(final long minDwellMs, final long keyPageMask)
    {
        this.minDwellMs = minDwellMs;
        this.keyPageMask = keyPageMask;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.EXIT_INTENT;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        return event.type() == EventType.EXIT_INTENT &&
            state.history().pageCount() > 0 &&
            (keyPageMask & (1L << state.currentPageKind())) != 0 &&
            nowMs - state.currentPageEnteredMs() >= minDwellMs;
    }
}
