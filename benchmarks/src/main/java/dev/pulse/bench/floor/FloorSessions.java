package dev.pulse.bench.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalProxy;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionStore;
import dev.pulse.server.session.SessionStoreException;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * The floor with Pulse's session state and nothing else of Pulse ({@code FloorServer --sessions DIR}),
 * so that what keyed, off-heap per-session state costs on the server is measured on its own: Pulse's
 * own {@link ChronicleSessionStore}, built with Pulse's geometry for the same expected sessions; a hello
 * creates and initialises the session's record as Pulse's does; every
 * message locks its session's entry once, checks the owner and the seq, writes the seq and the time,
 * and unlocks; a closed connection gives up ownership; a thread ends sessions idle past the expiry at
 * Pulse's sweeper's pace (a pass over every segment each tenth of the expiry). With a {@link FloorJournal},
 * a session's start and end are recorded too. What Pulse adds beyond this (decoding, detection, decisions,
 * the record's other lines) is Pulse's alone.
 *
 * <p>Thread-safe: each event loop gets its own accessor.
 */
final class FloorSessions implements AutoCloseable
{
    private static final int PASSES_PER_EXPIRY = 10;

    private final SessionStore store;
    private final long expiryMs;
    private final FloorJournal journal;
    private final JournalProxy sweeperJournal;
    private final FastThreadLocal<SessionAccess> accesses = new FastThreadLocal<>()
    {
        @Override
        protected SessionAccess initialValue()
        {
            return store.newAccess();
        }
    };
    private final Thread sweeper;
    private volatile boolean running = true;

    private FloorSessions(final SessionStore store, final long expiryMs, final FloorJournal journal)
    {
        this.store = store;
        this.expiryMs = expiryMs;
        this.journal = journal;
        this.sweeperJournal = journal == null ? null : journal.newProxy();
        this.sweeper = new Thread(this::sweep, "floor-session-sweeper");
        this.sweeper.setDaemon(true);
    }

    /**
     * A new map in {@code dir} (created if missing; an existing map there is refused), and its sweeper started.
     *
     * @param journal where the sessions' records go (an ended session's too), or null; closed with these sessions.
     */
    static FloorSessions open(final Path dir, final int expectedSessions, final long expiryMs, final FloorJournal journal)
        throws SessionStoreException
    {
        final Path file = dir.resolve("sessions.dat");
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new SessionStoreException("cannot create " + dir + ": " + ex.getMessage(), ex);
        }
        if (Files.exists(file))
        {
            throw new SessionStoreException(file + " exists: the floor starts from an empty map", null);
        }
        final FloorSessions sessions = new FloorSessions(ChronicleSessionStore.open(file, expectedSessions, false), expiryMs, journal);
        sessions.sweeper.start();
        return sessions;
    }

    /** A new session owned by {@code connectionId}; false when the map is full (the floor then refuses the connection with 1013). */
    boolean start(final long sidHi, final long sidLo, final long connectionId, final long nowMs)
    {
        final SessionAccess access = accesses.get();
        if (!access.create(sidHi, sidLo))
        {
            return false;
        }
        try
        {
            // Initialised as Pulse's hello initialises a new session's record (the whole entry written once).
            access.state().init(sidHi, sidLo, 0, nowMs);
            access.server().init(nowMs).ownerConnectionId(connectionId);
            return true;
        }
        finally
        {
            access.close();
        }
    }

    /** One message of the session: true if it is new for the session (the owner's, and a seq above the last). */
    boolean event(final long sidHi, final long sidLo, final long connectionId, final long seq, final long nowMs)
    {
        final SessionAccess access = accesses.get();
        if (!access.open(sidHi, sidLo))
        {
            return false;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            if (access.server().ownerConnectionId() != connectionId || seq <= state.lastSeq())
            {
                return false;
            }
            state.lastSeq(seq);
            state.lastEventMs(nowMs);
            return true;
        }
        finally
        {
            access.close();
        }
    }

    /** The connection closed: the session has no owner until it expires. */
    void left(final long sidHi, final long sidLo, final long connectionId)
    {
        final SessionAccess access = accesses.get();
        if (!access.open(sidHi, sidLo))
        {
            return;
        }
        try
        {
            final ServerSessionFlyweight server = access.server();
            if (server.ownerConnectionId() == connectionId)
            {
                server.ownerConnectionId(0);
            }
        }
        finally
        {
            access.close();
        }
    }

    /** Where the sessions' records go, or null. */
    FloorJournal journal()
    {
        return journal;
    }

    long size()
    {
        return store.size();
    }

    /** The last seq the session's entry holds, or -1 without an entry (what a test reads). */
    long lastSeq(final long sidHi, final long sidLo)
    {
        final SessionAccess access = accesses.get();
        if (!access.open(sidHi, sidLo))
        {
            return -1;
        }
        try
        {
            return access.state().lastSeq();
        }
        finally
        {
            access.close();
        }
    }

    /** Ends sessions idle past the expiry with no owner, a segment at a time, a pass every tenth of the expiry. */
    private void sweep()
    {
        final int segments = store.segments();
        final long pauseNs = TimeUnit.MILLISECONDS.toNanos(Math.max(1, expiryMs / PASSES_PER_EXPIRY / segments));
        while (running)
        {
            for (int segment = 0; segment < segments && running; segment++)
            {
                final long nowMs = System.nanoTime() / 1_000_000;
                try
                {
                    // As Pulse's sweeper: a session ends only with its record (or stays for the next pass).
                    store.sweep(segment, (state, server) -> server.ownerConnectionId() == 0 && nowMs - state.lastEventMs() > expiryMs
                        && (sweeperJournal == null || FloorJournal.sessionEnd(sweeperJournal, state.sidHi(), state.sidLo())));
                }
                catch (final RuntimeException stopped)
                {
                    // At exit Chronicle closes its maps from a shutdown hook of its own, which may come first: stop, and say why
                    // (one line), so that any other failure shows in the server's log too.
                    System.err.println("floor-session-sweeper stops: " + stopped);
                    return;
                }
                LockSupport.parkNanos(pauseNs);
            }
        }
    }

    @Override
    public void close()
    {
        running = false;
        sweeper.interrupt();
        try
        {
            sweeper.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        store.close();
        if (journal != null)
        {
            journal.close();
        }
    }
}
