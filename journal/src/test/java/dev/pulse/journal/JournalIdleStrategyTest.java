package dev.pulse.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalIdleStrategyTest
{
    private static final long SLEEP_NS = 3_600_000_000_000L;

    private final JournalDoorbell doorbell = new JournalDoorbell();
    private final AtomicBoolean quiet = new AtomicBoolean(true);
    private final List<Long> parks = new ArrayList<>();
    private final List<Boolean> sleepingWhileParked = new ArrayList<>();
    private final JournalIdleStrategy idle = new JournalIdleStrategy(doorbell, quiet::get, SLEEP_NS, nanos ->
    {
        parks.add(nanos);
        sleepingWhileParked.add(doorbell.isSleeping());
    });

    @Test
    void shouldPollAgainAtOnceAfterABatchAndParkOneMillisecondThenTwoWhenIdle()
    {
        idle.idle(1);
        assertThat(parks).as("records keep coming: no park").isEmpty();

        idle.idle(0);
        idle.idle(0);
        idle.idle(0);

        assertThat(parks).containsExactly(1_000_000L, 2_000_000L, 2_000_000L);
        assertThat(sleepingWhileParked).containsOnly(false);
    }

    @Test
    void shouldSleepWithTheDoorbellSetOnlyAfterItsParksFoundNothingToDo()
    {
        for (int i = 0; i < JournalIdleStrategy.PARKS_BEFORE_SLEEP; i++)
        {
            idle.idle(0);
        }
        assertThat(parks).hasSize(JournalIdleStrategy.PARKS_BEFORE_SLEEP).startsWith(JournalIdleStrategy.FIRST_PARK_NS)
            .containsOnly(JournalIdleStrategy.FIRST_PARK_NS, JournalIdleStrategy.PARK_NS);
        assertThat(sleepingWhileParked).containsOnly(false);

        idle.idle(0);

        assertThat(parks.get(parks.size() - 1)).isEqualTo(SLEEP_NS);
        assertThat(sleepingWhileParked.get(sleepingWhileParked.size() - 1)).as("producers ring while it sleeps").isTrue();
        assertThat(doorbell.isSleeping()).as("awake again after the sleep").isFalse();
    }

    @Test
    void shouldNotSleepWhenSomethingArrivedAfterTheDoorbellWasSet()
    {
        quiet.set(false);
        for (int i = 0; i <= JournalIdleStrategy.PARKS_BEFORE_SLEEP; i++)
        {
            idle.idle(0);
        }

        assertThat(parks).as("the parks, and no sleep").hasSize(JournalIdleStrategy.PARKS_BEFORE_SLEEP)
            .doesNotContain(SLEEP_NS);
        assertThat(doorbell.isSleeping()).isFalse();
    }

    @Test
    void shouldParkAgainAfterWorkEvenWhenItSleptBefore()
    {
        for (int i = 0; i <= JournalIdleStrategy.PARKS_BEFORE_SLEEP; i++)
        {
            idle.idle(0);
        }
        parks.clear();

        idle.idle(1);
        idle.idle(0);

        assertThat(parks).as("a batch starts the short parks over").containsExactly(JournalIdleStrategy.FIRST_PARK_NS);
    }

    @Test
    void shouldClearTheFlagWhenAProducerRingsASleepingJournalAndLeaveItAloneOtherwise()
    {
        doorbell.ring();
        assertThat(doorbell.isListening()).isFalse();

        doorbell.sleeping();
        assertThat(doorbell.isListening()).isTrue();
        doorbell.ring();

        assertThat(doorbell.isListening()).as("one producer wakes it; the next finds it awake").isFalse();
    }
}
