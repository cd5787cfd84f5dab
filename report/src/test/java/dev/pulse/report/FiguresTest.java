package dev.pulse.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report prints numbers: the only place they are rounded. */
class FiguresTest
{
    @Test
    void shouldPrintRatesAsPercentagesWithOneDecimalRoundedHalfUp()
    {
        assertThat(Figures.percent(0.75)).isEqualTo("75.0%");
        assertThat(Figures.percent(9.0 / 80)).isEqualTo("11.3%");
        assertThat(Figures.percent(1.0 / 3)).isEqualTo("33.3%");
        assertThat(Figures.percent(0.99999)).isEqualTo("100.0%");
        assertThat(Figures.percent(0)).isEqualTo("0.0%");
        assertThat(Figures.percent(Double.NaN)).isEqualTo("-");
    }

    @Test
    void shouldPrintLiftsAndIntervalsInSignedPercentagePoints()
    {
        assertThat(Figures.lift(0.25)).isEqualTo("+25.0 pp");
        assertThat(Figures.lift(-0.031)).isEqualTo("-3.1 pp");
        assertThat(Figures.lift(-0.0004)).isEqualTo("0.0 pp");
        assertThat(Figures.liftInterval(new Interval(-0.0523, 0.3339))).isEqualTo("[-5.2, +33.4]");
        assertThat(Figures.rateInterval(new Interval(0.5980604, 0.8581288))).isEqualTo("[59.8, 85.8]");
        assertThat(Figures.rateInterval(null)).isEqualTo("-");
        assertThat(Figures.rate(new Proportion(30, 40))).isEqualTo("75.0% [59.8, 85.8]");
        assertThat(Figures.rate(Proportion.EMPTY)).isEqualTo("-");
        assertThat(Figures.fraction(new Proportion(1_234, 5_678))).isEqualTo("1,234 / 5,678");
    }

    @Test
    void shouldPrintDurationsReadably()
    {
        assertThat(Figures.duration(4_249)).isEqualTo("4.2 s");
        assertThat(Figures.duration(42_400)).isEqualTo("42 s");
        assertThat(Figures.duration(59_600)).isEqualTo("1 min 00 s");
        assertThat(Figures.duration(185_000)).isEqualTo("3 min 05 s");
        assertThat(Figures.duration(-1)).isEqualTo("-");
    }

    @Test
    void shouldNameThePeriodInWords()
    {
        assertThat(Figures.period(ReportRange.ALL)).isEqualTo("the whole journal");
        assertThat(Figures.period(ReportRange.parse("2026-11-24", "2026-11-24"))).isEqualTo("2026-11-24 (UTC)");
        assertThat(Figures.period(ReportRange.parse("2026-11-24", "2026-11-30"))).isEqualTo("2026-11-24 to 2026-11-30 (UTC)");
        assertThat(Figures.period(ReportRange.parse("2026-11-24T09:30:00Z", null)))
            .isEqualTo("from 2026-11-24 09:30 UTC to its end");
        assertThat(Figures.period(ReportRange.parse(null, "2026-11-24T09:30:00Z")))
            .isEqualTo("from the start of the journal to 2026-11-24 09:30 UTC");
        assertThat(Figures.period(ReportRange.parse(null, "2026-11-24"))).isEqualTo("from the start of the journal to 2026-11-24 23:59:59 UTC");
    }
}
