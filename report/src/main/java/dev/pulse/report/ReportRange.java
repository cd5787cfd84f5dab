package dev.pulse.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Which records a report counts: those whose time is in {@code [fromMs, toMs)}. Given as ISO dates
 * (UTC days: {@code --from 2026-11-24} starts at that day's midnight, {@code --to 2026-11-24}
 * includes the whole day) or as ISO instants ({@code 2026-11-24T09:30:00Z}, or with an offset),
 * both ends inclusive as written. Either end may be left open.
 *
 * @param fromMs the first millisecond counted, or {@link Long#MIN_VALUE} when open.
 * @param toMs   the first millisecond no longer counted, or {@link Long#MAX_VALUE} when open.
 * @param from   the start as given, or null.
 * @param to     the end as given, or null.
 */
public record ReportRange(long fromMs, long toMs, String from, String to)
{
    /** Every record. */
    public static final ReportRange ALL = new ReportRange(Long.MIN_VALUE, Long.MAX_VALUE, null, null);

    public ReportRange
    {
        if (fromMs >= toMs)
        {
            throw new IllegalArgumentException("the range is empty: --from " + from + " is not before --to " + to);
        }
    }

    /** The range between two optional ends (null or blank: open); IllegalArgumentException naming the bad one. */
    public static ReportRange parse(final String from, final String to)
    {
        final boolean hasFrom = from != null && !from.isBlank();
        final boolean hasTo = to != null && !to.isBlank();
        final long fromMs = hasFrom ? startMs(from.strip(), "from") : Long.MIN_VALUE;
        final long toMs = hasTo ? endMs(to.strip(), "to") : Long.MAX_VALUE;
        return new ReportRange(fromMs, toMs, hasFrom ? from.strip() : null, hasTo ? to.strip() : null);
    }

    public boolean contains(final long timeMs)
    {
        return timeMs >= fromMs && timeMs < toMs;
    }

    /** The first millisecond of a date, or the instant itself. */
    static long startMs(final String text, final String name)
    {
        if (isDate(text))
        {
            return date(text, name).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return instant(text, name).toEpochMilli();
    }

    /** Just past the end: the next day's midnight for a date, one millisecond after an instant. */
    static long endMs(final String text, final String name)
    {
        if (isDate(text))
        {
            return date(text, name).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return instant(text, name).toEpochMilli() + 1;
    }

    private static boolean isDate(final String text)
    {
        return text.indexOf('T') < 0 && text.indexOf('t') < 0;
    }

    private static LocalDate date(final String text, final String name)
    {
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeException ex)
        {
            throw invalid(name);
        }
    }

    private static Instant instant(final String text, final String name)
    {
        try
        {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (final DateTimeException ex)
        {
            throw invalid(name);
        }
    }

    private static IllegalArgumentException invalid(final String name)
    {
        // The text is not repeated: the HTTP route answers with this message.
        return new IllegalArgumentException(name + ": not an ISO date (2026-11-24) or ISO instant (2026-11-24T09:30:00Z)");
    }
}
