package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/** The wall time's day of the week, in the site's time zone, is one of {@code dayMask}: bit 0 Monday ... bit 6 Sunday. */
public record DayOfWeekCondition(SiteTimeZone zone, int dayMask) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        return (dayMask & 1 << zone.dayOfWeek(state.context().wallMs(nowMs))) != 0;
    }
}
