package dev.pulse.server;

import java.util.concurrent.TimeUnit;

import dev.pulse.server.ws.ConnectionRegistry;

/** Steps of a start that failed and of a shutdown, each bounded by what is left of the deadline. */
final class ShutdownSteps
{
    private ShutdownSteps()
    {
    }

    /** Closes what a failed start opened, in order; nulls are what it did not get to. */
    static void closeAll(final AutoCloseable... opened) throws Exception
    {
        for (final AutoCloseable closeable : opened)
        {
            if (closeable != null)
            {
                closeable.close();
            }
        }
    }

    /** Closes every connection (1001) and waits for them to go, until half a second before {@code deadline}. */
    static void closeConnections(final ConnectionRegistry connections, final long deadline) throws InterruptedException
    {
        connections.closeAll();
        while (connections.size() > 0 && System.nanoTime() < deadline - TimeUnit.MILLISECONDS.toNanos(500))
        {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** What is left of {@code deadline} (a {@link System#nanoTime()}), at least 100 ms. */
    static long remainingMs(final long deadline)
    {
        return Math.max(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
