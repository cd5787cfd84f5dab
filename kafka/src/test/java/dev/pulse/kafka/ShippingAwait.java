package dev.pulse.kafka;

import java.time.Duration;

/** Waits for a condition of a shipping test with a generous deadline (never a timing assert). */
public final class ShippingAwait
{
    private ShippingAwait()
    {
    }

    /** Polls {@code condition} every 100 ms until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(final Check condition, final String what, final Duration timeout) throws Exception
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** A condition that may read the disk, a topic or /metrics. */
    public interface Check
    {
        boolean holds() throws Exception;
    }
}
