package dev.pulse.catalog.validate;

import java.util.List;

import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Suggestions;
import dev.pulse.catalog.model.TimeTerms;
import dev.pulse.catalog.source.Diagnostics;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * The checks of the catalog's words for time ({@link TimeTerms}), with one message each wherever
 * they appear: a {@code when}'s days and times, {@code site.time_zone}, office hours.
 */
final class TimeChecks
{
    private TimeChecks()
    {
    }

    /** Known days (an error with the nearest otherwise), each once (a warning); the mask of the known ones. */
    static int days(final List<Located<String>> days, final Diagnostics diagnostics)
    {
        int mask = 0;
        for (final Located<String> day : days)
        {
            final int index = TimeTerms.dayIndex(day.value());
            if (index < 0)
            {
                final String nearest = Suggestions.nearest(day.value(), TimeTerms.DAYS);
                error(diagnostics, day, "unknown day '" + day.value() + "'",
                    nearest != null ? "did you mean '" + nearest + "'?" : "days are " + String.join(", ", TimeTerms.DAYS));
            }
            else if ((mask & 1 << index) != 0)
            {
                diagnostics.warning(day.node(), day.path(), "the day '" + day.value() + "' is listed twice", "list each day once");
            }
            mask |= index < 0 ? 0 : 1 << index;
        }
        return mask;
    }

    /** The minute of an opening time ({@code 00:00} to {@code 23:59}), or -1 (reported; null is -1, unreported). */
    static int openingMinute(final Located<String> time, final Diagnostics diagnostics)
    {
        final int minute = minute(time, diagnostics);
        if (minute == TimeTerms.END_OF_DAY_MINUTE)
        {
            error(diagnostics, time, "24:00 ends a day, so nothing opens then", "open at \"00:00\"");
            return -1;
        }
        return minute;
    }

    /** The minute of a closing time ({@code 00:00} to {@code 24:00}), or -1 (reported; null is -1, unreported). */
    static int closingMinute(final Located<String> time, final Diagnostics diagnostics)
    {
        return minute(time, diagnostics);
    }

    private static int minute(final Located<String> time, final Diagnostics diagnostics)
    {
        if (time == null)
        {
            return -1;
        }
        final int minute = TimeTerms.minuteOfDay(time.value());
        if (minute < 0)
        {
            error(diagnostics, time, "'" + time.value() + "' is not a time of day",
                "write 24-hour HH:MM in quotes, e.g. \"09:00\" or \"17:30\" (\"24:00\" closes at midnight)");
        }
        return minute;
    }

    /** An IANA region zone or UTC (an error otherwise); null is fine (the default applies or the reader reported it). */
    static void zone(final Located<String> zone, final Diagnostics diagnostics)
    {
        if (zone != null && TimeTerms.zone(zone.value()) == null)
        {
            error(diagnostics, zone, "'" + zone.value() + "' is not an IANA time zone", TimeTerms.ZONE_HINT);
        }
    }
}
