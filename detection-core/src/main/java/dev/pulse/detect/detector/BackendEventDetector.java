package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionSignalsFlyweight;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Backend event: the site's backend told of {@code count} events (default 1) of one name (a
 * declined payment, a failed order, a ticket opened) within {@code window} (default 10 min), and
 * the one that completes the count meets the trigger's field conditions. The session keeps the
 * names and times of its newest backend events, not their fields, so the conditions are judged on
 * the arriving event; the earlier ones count by name. A trigger without a name
 * ({@link #ANY_NAME}, as {@link DetectorKind#create} builds it) counts every backend event;
 * the catalog gives it one with {@link #matching}.
 */
public final class BackendEventDetector implements Detector
{
    /** The name hash that stands for every name. */
    public static final long ANY_NAME = 0;
    private static final BackendFieldCondition[] NO_CONDITIONS = new BackendFieldCondition[0];

    private final int count;
    private final long windowMs;
    private final long nameHash;
    private final BackendFieldCondition[] conditions;

    public BackendEventDetector(final int count, final long windowMs)
    {
        this(count, windowMs, ANY_NAME, NO_CONDITIONS);
    }

    private BackendEventDetector(final int count, final long windowMs, final long nameHash, final BackendFieldCondition[] conditions)
    {
        this.count = count;
        this.windowMs = windowMs;
        this.nameHash = nameHash;
        this.conditions = conditions;
    }

    /** This detector's thresholds, for the events of the name of that hash whose fields meet all {@code conditions}. */
    public BackendEventDetector matching(final long nameHash, final BackendFieldCondition... conditions)
    {
        return new BackendEventDetector(count, windowMs, nameHash, conditions.clone());
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.BACKEND_EVENT;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        if (event.type() != EventType.BACKEND || !named(event.backendNameHash()))
        {
            return false;
        }
        for (final BackendFieldCondition condition : conditions)
        {
            if (!condition.test(event))
            {
                return false;
            }
        }
        final SessionSignalsFlyweight signals = state.signals();
        final long windowStartMs = nowMs - windowMs;
        int seen = 0;
        for (int age = 0, size = signals.backendEventCount(); age < size; age++)
        {
            final long timeMs = signals.backendEventTimeAt(age);
            if (timeMs < windowStartMs || timeMs <= spentUntilMs)
            {
                break;
            }
            if (named(signals.backendEventNameAt(age)) && ++seen >= count)
            {
                return true;
            }
        }
        return false;
    }

    private boolean named(final long eventNameHash)
    {
        return nameHash == ANY_NAME || eventNameHash == nameHash;
    }
}
