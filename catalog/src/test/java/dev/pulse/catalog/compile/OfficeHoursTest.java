package dev.pulse.catalog.compile;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.trigger.SiteTimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** Office hours at their exact edges, in their own zone: the opening minute is in, the closing minute out. */
class OfficeHoursTest
{
    private static final ZoneId BERLIN_ZONE = ZoneId.of("Europe/Berlin");
    private static final SiteTimeZone BERLIN = new SiteTimeZone(BERLIN_ZONE);
    /** Monday to Friday, 09:00 to 17:00, Berlin time. */
    private final OfficeHours weekdays = new OfficeHours(0b0011111, 9 * 60, 17 * 60, BERLIN);

    @Test
    void shouldOpenAtTheOpeningMinuteAndNotAMillisecondBefore()
    {
        // Monday 7 December 2026.
        assertThat(weekdays.openAt(berlin(2026, 12, 7, 9, 0) - 1)).isFalse();
        assertThat(weekdays.openAt(berlin(2026, 12, 7, 9, 0))).isTrue();
    }

    @Test
    void shouldCloseAtTheClosingMinute()
    {
        assertThat(weekdays.openAt(berlin(2026, 12, 7, 17, 0) - 1)).isTrue();
        assertThat(weekdays.openAt(berlin(2026, 12, 7, 17, 0))).isFalse();
    }

    @Test
    void shouldBeClosedOnADayNotListed()
    {
        // Friday 11 December is open, Saturday 12 and Sunday 13 are not, at the same hour.
        assertThat(weekdays.openAt(berlin(2026, 12, 11, 12, 0))).isTrue();
        assertThat(weekdays.openAt(berlin(2026, 12, 12, 12, 0))).isFalse();
        assertThat(weekdays.openAt(berlin(2026, 12, 13, 12, 0))).isFalse();
    }

    @Test
    void shouldReadTheHoursInTheirOwnZoneNotUtcNorTheServers()
    {
        // 08:30 UTC on a Monday is 09:30 in Berlin (open) and 03:30 in New York (closed by the same hours there).
        final long instant = ZonedDateTime.of(2026, 12, 7, 8, 30, 0, 0, ZoneId.of("UTC")).toInstant().toEpochMilli();
        assertThat(weekdays.openAt(instant)).isTrue();
        assertThat(new OfficeHours(0b0011111, 9 * 60, 17 * 60, new SiteTimeZone(ZoneId.of("America/New_York"))).openAt(instant)).isFalse();
        // Monday 00:30 in Berlin is still Sunday 23:30 UTC: the day is Berlin's.
        final OfficeHours mondayNights = new OfficeHours(0b0000001, 0, 60, BERLIN);
        assertThat(mondayNights.openAt(berlin(2026, 12, 7, 0, 30))).isTrue();
        assertThat(mondayNights.openAt(berlin(2026, 12, 6, 0, 30))).isFalse();
    }

    @Test
    void shouldFollowDaylightSavingTime()
    {
        // Summer: Berlin is UTC+2, so 09:00 there is 07:00 UTC.
        assertThat(weekdays.openAt(berlin(2026, 7, 6, 9, 0))).isTrue();
        assertThat(weekdays.openAt(berlin(2026, 7, 6, 9, 0) - 1)).isFalse();
    }

    @Test
    void shouldRunToMidnightWhenClosingAt2400()
    {
        final OfficeHours late = new OfficeHours(0b0000001, 22 * 60, 24 * 60, BERLIN);
        assertThat(late.openAt(berlin(2026, 12, 8, 0, 0) - 1)).isTrue();
        assertThat(late.openAt(berlin(2026, 12, 8, 0, 0))).isFalse();
    }

    @Test
    void shouldDescribeTheHoursAsAPersonReadsThem()
    {
        assertThat(new OfficeHours(0b1000101, 0, 1440, BERLIN).describe()).isEqualTo("mon, wed, sun 00:00-24:00 (Europe/Berlin)");
        assertThat(new OfficeHours(0b1100000, 600, 630, BERLIN).describe()).isEqualTo("sat, sun 10:00-10:30 (Europe/Berlin)");
        assertThat(new OfficeHours(0b0011111, 540, 1020, BERLIN).describe()).isEqualTo("mon-fri 09:00-17:00 (Europe/Berlin)");
    }

    private static long berlin(final int year, final int month, final int day, final int hour, final int minute)
    {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN_ZONE).toInstant().toEpochMilli();
    }
}
