package dev.pulse.server.e2e;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Writes frames to a raw socket from its own thread until closed or the server stops taking
 * them, so that a test can watch the server (and read, or not) meanwhile. Socket writes block
 * when the server stops reading; closing the socket ends them.
 */
final class Flood implements AutoCloseable
{
    /** What one round of the flood writes. */
    @FunctionalInterface
    interface Round
    {
        void write(RawWebSocket raw, long round) throws IOException;
    }

    private final Thread thread;
    private volatile boolean stopped;
    private volatile long rounds;

    Flood(final RawWebSocket raw, final Round round)
    {
        thread = new Thread(() ->
        {
            try
            {
                for (long i = 1; !stopped; i++)
                {
                    round.write(raw, i);
                    rounds = i;
                }
            }
            catch (final IOException ex)
            {
                // The server closed the connection or stopped reading and the socket was closed: the flood is over.
            }
        }, "flood");
        thread.setDaemon(true);
        thread.start();
    }

    /** Rounds written whole so far. */
    long rounds()
    {
        return rounds;
    }

    /** Stops after the current round; waits for it unless the socket blocks it (then closing the socket ends it). */
    @Override
    public void close()
    {
        stopped = true;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
