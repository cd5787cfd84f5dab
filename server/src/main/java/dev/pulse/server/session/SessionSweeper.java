package dev.pulse.server.session;

import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.SessionEndReason;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.timer.PulseClock;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * Removes sessions idle longer than the catalog's expiry, on its own thread and one store segment
 * at a time (a segment's lock covers a few hundred sessions and is held for well under a
 * millisecond), so event loops never wait long. A session whose connection is still open stays.
 * An ending session's undecided outcome windows close as exited, then the end is journaled.
 * Idle time is measured on the monotonic clock, so a wall-clock step expires no session early
 * (or late); the end record carries the wall time. Its pace follows the expiry ({@link SweepPace}:
 * a pass takes a tenth of it, between 1 s and 30 s), so a session ends at most one pass late.
 */
public final class SessionSweeper implements Runnable, SessionVisitor
{
    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);
    private final SessionStore store;
    private final JournalProxy journal;
    private final SessionMachine machine;
    private final Metrics metrics;
    private final LongSupplier expiryMs;
    private final LongPredicate connectionIsLive;
    private final PulseClock clock;
    private final Pause pause;
    private final SweepPace pace;
    private final Thread thread;
    private final SessionChange change;
    private volatile boolean running = true;
    private long nowMs;
    /** The expiry read once for the segment being swept (the catalog's holder is volatile). */
    private long segmentExpiryMs;

    /** Waits between two segments; the server's sleeps, a test's moves its clock. */
    @FunctionalInterface
    interface Pause
    {
        /** Waits {@code ms}; false when the sweeper must stop (interrupted). */
        boolean pause(long ms);
    }

    /**
     * @param journal          this thread's journal proxy (session ends).
     * @param machine          closes an ending session's outcome windows (as exited), on this thread.
     * @param expiryMs         the current session expiry (the catalog's, which may be reloaded).
     * @param connectionIsLive whether a connection id is open now.
     * @param clock            monotonic time for idleness, wall time for the end records.
     */
    public SessionSweeper(
        final SessionStore store, final JournalProxy journal, final SessionMachine machine, final Metrics metrics,
        final LongSupplier expiryMs, final LongPredicate connectionIsLive, final PulseClock clock)
    {
        this(store, journal, machine, metrics, expiryMs, connectionIsLive, clock, SessionSweeper::sleep);
    }

    /** As the public constructor, with the waits between segments given (a test's). */
    SessionSweeper(
        final SessionStore store, final JournalProxy journal, final SessionMachine machine, final Metrics metrics,
        final LongSupplier expiryMs, final LongPredicate connectionIsLive, final PulseClock clock, final Pause pause)
    {
        this.pause = pause;
        this.store = store;
        this.journal = journal;
        this.change = new SessionChange(journal);
        this.machine = machine;
        this.metrics = metrics;
        this.expiryMs = expiryMs;
        this.connectionIsLive = connectionIsLive;
        this.clock = clock;
        this.pace = new SweepPace(store.segments(), clock.monotonicMs());
        this.thread = new Thread(this, "pulse-session-sweeper");
        this.thread.setDaemon(true);
    }

    public void start()
    {
        thread.start();
    }

    @Override
    public void run()
    {
        final int segments = store.segments();
        while (running)
        {
            for (int segment = 0; segment < segments && running; segment++)
            {
                final long segmentNowMs = clock.monotonicMs();
                if (segment == 0)
                {
                    pace.startPass(segmentNowMs, expiryMs.getAsLong());
                }
                sweepOnce(segment, segmentNowMs);
                final long pauseMs = pace.pauseAfterMs(segment, segmentNowMs);
                if (pauseMs > 0 && !pause.pause(pauseMs))
                {
                    running = false;
                }
            }
        }
    }

    /** Sweeps one segment at {@code nowMs} (monotonic); returns how many sessions ended. */
    public int sweepOnce(final int segment, final long nowMs)
    {
        this.nowMs = nowMs;
        this.segmentExpiryMs = expiryMs.getAsLong();
        if (!running)
        {
            return 0;
        }
        try
        {
            return store.sweep(segment, this);
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("sweeping session segment {} failed; it is retried on the next pass", segment, ex);
            return 0;
        }
    }

    @Override
    public boolean visit(final SessionStateFlyweight state, final ServerSessionFlyweight server)
    {
        // The idle time first: it reads the entry the sweep holds, where the liveness lookup reads a map of connections.
        if (nowMs - state.lastEventMs() <= segmentExpiryMs || connectionIsLive.test(server.ownerConnectionId()))
        {
            return false;
        }
        // The end and its exited windows are recorded together, or the session stays for the next pass.
        try (SessionChange ending = change.begin(state, server, 0))
        {
            machine.onExpired(state, server, nowMs);
            journal.sessionEnd(clock.wallMs(), state.sidHi(), state.sidLo(), SessionEndReason.EXPIRED);
            if (!ending.commit())
            {
                return false;
            }
        }
        metrics.sessionExpired();
        return true;
    }

    private static boolean sleep(final long ms)
    {
        try
        {
            TimeUnit.MILLISECONDS.sleep(ms);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the thread, waiting up to 5 s; false if it is still running (it may still hold a map context). */
    public boolean stop() throws InterruptedException
    {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        return !thread.isAlive();
    }
}
