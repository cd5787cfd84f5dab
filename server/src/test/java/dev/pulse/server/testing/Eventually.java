package dev.pulse.server.testing;

import java.time.Duration;

/**
 * Waits for a condition with a generous deadline instead of asserting that something happened
 * within some milliseconds: a loaded machine makes a test slower, never wrong.
 */
public final class Eventually
{
    private static final long POLL_MS = 20;

    private Eventually()
    {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} if it does not within {@code deadline}. */
    public static void holds(final Condition condition, final Duration deadline, final String what) throws Exception
    {
        final long endNs = System.nanoTime() + deadline.toNanos();
        while (!condition.holds())
        {
            if (System.nanoTime() > endNs)
            {
                throw new AssertionError("still not true after " + deadline + ": " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** A condition that may need I/O to answer (a request to the server under test). */
    @FunctionalInterface
    public interface Condition
    {
        boolean holds() throws Exception;
    }
}
