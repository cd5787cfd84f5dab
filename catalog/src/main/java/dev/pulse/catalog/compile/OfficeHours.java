package dev.pulse.catalog.compile;

import java.util.Locale;

import dev.pulse.catalog.model.TimeTerms;
import dev.pulse.detect.trigger.SiteTimeZone;

/**
 * When someone answers a hand-off: a set of days and one span of the day, [from, to), in the hours'
 * own IANA time zone (so a Berlin team's 09:00 stays 09:00 across daylight saving time and whatever
 * the server's zone). The opening minute is in, the closing minute is out: 09:00-17:00 is open at
 * 09:00:00.000 and closed at 17:00:00.000. The local day and minute come from {@link SiteTimeZone},
 * as the {@code when} conditions' do: one mechanism, allocation-free. Immutable; thread-safe.
 */
public final class OfficeHours
{
    private final int dayBits;
    private final int fromMinute;
    private final int toMinute;
    private final SiteTimeZone zone;
    private final String description;

    /**
     * @param dayBits    bit d set when day d (0 Monday .. 6 Sunday) has hours.
     * @param fromMinute the opening minute of the day, 0..1439.
     * @param toMinute   the closing minute, after it, up to 1440 (midnight at the day's end).
     */
    public OfficeHours(final int dayBits, final int fromMinute, final int toMinute, final SiteTimeZone zone)
    {
        this.dayBits = dayBits;
        this.fromMinute = fromMinute;
        this.toMinute = toMinute;
        this.zone = zone;
        this.description = describe(dayBits, fromMinute, toMinute, zone);
    }

    /** Whether someone answers at {@code epochMs} (the server's wall clock). Allocation-free. */
    public boolean openAt(final long epochMs)
    {
        final int minute = zone.minuteOfDay(epochMs);
        return (dayBits & (1 << zone.dayOfWeek(epochMs))) != 0 && minute >= fromMinute && minute < toMinute;
    }

    /** The hours as a person reads them: {@code mon-fri 09:00-17:00 (Europe/Berlin)}. */
    public String describe()
    {
        return description;
    }

    private static String describe(final int dayBits, final int fromMinute, final int toMinute, final SiteTimeZone zone)
    {
        final StringBuilder text = new StringBuilder();
        int day = 0;
        while (day < 7)
        {
            if ((dayBits & (1 << day)) == 0)
            {
                day++;
                continue;
            }
            int last = day;
            while (last + 1 < 7 && (dayBits & (1 << (last + 1))) != 0)
            {
                last++;
            }
            text.append(text.length() == 0 ? "" : ", ").append(TimeTerms.DAYS.get(day));
            if (last > day)
            {
                text.append(last == day + 1 ? ", " : "-").append(TimeTerms.DAYS.get(last));
            }
            day = last + 1;
        }
        return text.append(' ').append(clock(fromMinute)).append('-').append(clock(toMinute)).append(" (").append(zone.id()).append(')')
            .toString();
    }

    public SiteTimeZone zone()
    {
        return zone;
    }

    private static String clock(final int minute)
    {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
