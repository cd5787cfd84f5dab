package dev.pulse.server;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.ws.ConnectionRegistry;

/**
 * The part of a signalled stop (SIGTERM, SIGINT) that comes before the orderly shutdown of
 * {@link PulseServer#close()}, so that a load balancer moves clients away without a burst:
 *
 * <ol>
 *   <li>{@link #begin}: from now the server is not ready ({@code /readyz} 503), which is what the
 *       balancer watches; new connections are still served, as the balancer may send some until
 *       its next check;</li>
 *   <li>after {@code drain_delay}: no new connections (the main port stops listening);</li>
 *   <li>the connections then open are closed with 1001, spread evenly over {@code close_spread},
 *       so their clients reconnect (to the other nodes) a few at a time, not all in one burst.</li>
 * </ol>
 *
 * {@link #hurry} (a second signal, or {@link PulseServer#close()}) skips what remains of the delay
 * and the spread: every connection left is closed at once.
 *
 * <p>Thread-safe: {@link #run} on the stopping thread, the rest from any.
 */
final class ServerDrain
{
    private static final Logger LOG = LoggerFactory.getLogger(ServerDrain.class);

    private final long drainDelayMs;
    private final long closeSpreadMs;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CountDownLatch hurried = new CountDownLatch(1);

    ServerDrain(final long drainDelayMs, final long closeSpreadMs)
    {
        this.drainDelayMs = drainDelayMs;
        this.closeSpreadMs = closeSpreadMs;
    }

    /** Starts the drain: the server is not ready from now. False if it had begun already. */
    boolean begin()
    {
        if (!begun.compareAndSet(false, true))
        {
            return false;
        }
        LOG.info("stopping: /readyz answers 503 from now; new connections are still served for {} ms (drain_delay), then the open "
            + "ones are closed over {} ms (close_spread); a second SIGTERM or SIGINT skips the wait", drainDelayMs, closeSpreadMs);
        return true;
    }

    /** Whether the drain has begun: the server then reports itself not ready. */
    boolean begun()
    {
        return begun.get();
    }

    /** Skips what remains of the drain delay and the spread, if any. */
    void hurry()
    {
        hurried.countDown();
    }

    /** A second signal: skips what remains of the drain, saying so. */
    void hurryOnSignal()
    {
        if (hurried.getCount() > 0)
        {
            LOG.info("stopping now: a second signal skips the rest of the drain");
        }
        hurry();
    }

    /**
     * Waits out the drain delay, runs {@code stopAccepting}, then closes the connections open at
     * that moment with 1001, spread over the close spread. Returns once the last close is asked for.
     * Interrupted, it hurries: the orderly shutdown that follows must still run in full.
     */
    void run(final Runnable stopAccepting, final ConnectionRegistry connections)
    {
        try
        {
            hurried.await(drainDelayMs, TimeUnit.MILLISECONDS);
            stopAccepting.run();
            final List<Runnable> closers = connections.goingAwayClosers();
            LOG.info("no longer accepting connections; closing the {} open with 1001 over {} ms", closers.size(),
                hurried.getCount() == 0 ? 0 : closeSpreadMs);
            spread(closers, closeSpreadMs, hurried);
        }
        catch (final InterruptedException ex)
        {
            hurry();
            stopAccepting.run();
            connections.closeAll();
        }
    }

    /**
     * Runs {@code closers} in order, the i-th of n at {@code i * spreadMs / n} from now, so the
     * first runs at once and the last one n-th of the spread before its end; whatever is left when
     * {@code hurried} opens runs at once. Due times are fixed up front, so a slow close delays the
     * next ones only until they are due again, never the end of the spread.
     */
    static void spread(final List<Runnable> closers, final long spreadMs, final CountDownLatch hurried) throws InterruptedException
    {
        final long startNs = System.nanoTime();
        final double spreadNs = TimeUnit.MILLISECONDS.toNanos(spreadMs);
        final int count = closers.size();
        for (int i = 0; i < count; i++)
        {
            final long waitNs = startNs + (long)(spreadNs * i / count) - System.nanoTime();
            if (waitNs > 0)
            {
                hurried.await(waitNs, TimeUnit.NANOSECONDS);
            }
            try
            {
                closers.get(i).run();
            }
            catch (final RejectedExecutionException ex)
            {
                // The event loops are stopping: close() is closing every connection already.
                return;
            }
        }
    }
}
