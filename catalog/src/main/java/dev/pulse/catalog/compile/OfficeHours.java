package dev.pulse.catalog.compile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * When someone answers a hand-off: a set of days and one span of the day, [from, to), in the hours'
 * own IANA time zone (so a Berlin team's 09:00 stays 09:00 across daylight saving time and whatever
 * the server's zone). The opening minute is in, the closing minute is out: 09:00-17:00 is open at
 * 09:00:00.000 and closed at 17:00:00.000. Immutable; thread-safe.
 */
public final class OfficeHours
{
    /** The day names, Monday first (bit 0): the catalog's spelling. */
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final int dayBits;
    private final int fromMinute;
    private final int toMinute;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final String description;

    /**
     * @param dayBits    bit d set when day d (0 Monday .. 6 Sunday) has hours.
     * @param fromMinute the opening minute of the day, 0..1439.
     * @param toMinute   the closing minute, after it, up to 1440 (midnight at the day's end).
     */
    public OfficeHours(final int dayBits, final int fromMinute, final int toMinute, final ZoneId zone)
    {
        this.dayBits = dayBits;
        this.fromMinute = fromMinute;
        this.toMinute = toMinute;
        this.zone = zone;
        this.rules = zone.getRules();
        this.description = describe(dayBits, fromMinute, toMinute, zone);
    }

    /** Whether someone answers at {@code epochMs} (the server's wall clock). */
    public boolean openAt(final long epochMs)
    {
        final long offsetMs = rules.getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
        final long localMs = epochMs + offsetMs;
        final long localDay = Math.floorDiv(localMs, 86_400_000L);
        final int minute = (int)(Math.floorMod(localMs, 86_400_000L) / 60_000L);
        // 1970-01-01 was a Thursday: day 3 counted from Monday.
        final int dayOfWeek = (int)Math.floorMod(localDay + 3, 7L);
        return (dayBits & (1 << dayOfWeek)) != 0 && minute >= fromMinute && minute < toMinute;
    }

    /** The hours as a person reads them: {@code mon-fri 09:00-17:00 (Europe/Berlin)}. */
    public String describe()
    {
        return description;
    }

    private static String describe(final int dayBits, final int fromMinute, final int toMinute, final ZoneId zone)
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
            text.append(text.length() == 0 ? "" : ", ").append(DAYS.get(day));
            if (last > day)
            {
                text.append(last == day + 1 ? ", " : "-").append(DAYS.get(last));
            }
            day = last + 1;
        }
        return text.append(' ').append(clock(fromMinute)).append('-').append(clock(toMinute)).append(" (").append(zone.getId()).append(')')
            .toString();
    }

    public ZoneId zone()
    {
        return zone;
    }

    /** Day d's bit (0 Monday), or -1 when {@code name} is not a day of {@link #DAYS} (any case). */
    public static int dayBit(final String name)
    {
        final int day = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
        return day < 0 ? -1 : 1 << day;
    }

    /** The minute of the day of {@code HH:MM} (00:00 to 24:00), or -1 when it is not one. */
    public static int minuteOfDay(final String text)
    {
        if (text.length() != 5 || text.charAt(2) != ':' || !digits(text, 0, 2) || !digits(text, 3, 5))
        {
            return -1;
        }
        final int hours = Integer.parseInt(text, 0, 2, 10);
        final int minutes = Integer.parseInt(text, 3, 5, 10);
        final int minute = hours * 60 + minutes;
        return minutes < 60 && minute <= MINUTES_PER_DAY ? minute : -1;
    }

    /** The zone of an IANA region id (Europe/Berlin, UTC), or null: a fixed offset (+02:00) would not follow daylight saving time. */
    public static ZoneId zone(final String id)
    {
        try
        {
            final ZoneId zone = ZoneId.of(id);
            return id.equals(zone.getId()) && (id.contains("/") || id.equals("UTC")) ? zone : null;
        }
        catch (final DateTimeException ex)
        {
            return null;
        }
    }

    private static boolean digits(final String text, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static String clock(final int minute)
    {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
