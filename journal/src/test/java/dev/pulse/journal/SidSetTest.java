package dev.pulse.journal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SidSetTest
{
    @Test
    void shouldHoldEverySidAddedAcrossGrowthAndNothingElse()
    {
        final SidSet set = new SidSet();
        for (long i = 1; i <= 10_000; i++)
        {
            assertThat(set.add(i * 31, -i)).isTrue();
        }
        assertThat(set.add(31, -1)).isFalse();
        assertThat(set.size()).isEqualTo(10_000);
        for (long i = 1; i <= 10_000; i++)
        {
            assertThat(set.contains(i * 31, -i)).isTrue();
            assertThat(set.contains(-i, i * 31)).isFalse();
        }
    }

    @Test
    void shouldNeverHoldTheSidOfRecordsWithoutASession()
    {
        final SidSet set = new SidSet();
        assertThat(set.add(0, 0)).isFalse();
        assertThat(set.contains(0, 0)).isFalse();
        assertThat(set.size()).isZero();
    }
}
