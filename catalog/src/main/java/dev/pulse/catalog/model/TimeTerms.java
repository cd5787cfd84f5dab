package dev.pulse.catalog.model;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The catalog's words for time, read the same way wherever they appear (a {@code when}'s
 * {@code time} and {@code days}, {@code site.time_zone}, a hand-off's office hours):
 * <ul>
 *   <li>days: {@code mon} to {@code sun}, lower case, Monday first (bit 0 of a day mask);</li>
 *   <li>times: {@code HH:MM} with two digits each, {@code 00:00} to {@code 23:59}, and {@code 24:00}
 *       as a closing time only (the end of the day: "until midnight");</li>
 *   <li>zones: an IANA region id as the zone database spells it ({@code Europe/Berlin},
 *       {@code America/New_York}) or {@code UTC}. Offsets ({@code +02:00}, {@code UTC+2},
 *       {@code Etc/GMT-2}) are refused: they miss daylight saving time; so are abbreviations
 *       ({@code CET}, {@code EST}), which name no region and read as one offset or another.</li>
 * </ul>
 * Pure functions; the validators report, the compiler reads what they passed.
 */
public final class TimeTerms
{
    /** The day names, Monday first. */
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** The closing minute {@code 24:00}: the day's end. */
    public static final int END_OF_DAY_MINUTE = 24 * 60;
    /** What the JSON Schema says a time is: {@code 00:00} to {@code 23:59}, or {@code 24:00}. */
    public static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$";
    /** How an error tells a person to write a zone. */
    public static final String ZONE_HINT =
        "write a region's zone as the IANA database spells it, e.g. Europe/Berlin, America/New_York or UTC (an offset such as +02:00 " +
        "misses daylight saving time; an abbreviation such as CET names no region)";

    private TimeTerms()
    {
    }

    /** The day's number, 0 for {@code mon} to 6 for {@code sun}, or -1 when {@code name} is no day. */
    public static int dayIndex(final String name)
    {
        return DAYS.indexOf(name);
    }

    /** The minute of the day of {@code HH:MM}, 0 to 1440 ({@code 24:00}), or -1 when it is not one. */
    public static int minuteOfDay(final String text)
    {
        if (text.length() != 5 || text.charAt(2) != ':' || !digits(text, 0, 2) || !digits(text, 3, 5))
        {
            return -1;
        }
        final int hours = Integer.parseInt(text, 0, 2, 10);
        final int minutes = Integer.parseInt(text, 3, 5, 10);
        final int minute = hours * 60 + minutes;
        return minutes < 60 && minute <= END_OF_DAY_MINUTE ? minute : -1;
    }

    /** The zone of an IANA region id or {@code UTC}, or null when {@code id} is none (see the class comment). */
    public static ZoneId zone(final String id)
    {
        try
        {
            final ZoneId zone = ZoneId.of(id);
            final boolean region = id.contains("/") && !id.startsWith("Etc/");
            return id.equals(zone.getId()) && (region || id.equals("UTC")) ? zone : null;
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
}
