package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Durations need a unit: a bare number is refused rather than guessed. */
class DurationsTest
{
    @Test
    void readsEachUnit()
    {
        assertThat(Durations.parseMs("500ms")).isEqualTo(500);
        assertThat(Durations.parseMs("60s")).isEqualTo(60_000);
        assertThat(Durations.parseMs("2m")).isEqualTo(120_000);
        assertThat(Durations.parseMs("1h")).isEqualTo(3_600_000);
        assertThat(Durations.parseMs(" 0s ")).isZero();
    }

    @Test
    void refusesANumberWithoutUnitAndOtherShapes()
    {
        for (final String bad : new String[] {"60", "1.5s", "-1s", "s", "10 s", "3d", ""})
        {
            assertThatThrownBy(() -> Durations.parseMs(bad)).as(bad).hasMessageContaining("is not a duration");
        }
    }
}
