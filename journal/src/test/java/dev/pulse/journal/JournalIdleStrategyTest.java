package dev.pulse.journal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalIdleStrategyTest
{
    private final List<Long> parks = new ArrayList<>();
    private final JournalIdleStrategy idle = new JournalIdleStrategy(parks::add);

    @Test
    void shouldParkTwoMillisecondsAfterABatchRatherThanPollAgainAtOnce()
    {
        idle.idle(1);

        assertThat(parks).containsExactly(2_000_000L);
    }

    @Test
    void shouldParkTwoMillisecondsWhenIdleSoARecordWaitsAtMostThatForItsWrite()
    {
        idle.idle(0);
        idle.idle(0);
        idle.idle();

        assertThat(parks).containsExactly(2_000_000L, 2_000_000L, 2_000_000L);
    }
}
