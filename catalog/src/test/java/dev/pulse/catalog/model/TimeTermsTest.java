package dev.pulse.catalog.model;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's one reading of days, HH:MM times and zones, at their edges. */
class TimeTermsTest
{
    @Test
    void shouldReadTimesFromMidnightToTheDaysEnd()
    {
        assertThat(TimeTerms.minuteOfDay("00:00")).isZero();
        assertThat(TimeTerms.minuteOfDay("23:59")).isEqualTo(1439);
        assertThat(TimeTerms.minuteOfDay("24:00")).as("the day's end, for closing times").isEqualTo(TimeTerms.END_OF_DAY_MINUTE);
        assertThat(TimeTerms.minuteOfDay("24:01")).isEqualTo(-1);
        assertThat(TimeTerms.minuteOfDay("25:00")).isEqualTo(-1);
        assertThat(TimeTerms.minuteOfDay("09:60")).isEqualTo(-1);
        assertThat(TimeTerms.minuteOfDay("9:00")).isEqualTo(-1);
        assertThat(TimeTerms.minuteOfDay("9am")).isEqualTo(-1);
        assertThat(TimeTerms.minuteOfDay("09:0a")).isEqualTo(-1);
    }

    @Test
    void shouldReadDaysInLowerCaseMondayFirst()
    {
        assertThat(TimeTerms.dayIndex("mon")).isZero();
        assertThat(TimeTerms.dayIndex("sun")).isEqualTo(6);
        assertThat(TimeTerms.dayIndex("Sun")).isEqualTo(-1);
        assertThat(TimeTerms.dayIndex("sunday")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"})
    void shouldTakeARegionsZoneOrUtc(final String id)
    {
        assertThat(TimeTerms.zone(id)).isEqualTo(ZoneId.of(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CET", "EST", "GMT", "Z", "+02:00", "-05:00", "UTC+2", "GMT+01:00", "Etc/GMT-2", "europe/berlin", "Mars/Olympus", ""})
    void shouldRefuseOffsetsAbbreviationsAndUnknownIds(final String id)
    {
        assertThat(TimeTerms.zone(id)).isNull();
    }
}
