package dev.pulse.server.ws;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.SearchWords;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalProxy;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionChange;

/**
 * The protocol around a session after its hello ({@link SessionHello}): the seq rules (duplicates,
 * gaps), ownership (only the connection that holds the session applies events), a page URL cut
 * down to its path and the site's allowed query parameters ({@link UrlScrubber}), raw event capture
 * when the catalog asks for it, timers, and the end of a connection. What an event means is the
 * {@link SessionMachine}'s; this class holds the session's record locked for exactly the time the
 * machine reads and writes it, reads the live catalog once for the event and passes that one down,
 * and leaves what the connection must send in the {@link Outbox} the machine writes into too (with a cluster key, a
 * fresh carry when the message changed what one holds: {@link CarryHandler}).
 *
 * <p>Not thread-safe: one per event loop.
 */
final class SessionEvents
{
    /** A timer whose records the journal could not take runs again this much later. */
    static final long TIMER_RETRY_MS = 100;

    private final ServerContext server;
    private final LoopContext loop;
    private final Metrics metrics;
    private final SessionMachine machine;
    private final EventMapper events = new EventMapper();
    private final SearchWords searchWords = new SearchWords();
    private final UnseenAhead unseen;

    SessionEvents(final ServerContext server, final LoopContext loop)
    {
        this.server = server;
        this.loop = loop;
        this.metrics = server.metrics();
        this.machine = loop.machine;
        this.unseen = new UnseenAhead(loop);
    }

    /**
     * An event after hello: seq rules, then the session machine, all of it one journal message: the
     * message changes the session only if every record it makes is taken, and otherwise it is not
     * handled at all (not acked, its seq not used up) and the client is told {@code overloaded}.
     */
    void event(final ConnectionState connection, final DecodedMessage message, final long nowMs, final Outbox out)
    {
        final SessionAccess access = loop.sessions;
        if (!access.open(connection.sidHi, connection.sidLo))
        {
            out.close = CloseCode.SESSION_EXPIRED;
            return;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final ServerSessionFlyweight record = access.server();
            if (record.ownerConnectionId() != connection.id)
            {
                return;
            }
            noteRecorded(connection, record);
            if (duplicate(connection, state, message.seq(), out))
            {
                return;
            }
            final CompiledCatalog catalog = server.catalog().current();
            if (message.type() == MessageType.PAGE)
            {
                // Before anything journals or judges it: the values of a URL never get further than this.
                UrlScrubber.keepAllowed(message.url(), catalog.keepQuery());
            }
            else if (message.type() == MessageType.SEARCH && message.query().present())
            {
                // Before anything journals (and so hashes) the text: from here on the intent travels, not the words.
                message.searchIntent = catalog.intents().classify(message.query(), searchWords);
                message.searchIntentName = catalog.intents().name(message.searchIntent);
            }
            final long seq = message.seq();
            final boolean gap = seq > state.lastSeq() + 1;
            out.seq = seq;
            final long carryMark = loop.carries.mark(state);
            try (SessionChange change = loop.change.begin(state, record, seq))
            {
                final int unseenMark = unseen.write(connection);
                state.lastSeq(seq);
                if (catalog.captureEvents())
                {
                    loop.capture.event(loop.recordWallMs(), nowMs, connection, catalog.versionHash(), message);
                }
                decide(catalog, state, record, message, connection, nowMs, out);
                unseen.settle(connection, state, unseenMark, out);
                if (!change.commit())
                {
                    out.forgetEffects();
                    out.ackNow = false;
                    out.withdrawHeld = false;
                    out.overloaded(true, seq);
                    return;
                }
            }
            connection.lastSeq = seq;
            if (out.handoff() != null && out.handoff().webhookUrl() != null)
            {
                // Posted from its journal record when the server can sign it; counted here when it cannot.
                server.unsignedHandoffs().served();
            }
            out.recordsPosition = recordsPosition(loop.journal);
            loop.carries.afterChange(state, record, carryMark, nowMs, out);
            metrics.event(message.type().eventType());
            if (gap)
            {
                out.error(ErrorCode.OUT_OF_ORDER, true, seq, "messages before this one never arrived");
            }
            out.nextDeadlineMs = machine.nextDeadlineMs(catalog, state, record);
        }
        finally
        {
            access.close();
        }
    }

    /** Hands the message to the machine, which writes its effects into {@code out}. */
    private void decide(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final DecodedMessage message, final ConnectionState connection, final long nowMs, final Outbox out)
    {
        // Time-of-day conditions read the wall time from the session clock through this skew.
        state.context().wallSkewMs(loop.recordWallMs() - nowMs);
        switch (message.type())
        {
            case ANSWER:
                // A hand-off's webhook is posted from its journal record, which carries the hello's context for it.
                machine.onAnswer(catalog, state, record, EventMapper.parseIid(message.iid()), Hash64.of(message.choice()), nowMs,
                    connection.handoffContext);
                out.ackNow = true;
                break;
            case DISMISS:
                machine.onDismiss(catalog, state, record, EventMapper.parseIid(message.iid()), nowMs);
                break;
            case FEEDBACK:
                machine.onFeedback(catalog, state, record, EventMapper.parseIid(message.iid()), message.helpful(), nowMs);
                break;
            default:
                machine.onEvent(catalog, state, record, events.toEvent(message, catalog), message.type() == MessageType.SEARCH &&
                    message.query().present() ? message.query() : null, nowMs);
                break;
        }
    }

    /** A message that was rejected: it still uses up its seq, if it had a readable one. */
    void rejected(final ConnectionState connection, final DecodedMessage message, final Outbox out)
    {
        out.error(message.error(), message.hasSeq(), message.seq(), message.errorDetail());
        out.rejected = true;
        if (!message.hasSeq() || message.seq() < 1)
        {
            return;
        }
        final SessionAccess access = loop.sessions;
        if (access.open(connection.sidHi, connection.sidLo))
        {
            try
            {
                final SessionStateFlyweight state = access.state();
                if (access.server().ownerConnectionId() == connection.id && !duplicate(connection, state, message.seq(), out))
                {
                    state.lastSeq(message.seq());
                    connection.lastSeq = message.seq();
                }
            }
            finally
            {
                access.close();
            }
        }
    }

    /**
     * A timer came due: deferred signals, idle deadlines and outcome windows are checked against the
     * record, as one journal message like an event. If its records cannot be taken the session is put
     * back as it was and the timer tried again a little later.
     */
    void timer(final ConnectionState connection, final long nowMs, final Outbox out)
    {
        final SessionAccess access = loop.sessions;
        if (!connection.helloed || !access.open(connection.sidHi, connection.sidLo))
        {
            return;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final ServerSessionFlyweight record = access.server();
            if (record.ownerConnectionId() != connection.id)
            {
                return;
            }
            final CompiledCatalog catalog = server.catalog().current();
            final long carryMark = loop.carries.mark(state);
            try (SessionChange change = loop.change.begin(state, record, 0))
            {
                final int unseenMark = unseen.write(connection);
                if (catalog.captureEvents())
                {
                    loop.capture.timer(loop.recordWallMs(), nowMs, connection, catalog.versionHash());
                }
                state.context().wallSkewMs(loop.recordWallMs() - nowMs);
                machine.onTimer(catalog, state, record, nowMs);
                unseen.settle(connection, state, unseenMark, out);
                if (!change.commit())
                {
                    out.forgetEffects();
                    out.withdrawHeld = false;
                    metrics.timerDeferred();
                    out.nextDeadlineMs = nowMs + TIMER_RETRY_MS;
                    return;
                }
            }
            out.recordsPosition = recordsPosition(loop.journal);
            loop.carries.afterChange(state, record, carryMark, nowMs, out);
            out.nextDeadlineMs = machine.nextDeadlineMs(catalog, state, record);
        }
        finally
        {
            access.close();
        }
    }

    /**
     * A backend event for this connection's session ({@link BackendEvents}), on its loop: like a
     * timer, one journal message (its applied record, a raw capture when the catalog captures, the
     * machine's records) that changes the session only if the journal takes all of it.
     */
    BackendEvents.Step backend(final ConnectionState connection, final BackendEvent backend, final long nowMs, final Outbox out)
    {
        final SessionAccess access = loop.sessions;
        if (!connection.helloed || !access.open(connection.sidHi, connection.sidLo))
        {
            return connection.helloed ? BackendEvents.Step.NO_SESSION : BackendEvents.Step.MOVED;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final ServerSessionFlyweight record = access.server();
            if (record.ownerConnectionId() != connection.id)
            {
                return BackendEvents.Step.MOVED;
            }
            final CompiledCatalog catalog = server.catalog().current();
            final long carryMark = loop.carries.mark(state);
            try (SessionChange change = loop.change.begin(state, record, 0))
            {
                final int unseenMark = unseen.write(connection);
                loop.backendEvents.record(backend, catalog.versionHash(), true);
                if (catalog.captureEvents())
                {
                    loop.capture.backend(loop.recordWallMs(), nowMs, connection, catalog.versionHash(), backend);
                }
                // Like every event's: time-of-day conditions read the wall time through this skew.
                state.context().wallSkewMs(loop.recordWallMs() - nowMs);
                machine.onEvent(catalog, state, record, loop.backendEvents.toEvent(backend), null, nowMs);
                unseen.settle(connection, state, unseenMark, out);
                if (!change.commit())
                {
                    out.forgetEffects();
                    out.withdrawHeld = false;
                    return BackendEvents.Step.OVERLOADED;
                }
            }
            out.recordsPosition = recordsPosition(loop.journal);
            loop.carries.afterChange(state, record, carryMark, nowMs, out);
            metrics.event(EventType.BACKEND);
            out.nextDeadlineMs = machine.nextDeadlineMs(catalog, state, record);
            return BackendEvents.Step.APPLIED;
        }
        finally
        {
            access.close();
        }
    }

    /** The connection is gone: the session no longer has an owner (unless a newer connection took it). */
    void disconnected(final ConnectionState connection)
    {
        final SessionAccess access = loop.sessions;
        if (connection.helloed && access.open(connection.sidHi, connection.sidLo))
        {
            try
            {
                if (access.server().ownerConnectionId() == connection.id)
                {
                    noteRecorded(connection, access.server());
                    access.server().ownerConnectionId(0);
                }
            }
            finally
            {
                access.close();
            }
        }
    }

    /**
     * The seq rules' first half: a seq at or below the last is a duplicate (a resend): it is not
     * handled again, but it is acked, so a client waiting for that ack after a reconnect gets it.
     * A seq more than one above the last is handled, and answered with out_of_order.
     *
     * @return whether the message is a duplicate.
     */
    private static boolean duplicate(final ConnectionState connection, final SessionStateFlyweight state, final long seq, final Outbox out)
    {
        final long last = state.lastSeq();
        if (seq <= last)
        {
            connection.lastSeq = last;
            out.ackOwed = true;
            return true;
        }
        return false;
    }

    /** Tells the session record how far its messages are known recorded (acked), for recovery after a crash. */
    private static void noteRecorded(final ConnectionState connection, final ServerSessionFlyweight record)
    {
        if (connection.ackedSeq > record.recordedSeq())
        {
            record.recordedSeq(connection.ackedSeq);
        }
    }

    private static long recordsPosition(final JournalProxy journal)
    {
        return journal.lastMessageRecords() > 0 ? journal.lastPosition() : 0;
    }
}
