package dev.pulse.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The allocation measurement itself: a rare but recurring allocation fails it, a one-off does not. */
class AllocationWindowsTest
{
    /** Where the loops below put what they allocate, so the JIT cannot remove it. */
    private static volatile Object escaped;

    @Test
    void shouldFailALoopThatAllocatesOncePer250000Events()
    {
        final AllocatingLoop rare = new AllocatingLoop(250_000, true);
        rare.run(300_000);

        assertThatThrownBy(() -> AllocationWindows.assertAllocatesNothing("rare", rare, 100_000))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("in a row that allocated nothing");
    }

    @Test
    void shouldPassALoopThatAllocatedOnceOnly()
    {
        final AllocatingLoop once = new AllocatingLoop(450_000, false);
        once.run(300_000);

        assertThat(AllocationWindows.assertAllocatesNothing("once", once, 100_000)).isPositive();
        assertThat(once.allocations).as("it did allocate, in the second window").isEqualTo(1);
    }

    /** Allocates on its {@code every}-th call, and again every {@code every} calls when {@code repeat}. */
    private static final class AllocatingLoop implements AllocationWindows.Loop
    {
        private final long every;
        private final boolean repeat;
        private long calls;
        private int allocations;

        AllocatingLoop(final long every, final boolean repeat)
        {
            this.every = every;
            this.repeat = repeat;
        }

        @Override
        public long run(final int count)
        {
            long sum = 0;
            for (int i = 0; i < count; i++)
            {
                calls++;
                if (repeat ? calls % every == 0 : calls == every)
                {
                    escaped = new long[1];
                    allocations++;
                }
                sum += calls & 1;
            }
            return sum;
        }
    }
}
