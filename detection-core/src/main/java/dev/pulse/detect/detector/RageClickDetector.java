package dev.pulse.detect.detector;

import java.util.Arrays;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionHistoryFlyweight;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Rage click: {@code clicks} clicks (default 3) on the same target, each within {@code interval}
 * (default 1000 ms) and {@code radius} (default 30 px) of the one before, on the current page.
 * Targets the site marks as ignorable (steppers, calendars, text meant for triple-click selection)
 * never count.
 */
public final class RageClickDetector implements Detector
{
    private final int clicks;
    private final long intervalMs;
    private final long radiusSquared;
    private final long[] ignoredTargetHashes;

    /**
     * @param ignoredTargetHashes hashes of the selectors that never count; copied and sorted.
     */
    public RageClickDetector(final int clicks, final long intervalMs, final int radiusPx, final long[] ignoredTargetHashes)
    {
        this.clicks = clicks;
        this.intervalMs = intervalMs;
        this.radiusSquared = (long)radiusPx * radiusPx;
        this.ignoredTargetHashes = ignoredTargetHashes.clone();
        Arrays.sort(this.ignoredTargetHashes);
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.RAGE_CLICK;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        final SessionHistoryFlyweight history = state.history();
        if (event.type() != EventType.CLICK || Arrays.binarySearch(ignoredTargetHashes, event.targetHash()) >= 0)
        {
            return false;
        }
        final long target = event.targetHash();
        final long pageEnteredMs = state.currentPageEnteredMs();
        int count = 1;
        for (int age = 1, size = history.clickCount(); age < size; age++)
        {
            final long timeMs = history.clickTimeAt(age);
            if (history.clickTargetAt(age) != target ||
                timeMs <= spentUntilMs ||
                timeMs < pageEnteredMs ||
                history.clickTimeAt(age - 1) - timeMs > intervalMs ||
                distanceSquared(history, age, age - 1) > radiusSquared)
            {
                break;
            }
            if (++count >= clicks)
            {
                return true;
            }
        }
        return false;
    }

    private static long distanceSquared(final SessionHistoryFlyweight history, final int ageA, final int ageB)
    {
        final long dx = (long)history.clickXAt(ageA) - history.clickXAt(ageB);
        final long dy = (long)history.clickYAt(ageA) - history.clickYAt(ageB);
        return dx * dx + dy * dy;
    }
}
