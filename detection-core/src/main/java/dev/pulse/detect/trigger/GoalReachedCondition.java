package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** The session already reached a goal ({@code goal_reached: signup}: a {@code goal} event of that name). */
public record GoalReachedCondition(long goalHash) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return state.context().hasReachedGoal(goalHash);
    }
}
