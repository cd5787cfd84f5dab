package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * The person scrolled back up the current page at least {@code minTimes} times (the snippet sends
 * a {@code scroll_back} for each meaningful scroll up after a scroll down; a new page view counts
 * from 0 again): re-reading what they passed, a sign of weighing something.
 */
public record ScrolledBackCondition(int minTimes) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return state.signals().scrollBackCount() >= minTimes;
    }
}
