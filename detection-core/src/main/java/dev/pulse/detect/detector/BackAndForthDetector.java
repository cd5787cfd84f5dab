package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.SessionHistoryFlyweight;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Back-and-forth: {@code backs} back-navigations (default 3) within {@code window} (default 90 s)
 * between the same two pages. A single back is normal; backs spread wider than the window, or
 * among different pairs of pages, are not a signal. The window is inclusive: three backs exactly
 * 90 s apart fire, 90.001 s do not.
 */
public final class BackAndForthDetector implements Detector
{
    private final int backs;
    private final long windowMs;

    public BackAndForthDetector(final int backs, final long windowMs)
    {
        this.backs = backs;
        this.windowMs = windowMs;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.BACK_AND_FORTH;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        final SessionHistoryFlyweight history = state.history();
        if (event.type() != EventType.PAGE || event.nav() != NavType.BACK || history.pageCount() < 2)
        {
            return false;
        }
        final long from = history.pageHashAt(1);
        final long to = history.pageHashAt(0);
        if (from == to)
        {
            return false;
        }
        final long pair = Hash64.unorderedPair(from, to);
        final long windowStartMs = nowMs - windowMs;
        int count = 0;
        for (int age = 0, size = history.backCount(); age < size; age++)
        {
            final long timeMs = history.backTimeAt(age);
            if (timeMs < windowStartMs || timeMs <= spentUntilMs)
            {
                break;
            }
            if (history.backPairAt(age) == pair && ++count >= backs)
            {
                return true;
            }
        }
        return false;
    }
}
