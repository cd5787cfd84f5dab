package dev.pulse.server.e2e;

import java.util.concurrent.TimeUnit;

/** Waits for a condition with a generous deadline (never a timing assertion): 20 s, looking every 20 ms. */
final class WaitFor
{
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(20);

    /** A condition that may throw (an HTTP request, a metric). */
    interface Condition
    {
        boolean holds() throws Exception;
    }

    private WaitFor()
    {
    }

    static void condition(final String what, final Condition condition) throws Exception
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (!condition.holds())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("not within 20 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
