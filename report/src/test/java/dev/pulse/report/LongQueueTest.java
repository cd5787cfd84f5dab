package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First in, first out, any long (none reserved), across growth while the ring has wrapped, and after a clear. */
class LongQueueTest
{
    @Test
    void shouldKeepOrderAcrossGrowthWhileWrapped()
    {
        final LongQueue queue = new LongQueue();
        for (long i = 0; i < 60; i++)
        {
            queue.add(i);
        }
        for (long i = 0; i < 50; i++)
        {
            assertThat(queue.poll()).isEqualTo(i);
        }
        // The head sits at 50 of 64: the next adds wrap, then grow the ring.
        for (long i = 60; i < 200; i++)
        {
            queue.add(i);
        }
        final List<Long> seen = new ArrayList<>();
        queue.forEach(seen::add);
        assertThat(seen).hasSize(150).first().isEqualTo(50L);
        assertThat(seen).last().isEqualTo(199L);
        for (long i = 50; i < 200; i++)
        {
            assertThat(queue.poll()).isEqualTo(i);
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldTakeEveryLongAndStartEmptyAfterAClear()
    {
        final LongQueue queue = new LongQueue();
        queue.add(Long.MIN_VALUE);
        queue.add(-1);
        queue.add(0);
        assertThat(queue.peek()).isEqualTo(Long.MIN_VALUE);
        assertThat(queue.size()).isEqualTo(3);

        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        assertThatThrownBy(queue::peek).isInstanceOf(IllegalStateException.class);
        queue.add(7);
        assertThat(queue.poll()).isEqualTo(7);
    }
}
