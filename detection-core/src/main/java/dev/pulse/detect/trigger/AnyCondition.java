package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** At least one of the conditions holds (a catalog's {@code any:}); each is usually an {@link AllCondition}. */
public final class AnyCondition implements TriggerCondition
{
    private final TriggerCondition[] conditions;

    public AnyCondition(final TriggerCondition... conditions)
    {
        this.conditions = conditions.clone();
    }

    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        for (final TriggerCondition condition : conditions)
        {
            if (condition.test(state, nowMs))
            {
                return true;
            }
        }
        return false;
    }
}
