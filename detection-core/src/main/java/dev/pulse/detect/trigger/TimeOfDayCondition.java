package dev.pulse.detect.trigger;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * The wall time, in the site's time zone, is within [{@code fromMinute}, {@code toMinute}) of the
 * day (minutes after midnight); a window whose end is not after its start runs past midnight
 * ({@code 22:00} to {@code 06:00}). Read from the session clock and the record's wall-clock skew.
 */
public record TimeOfDayCondition(SiteTimeZone zone, int fromMinute, int toMinute) implements TriggerCondition
{
    @Override
    public boolean test(final SessionStateFlyweight state, final long nowMs)
    {
        final int minute = zone.minuteOfDay(state.context().wallMs(nowMs));
        return fromMinute < toMinute ? minute >= fromMinute && minute < toMinute : minute >= fromMinute || minute < toMinute;
    }
}
