package dev.pulse.report;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRangeTest
{
    private static long ms(final String instant)
    {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void shouldTakeDatesAsWholeUtcDaysWithTheEndIncluded()
    {
        final ReportRange range = ReportRange.parse("2026-11-24", "2026-11-25");

        assertThat(range.fromMs()).isEqualTo(ms("2026-11-24T00:00:00Z"));
        assertThat(range.toMs()).isEqualTo(ms("2026-11-26T00:00:00Z"));
        assertThat(range.contains(ms("2026-11-25T23:59:59.999Z"))).isTrue();
        assertThat(range.contains(ms("2026-11-26T00:00:00Z"))).isFalse();
        assertThat(range.contains(ms("2026-11-23T23:59:59.999Z"))).isFalse();
    }

    @Test
    void shouldTakeInstantsWithBothEndsIncluded()
    {
        final ReportRange range = ReportRange.parse("2026-11-24T09:30:00Z", "2026-11-24T11:30:00+01:00");

        assertThat(range.contains(ms("2026-11-24T09:30:00Z"))).isTrue();
        assertThat(range.contains(ms("2026-11-24T09:30:00Z") - 1)).isFalse();
        assertThat(range.contains(ms("2026-11-24T10:30:00Z"))).isTrue();
        assertThat(range.contains(ms("2026-11-24T10:30:00Z") + 1)).isFalse();
    }

    @Test
    void shouldLeaveMissingEndsOpen()
    {
        assertThat(ReportRange.parse(null, "")).isEqualTo(ReportRange.ALL);
        assertThat(ReportRange.parse("2026-11-24", null).toMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(ReportRange.parse(" ", "2026-11-24").fromMs()).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-11-24T25:00:00Z", "24/11/2026", "2026-11-24T09:30"})
    void shouldRefuseWhatIsNotAnIsoDateOrInstantWithoutRepeatingIt(final String text)
    {
        assertThatThrownBy(() -> ReportRange.parse(text, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("from: not an ISO date (2026-11-24) or ISO instant (2026-11-24T09:30:00Z)");
    }

    @Test
    void shouldRefuseAnEmptyRange()
    {
        assertThatThrownBy(() -> ReportRange.parse("2026-11-25", "2026-11-24"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("the range is empty");
    }
}
