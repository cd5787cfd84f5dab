package dev.pulse.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** The allocation measurement itself: a rare but recurring allocation fails it, a one-off does not. */
class AllocationWindowsTest
{
    /** Where the loops below put what they allocate, so the JIT cannot remove it. */
    private static volatile Object escaped;

    @Test
    void shouldFailALoopThatAllocatesOncePer250000Events()
    {
        final AllocationWindows.Loop rare = new AllocationWindows.Loop()
        {
            private long calls;

            @Override
            public long run(final int count)
            {
                long sum = 0;
                for (int i = 0; i < count; i++)
                {
                    if (++calls % 250_000 == 0)
                    {
                        escaped = new long[1];
                    }
                    sum += calls & 1;
                }
                return sum;
            }
        };
        rare.run(300_000);

        assertThatThrownBy(() -> AllocationWindows.assertAllocatesNothing("rare", rare, 100_000))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("in a row that allocated nothing");
    }

    @Test
    void shouldPassALoopThatAllocatedOnceOnly()
    {
        final AllocationWindows.Loop once = new AllocationWindows.Loop()
        {
            private long calls;

            @Override
            public long run(final int count)
            {
                long sum = 0;
                for (int i = 0; i < count; i++)
                {
                    if (++calls == 450_000)
                    {
                        escaped = new long[1];
                    }
                    sum += calls & 1;
                }
                return sum;
            }
        };
        once.run(300_000);

        assertThat(AllocationWindows.assertAllocatesNothing("once", once, 100_000)).isPositive();
        assertThat(escaped).isNotNull();
    }
}
