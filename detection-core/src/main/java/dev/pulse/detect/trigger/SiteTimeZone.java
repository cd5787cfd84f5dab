package dev.pulse.detect.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * A site's time zone ({@code site.time_zone}, an IANA id) as a table of its UTC offsets, so the
 * local minute of the day and day of the week come from an epoch millisecond without allocating
 * ({@code ZoneRules} makes an {@code Instant} per look-up). The table holds every offset change
 * from 1970 to {@link #LAST_YEAR}; after it the last offset holds. Immutable.
 */
public final class SiteTimeZone
{
    /** UTC, the default. */
    public static final SiteTimeZone UTC = new SiteTimeZone(ZoneId.of("UTC"));
    /** The table runs to this year's start (a catalog lives far less long). */
    static final int LAST_YEAR = 2200;
    private static final long DAY_MS = 86_400_000L;
    private static final long MINUTE_MS = 60_000L;

    private final String id;
    /** When each offset starts (epoch ms), ascending; {@code offsetsMs[i]} holds from {@code startsMs[i]}. */
    private final long[] startsMs;
    private final long[] offsetsMs;

    public SiteTimeZone(final ZoneId zone)
    {
        this.id = zone.getId();
        final ZoneRules rules = zone.getRules();
        final Instant end = Instant.parse(LAST_YEAR + "-01-01T00:00:00Z");
        long[] starts = new long[16];
        long[] offsets = new long[16];
        int count = 0;
        starts[count] = Long.MIN_VALUE;
        offsets[count++] = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
        for (ZoneOffsetTransition next = rules.nextTransition(Instant.EPOCH); next != null && next.getInstant().isBefore(end);
            next = rules.nextTransition(next.getInstant()))
        {
            if (count == starts.length)
            {
                starts = Arrays.copyOf(starts, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            starts[count] = next.getInstant().toEpochMilli();
            offsets[count++] = next.getOffsetAfter().getTotalSeconds() * 1000L;
        }
        this.startsMs = Arrays.copyOf(starts, count);
        this.offsetsMs = Arrays.copyOf(offsets, count);
    }

    public String id()
    {
        return id;
    }

    /** The zone's local time at {@code epochMs}, as milliseconds since the local 1970-01-01T00:00. */
    public long localMs(final long epochMs)
    {
        final int found = Arrays.binarySearch(startsMs, epochMs);
        return epochMs + offsetsMs[found >= 0 ? found : -found - 2];
    }

    /** Minutes after local midnight, 0 to 1439. */
    public int minuteOfDay(final long epochMs)
    {
        return (int)(Math.floorMod(localMs(epochMs), DAY_MS) / MINUTE_MS);
    }

    /** The local day of the week, 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
    public int dayOfWeek(final long epochMs)
    {
        return (int)Math.floorMod(Math.floorDiv(localMs(epochMs), DAY_MS) + 3, 7L);
    }

    @Override
    public String toString()
    {
        return id;
    }
}
