package dev.pulse.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics against published values. Newcombe's tables print four decimals at z = 1.96; at
 * z = 1.959964 every value below still rounds to the printed one, so the tolerance is half a unit
 * of the fourth decimal.
 */
class ScoreIntervalsTest
{
    private static final double HALF_A_UNIT = 0.00005;

    /** Newcombe RG, "Two-sided confidence intervals for the single proportion", Stat Med 1998;17:857-872, Table I, method 3 (Wilson). */
    @ParameterizedTest(name = "Wilson {0}/{1} = ({2}, {3})")
    @CsvSource({
        "81, 263, 0.2553, 0.3662",
        "15, 148, 0.0624, 0.1605",
        "0, 20, 0.0000, 0.1611",
        "1, 29, 0.0061, 0.1718"})
    void shouldMatchNewcombesWilsonIntervals(final long x, final long n, final double low, final double high)
    {
        final Interval interval = ScoreIntervals.wilson(x, n);

        assertThat(interval.low()).isCloseTo(low, within(HALF_A_UNIT));
        assertThat(interval.high()).isCloseTo(high, within(HALF_A_UNIT));
    }

    /**
     * Newcombe RG, "Interval estimation for the difference between independent proportions:
     * comparison of eleven methods", Stat Med 1998;17:873-890, Table II, method 10 (the hybrid score
     * interval). Example (a) is 56/70 - 48/80: the difference is 0.8 - 0.6 = 0.2000 (not 0.1750)
     * and its interval (0.0524, 0.3339).
     */
    @ParameterizedTest(name = "Newcombe {0}/{1} - {2}/{3} = {4} ({5}, {6})")
    @CsvSource({
        "56, 70, 48, 80, 0.2000, 0.0524, 0.3339",
        "9, 10, 3, 10, 0.6000, 0.1705, 0.8090",
        "6, 7, 2, 7, 0.5714, 0.0582, 0.8062",
        "5, 56, 0, 29, 0.0893, -0.0381, 0.1926",
        "0, 10, 0, 20, 0.0000, -0.1611, 0.2775",
        "0, 10, 0, 10, 0.0000, -0.2775, 0.2775",
        "10, 10, 0, 20, 1.0000, 0.6791, 1.0000",
        "10, 10, 0, 10, 1.0000, 0.6075, 1.0000"})
    void shouldMatchNewcombesMethod10(final long x1, final long n1, final long x2, final long n2, final double difference,
        final double low, final double high)
    {
        final Lift lift = Lift.of(new Proportion(x1, n1), new Proportion(x2, n2), 1);

        assertThat(lift.difference()).isCloseTo(difference, within(HALF_A_UNIT));
        assertThat(lift.interval().low()).isCloseTo(low, within(HALF_A_UNIT));
        assertThat(lift.interval().high()).isCloseTo(high, within(HALF_A_UNIT));
    }

    @Test
    void shouldPinTheEndsExactlyAtNoneAndAll()
    {
        assertThat(ScoreIntervals.wilson(0, 7).low()).isEqualTo(0.0);
        assertThat(ScoreIntervals.wilson(0, 7).high()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(ScoreIntervals.wilson(7, 7).high()).isEqualTo(1.0);
        assertThat(ScoreIntervals.wilson(7, 7).low()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(ScoreIntervals.wilson(1, 1).low()).isCloseTo(0.2065, within(HALF_A_UNIT));
        assertThat(ScoreIntervals.newcombe(10, 10, 0, 10).high()).isEqualTo(1.0);
        assertThat(ScoreIntervals.newcombe(0, 10, 10, 10).low()).isEqualTo(-1.0);
    }

    @Test
    void shouldHaveNoIntervalForNoTrials()
    {
        assertThat(ScoreIntervals.wilson(0, 0)).isNull();
        assertThat(ScoreIntervals.newcombe(0, 0, 5, 10)).isNull();
        assertThat(ScoreIntervals.newcombe(5, 10, 0, 0)).isNull();
        assertThat(Proportion.EMPTY.rate()).isNaN();
        assertThat(Proportion.EMPTY.interval()).isNull();
        final Lift lift = Lift.of(Proportion.EMPTY, new Proportion(3, 4), 1);
        assertThat(lift.difference()).isNaN();
        assertThat(lift.interval()).isNull();
        assertThat(lift.enoughData()).isFalse();
    }

    @Test
    void shouldRefuseImpossibleCounts()
    {
        assertThatThrownBy(() -> ScoreIntervals.wilson(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Proportion(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStayInsideZeroAndOneAndContainTheRate()
    {
        for (int n = 1; n <= 60; n++)
        {
            for (int x = 0; x <= n; x++)
            {
                final Interval interval = ScoreIntervals.wilson(x, n);
                assertThat(interval.low()).isBetween(0.0, 1.0);
                assertThat(interval.high()).isBetween(0.0, 1.0);
                assertThat(interval.contains((double)x / n)).as("%d/%d", x, n).isTrue();
            }
        }
    }

    @Test
    void shouldAskForTheMinimumInBothGroups()
    {
        assertThat(Lift.of(new Proportion(20, 30), new Proportion(10, 30), 30).enoughData()).isTrue();
        assertThat(Lift.of(new Proportion(20, 30), new Proportion(10, 29), 30).enoughData()).isFalse();
        assertThat(Lift.of(new Proportion(20, 29), new Proportion(10, 30), 30).enoughData()).isFalse();
    }
}
