package dev.pulse.server.ws;

import java.security.SecureRandom;
import java.util.concurrent.Executor;

import dev.pulse.journal.JournalHold;
import dev.pulse.journal.JournalProxy;
import dev.pulse.server.auth.SessionTokenVerifier;
import dev.pulse.server.decide.JournalInterventionLog;
import dev.pulse.server.decide.LiveCatalogVersions;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionChange;
import dev.pulse.server.session.SessionId;
import dev.pulse.server.timer.LoopTimers;
import dev.pulse.server.timer.PulseClock;

/**
 * One event loop's resources, created once on that loop and reused for every message of every
 * connection pinned to it: the decoder and its message, the session machine and the outbox it
 * writes into, a session accessor and its change, a journal proxy, the timer wheel, the held
 * questions, the token verifier. Nothing here is shared across threads, so nothing here is locked.
 */
final class LoopContext
{
    /** How often the loop ticks its timer wheel and re-checks held acks and questions. */
    static final long TICK_PERIOD_MS = 5;

    final EventDecoder decoder;
    final DecodedMessage message = new DecodedMessage();
    final SessionAccess sessions;
    final JournalProxy journal;
    /** Keeps a session's change and its journal records together (one per loop, like the accessor). */
    final SessionChange change;
    final RawEventCapture capture;
    /** This loop's own generator of session ids ({@link SessionId#newRandom()}: no lock shared with other loops). */
    final SecureRandom random = SessionId.newRandom();
    final SessionId sessionId = new SessionId();
    final PulseClock clock;
    final LoopTimers timers;
    final JournalHold journalHold;
    /** What handling one message produced: the machine's effects and the protocol's frames. */
    final Outbox outbox = new Outbox();
    /** Writes its effects straight into {@link #outbox}. */
    final SessionMachine machine;
    /** Checks, takes and issues carries (does nothing without a cluster key). */
    final CarryHandler carries;
    final SessionHello hello;
    final SessionEvents sessionEvents;
    /** Erases a connection's session (its forget message, or an operator's erasure while it is open). */
    final SessionForget forget;
    /** Backend events: kept for a session not connected, or made into the machine's event on the owner's loop. */
    final BackendEvents backendEvents;
    final char[] sidScratch = new char[SessionId.HEX_LENGTH];
    final CharSequence[] contextStrings = new CharSequence[DecodedMessage.MAX_CONTEXT * 2];
    /** Checks hello tokens; null when the server has no signing key. */
    final SessionTokenVerifier tokens;
    private long recordWallMs;

    /**
     * @param loopExecutor runs tasks on the owning loop (the journal wakes held acks and questions through it).
     */
    LoopContext(final ServerContext server, final Executor loopExecutor)
    {
        decoder = new EventDecoder(server.config().maxMessageBytes());
        sessions = server.sessions().newAccess();
        journal = server.journal().newProxy();
        change = new SessionChange(journal);
        capture = new RawEventCapture(journal);
        clock = server.clock();
        timers = new LoopTimers(clock.monotonicMs());
        journalHold = new JournalHold(server.journal(), loopExecutor);
        tokens = server.signingKeys() == null ? null : new SessionTokenVerifier(server.signingKeys(), server.config().tokenMaxTtlMs());
        machine = new SessionMachine(new LiveCatalogVersions(server.catalog()),
            new JournalInterventionLog(journal, server.journal(), server.metrics(), this::recordWallMs), outbox);
        carries = new CarryHandler(server, this);
        hello = new SessionHello(server, this);
        sessionEvents = new SessionEvents(server, this);
        forget = new SessionForget(this);
        backendEvents = new BackendEvents(server, this);
    }

    /**
     * Reads the clock for one message or timer: returns the monotonic time its deadlines and
     * elapsed times use, and keeps the wall time every record of it carries ({@link #recordWallMs}),
     * so a message's records agree on their time (a replay pairs them).
     */
    long now()
    {
        recordWallMs = clock.wallMs();
        return clock.monotonicMs();
    }

    /** The wall time of the message or timer being handled (see {@link #now()}): for its records only. */
    long recordWallMs()
    {
        return recordWallMs;
    }

    /** Fires due timers and re-checks held acks and questions; the owning loop calls it every {@link #TICK_PERIOD_MS}. */
    void tick()
    {
        timers.tick(clock.monotonicMs());
        journalHold.release();
    }
}
