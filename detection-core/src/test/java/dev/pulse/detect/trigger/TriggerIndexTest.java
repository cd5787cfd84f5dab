package dev.pulse.detect.trigger;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.CartCheckoutLoopDetector;

import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class TriggerIndexTest
{
    @Test
    void shouldKeepRunsOfThePageKindsTheActiveCartCheckoutTriggersRead()
    {
        final TriggerIndex index = new TriggerIndex(List.of(
            trigger("loop", new CartCheckoutLoopDetector(2, 600_000, 3, 4)).index(0).build(),
            trigger("other-shop", new CartCheckoutLoopDetector(2, 600_000, 7, 8)).index(1).build(),
            trigger("switched-off", new CartCheckoutLoopDetector(2, 600_000, 9, 10)).index(2).mode(TriggerMode.OFF).build(),
            trigger("back", new BackAndForthDetector(2, 90_000)).index(3).build()));

        assertThat(index.pageKindRunKinds()).isEqualTo(1L << 3 | 1L << 4 | 1L << 7 | 1L << 8);
    }

    @Test
    void shouldKeepNoRunsWithoutACartCheckoutTrigger()
    {
        assertThat(new TriggerIndex(List.of(trigger("back", new BackAndForthDetector(2, 90_000)).index(0).build())).pageKindRunKinds())
            .isZero();
    }
}
