package dev.pulse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report prints numbers, the only place they are rounded: rates as percentages with one
 * decimal ("75.0%"), lifts and interval ends in percentage points with one decimal ("+25.0 pp",
 * "[+4.2, +43.0]"), counts with thousands separators, durations in seconds and minutes, times in
 * UTC. Rounding is half up on the decimal value as Java prints the double, so 0.1125 is 11.3%.
 */
final class Figures
{
    static final String NO_VALUE = "-";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final long DAY_MS = 86_400_000L;

    private Figures()
    {
    }

    /** A proportion as a percentage with one decimal: 0.75 is "75.0%"; NaN is "-". */
    static String percent(final double proportion)
    {
        return Double.isNaN(proportion) ? NO_VALUE : points(proportion) + "%";
    }

    /** A proportion in percentage points with one decimal, unsigned: 0.598 is "59.8". */
    static String points(final double proportion)
    {
        final BigDecimal value = BigDecimal.valueOf(proportion).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        // -0.04 rounds to -0.0: print it as 0.0.
        return value.signum() == 0 ? "0.0" : value.toPlainString();
    }

    /** A difference in percentage points with its sign: 0.25 is "+25.0", -0.031 is "-3.1", 0 is "0.0". */
    static String signedPoints(final double difference)
    {
        final String points = points(difference);
        return points.startsWith("-") || points.equals("0.0") ? points : "+" + points;
    }

    /** A lift: "+25.0 pp". */
    static String lift(final double difference)
    {
        return Double.isNaN(difference) ? NO_VALUE : signedPoints(difference) + " pp";
    }

    /** A relative lift in percent with its sign: 0.1 is "+10.0%"; NaN is "-". */
    static String relative(final double ratio)
    {
        return Double.isNaN(ratio) ? NO_VALUE : signedPoints(ratio) + "%";
    }

    /** A p-value: "0.012", "&lt; 0.001"; NaN is "-". */
    static String pValue(final double p)
    {
        if (Double.isNaN(p))
        {
            return NO_VALUE;
        }
        return p < 0.001 ? "< 0.001" : BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** A rate's interval in percent: "[59.8, 85.8]"; null is "-". */
    static String rateInterval(final Interval interval)
    {
        return interval == null ? NO_VALUE : "[" + points(interval.low()) + ", " + points(interval.high()) + "]";
    }

    /** A lift's interval in percentage points, signed: "[+4.2, +43.0]". */
    static String liftInterval(final Interval interval)
    {
        return interval == null ? NO_VALUE : "[" + signedPoints(interval.low()) + ", " + signedPoints(interval.high()) + "]";
    }

    /** A rate with its interval: "75.0% [59.8, 85.8]"; without trials "-". */
    static String rate(final Proportion proportion)
    {
        return proportion.isEmpty() ? NO_VALUE : percent(proportion.rate()) + " " + rateInterval(proportion.interval());
    }

    /** Successes out of trials: "30 / 40". */
    static String fraction(final Proportion proportion)
    {
        return count(proportion.successes()) + " / " + count(proportion.trials());
    }

    /** A count with thousands separators: "12,345". */
    static String count(final long count)
    {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A duration: "4.2 s" under 10 s, "42 s" under a minute, else "3 min 05 s"; negative (none) is "-". */
    static String duration(final long durationMs)
    {
        if (durationMs < 0)
        {
            return NO_VALUE;
        }
        if (durationMs < 10_000)
        {
            return BigDecimal.valueOf(durationMs).movePointLeft(3).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
        }
        final long seconds = (durationMs + 500) / 1000;
        if (seconds < 60)
        {
            return seconds + " s";
        }
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** A time in UTC to the minute, "2026-11-24 09:30 UTC", or to the second when it is not on a minute. */
    static String time(final long timeMs)
    {
        return (timeMs % 60_000 == 0 ? MINUTE : SECOND).format(Instant.ofEpochMilli(timeMs));
    }

    /** A range in words: "2026-11-24 (UTC)", "2026-11-24 to 2026-11-30 (UTC)", or from one time to another, both included. */
    static String period(final ReportRange range)
    {
        final boolean openStart = range.fromMs() == Long.MIN_VALUE;
        final boolean openEnd = range.toMs() == Long.MAX_VALUE;
        if (openStart && openEnd)
        {
            return "the whole journal";
        }
        if (!openStart && !openEnd && range.fromMs() % DAY_MS == 0 && range.toMs() % DAY_MS == 0)
        {
            final String first = DAY.format(Instant.ofEpochMilli(range.fromMs()));
            final String last = DAY.format(Instant.ofEpochMilli(range.toMs() - DAY_MS));
            return (first.equals(last) ? first : first + " to " + last) + " (UTC)";
        }
        // Both ends inclusive, as the range was given: the last millisecond counted, not the first one after.
        final String from = openStart ? "the start of the journal" : time(range.fromMs());
        final String to = openEnd ? "its end" : time(range.toMs() - 1);
        return "from " + from + " to " + to;
    }

    /** The UTC day of an instant: "2026-11-24". */
    static String day(final long timeMs)
    {
        return DAY.format(Instant.ofEpochMilli(timeMs));
    }

    /** An instant in ISO-8601 (UTC): "2026-11-24T09:30:00Z". */
    static String iso(final long timeMs)
    {
        return Instant.ofEpochMilli(timeMs).toString();
    }
}
