package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** Every one of the conditions holds (a block of a catalog's {@code when}; none: it holds). */
public final class AllCondition implements TriggerCondition
{
    private final TriggerCondition[] conditions;

    public AllCondition(final TriggerCondition... conditions)
    {
        this.conditions = conditions.clone();
    }

    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        for (final TriggerCondition condition : conditions)
        {
            if (!condition.test(state, nowMs))
            {
                return false;
            }
        }
        return true;
    }
}
