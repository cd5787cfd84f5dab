package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.pulse.journal.ErasureSource;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionChange;
import dev.pulse.server.session.SessionStore;
import dev.pulse.server.timer.PulseClock;

/**
 * An operator's erasure of sessions held by the session store, for the admin routes, on the thread
 * that serves them (never an event loop: it waits). A session whose connection is open is erased
 * on that connection's loop, as the client's forget is ({@link SessionForget}: the connection is
 * closed with 1000 "forgotten"); a session without one here, under its entry's lock, the way the
 * sweeper ends sessions. Either way the {@link JournalRecordType#SESSION_ERASED} record and the
 * removal are one step: the journal takes the record, or nothing changes. {@link #awaitWritten}
 * then waits until the record is in the segment file, before the route answers.
 *
 * <p>Thread-safe: calls are serialised (one accessor and one journal proxy of its own).
 */
public final class SessionEraser
{
    /** There is no such session in the store. */
    public static final long ABSENT = SessionForget.NONE;
    /** The journal could not take the record (or the session's loop did not answer): nothing changed. */
    public static final long REFUSED = SessionForget.REFUSED;

    private static final long LOOP_ANSWER_MS = 5_000;
    /** A session whose connection is closing has an owner for a moment more: it is asked again this often. */
    private static final long OWNER_GONE_PAUSE_MS = 20;
    private static final int OWNER_GONE_ATTEMPTS = 100;
    private static final long WRITTEN_WAIT_MS = 10_000;

    private final SessionStore store;
    private final SessionAccess access;
    private final Journal journal;
    private final JournalProxy proxy;
    private final SessionChange change;
    private final ConnectionRegistry connections;
    private final PulseClock clock;

    public SessionEraser(final ServerContext server)
    {
        this.store = server.sessions();
        this.access = store.newAccess();
        this.journal = server.journal();
        this.proxy = journal.newProxy();
        this.change = new SessionChange(proxy);
        this.connections = server.connections();
        this.clock = server.clock();
    }

    /**
     * Erases the session's state and records the erasure.
     *
     * @return the journal position after its record (see {@link #awaitWritten}), {@link #ABSENT} or {@link #REFUSED}.
     */
    public synchronized long erase(final long sidHi, final long sidLo, final ErasureSource source) throws InterruptedException
    {
        for (int attempt = 0; attempt < OWNER_GONE_ATTEMPTS; attempt++)
        {
            if (!access.open(sidHi, sidLo))
            {
                return ABSENT;
            }
            final long owner;
            try
            {
                owner = access.server().ownerConnectionId();
                if (!connections.isLive(owner))
                {
                    return eraseHeld(sidHi, sidLo, source);
                }
            }
            finally
            {
                access.close();
            }
            final long onLoop = onOwnersLoop(owner, source);
            if (onLoop != ABSENT)
            {
                return onLoop;
            }
            TimeUnit.MILLISECONDS.sleep(OWNER_GONE_PAUSE_MS);
        }
        return REFUSED;
    }

    /**
     * Records the erasure of a session that is no longer held (it ended; only its journal records remain).
     *
     * @return the journal position after the record, or {@link #REFUSED}.
     */
    public synchronized long recordErased(final long sidHi, final long sidLo, final long visitorHash, final ErasureSource source)
    {
        proxy.beginMessage(0);
        write(sidHi, sidLo, visitorHash, source);
        return proxy.endMessage() ? proxy.lastPosition() : REFUSED;
    }

    /** The sids (hi, lo pairs) of every session the store holds whose visitor is {@code visitorHash}. */
    public List<long[]> heldSessionsOf(final long visitorHash)
    {
        final List<long[]> sids = new ArrayList<>();
        for (int segment = 0; segment < store.segments(); segment++)
        {
            store.sweep(segment, (state, server) ->
            {
                if (state.visitorHash() == visitorHash)
                {
                    sids.add(new long[] {state.sidHi(), state.sidLo()});
                }
                return false;
            });
        }
        return sids;
    }

    /** Waits until the journal has written up to {@code position}; false if it did not within 10 s. */
    public boolean awaitWritten(final long position) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITTEN_WAIT_MS);
        while (journal.writtenPosition() < position)
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return true;
    }

    /** The open session has no live connection: its record and its removal, here under the entry's lock. */
    private long eraseHeld(final long sidHi, final long sidLo, final ErasureSource source)
    {
        try (SessionChange erasing = change.begin(access.state(), access.server(), 0))
        {
            write(sidHi, sidLo, access.state().visitorHash(), source);
            if (!erasing.commit())
            {
                return REFUSED;
            }
        }
        access.remove();
        return proxy.lastPosition();
    }

    private long onOwnersLoop(final long owner, final ErasureSource source) throws InterruptedException
    {
        try
        {
            return connections.erase(owner, source).get(LOOP_ANSWER_MS, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            return REFUSED;
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException("erasing a session on its connection's loop failed", ex.getCause());
        }
    }

    private void write(final long sidHi, final long sidLo, final long visitorHash, final ErasureSource source)
    {
        proxy.sessionErased(clock.wallMs(), sidHi, sidLo, visitorHash, source);
    }
}
