package dev.pulse.catalog.compile;

import java.util.List;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.trigger.AllCondition;
import dev.pulse.detect.trigger.TriggerCondition;

/**
 * A segment's {@code when}, compiled as a trigger's: the conditions of its block, all of which must
 * hold (none: every session). Allocation-free, like the trigger conditions it holds.
 */
final class SegmentCondition
{
    private final TriggerCondition condition;

    private SegmentCondition(final TriggerCondition condition)
    {
        this.condition = condition;
    }

    /** The segments' conditions, in the segments' order. */
    static SegmentCondition[] of(final List<CatalogModel.Segment> segments, final ConditionCompiler compiler)
    {
        final SegmentCondition[] conditions = new SegmentCondition[segments.size()];
        for (int s = 0; s < conditions.length; s++)
        {
            final TriggerCondition[] all = compiler.conditions(segments.get(s).when());
            conditions[s] = new SegmentCondition(all.length == 1 ? all[0] : new AllCondition(all));
        }
        return conditions;
    }

    boolean matches(final SessionStateFlyweight state, final long nowMs)
    {
        return condition.test(state, nowMs);
    }

    /** The first of {@code conditions} the session matches at {@code nowMs} (the session clock), or -1. */
    static int firstMatch(final SegmentCondition[] conditions, final SessionStateFlyweight state, final long nowMs)
    {
        for (int i = 0; i < conditions.length; i++)
        {
            if (conditions[i].matches(state, nowMs))
            {
                return i;
            }
        }
        return -1;
    }
}
