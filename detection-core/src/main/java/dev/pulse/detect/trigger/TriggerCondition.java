package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * An extra condition a catalog trigger adds to its detector (visited a page kind, a context value,
 * a minimum dwell). Pure and allocation-free, like a detector.
 */
public interface TriggerCondition
{
    boolean test(SessionStateFlyweight state, long nowMs);
}
