package dev.pulse.server.ws;

import io.netty.buffer.ByteBufAllocator;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.auth.TokenCheck;
import dev.pulse.server.journal.JournalProxy;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.decide.Effects;
import dev.pulse.server.decide.JournalInterventionLog;
import dev.pulse.server.decide.LiveCatalogVersions;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionId;
import dev.pulse.server.session.SessionChange;

/**
 * The protocol around a session: hello (a new session, or one resumed by its id), the seq rules
 * (duplicates, gaps), ownership (only the connection that holds the session applies events), raw
 * event capture when the catalog asks for it, and the frames that result. What an event means is
 * the {@link SessionMachine}'s; this class holds the session's record locked for exactly the
 * time the machine reads and writes it, and puts what the connection must send in an {@link Outbox}.
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
    private final RawEventCapture capture;
    private final SessionChange change;
    private CompiledCatalog siteKeyCatalog;
    private long siteKeyHash;

    SessionEvents(final ServerContext server, final LoopContext loop)
    {
        this.server = server;
        this.loop = loop;
        this.metrics = server.metrics();
        this.machine = new SessionMachine(new LiveCatalogVersions(server.catalog()),
            new JournalInterventionLog(loop.journal, server.journal(), server.metrics(), loop::recordWallMs));
        this.capture = new RawEventCapture(loop.journal);
        this.change = new SessionChange(loop.journal);
    }

    /**
     * A hello: resume the session it names if it is ours, else start a new one under a new id. When
     * the site signs its sessions, the hello's token decides instead: without a valid one the hello
     * is refused (unauthorized, then 1008); with one, exactly the session the token names is resumed
     * or, if there is none, started under that id.
     */
    void hello(final ConnectionState connection, final DecodedMessage message, final long nowMs, final Outbox out,
        final ByteBufAllocator alloc)
    {
        if (message.version() != 1)
        {
            out.close = CloseCode.POLICY_VIOLATION;
            return;
        }
        final CompiledCatalog catalog = server.catalog().current();
        final SessionId id = loop.sessionId;
        final boolean signed = loop.tokens != null;
        if (signed)
        {
            final TokenCheck check = loop.tokens.verify(message.token(), catalog.siteKey(), loop.recordWallMs());
            if (check != TokenCheck.VALID)
            {
                out.error(ErrorCode.UNAUTHORIZED, false, 0, check.detail());
                out.close = CloseCode.POLICY_VIOLATION;
                return;
            }
            id.set(loop.tokens.sidHi(), loop.tokens.sidLo());
        }
        final long siteKey = siteKeyHash(catalog);
        final SessionAccess access = loop.sessions;
        final JournalProxy journal = loop.journal;
        boolean resumed = false;
        try
        {
            final boolean named = signed || message.sid().present() && id.parse(message.sid().array(), 0, message.sid().length());
            if (named && access.open(id.hi(), id.lo()))
            {
                resumed = resumable(access, siteKey);
                if (!resumed && signed)
                {
                    // A record the token's session cannot use (another site's, an older layout): the
                    // token names this id, so the id starts afresh.
                    access.remove();
                }
                else if (!resumed)
                {
                    access.close();
                }
            }
            if (!resumed)
            {
                if (!signed)
                {
                    id.generate(loop.random);
                }
                if (!access.create(id.hi(), id.lo()))
                {
                    // Signed ids are chosen outside: another connection may have just created this one.
                    resumed = signed && access.open(id.hi(), id.lo()) && resumable(access, siteKey);
                    if (!resumed)
                    {
                        access.close();
                        metrics.refused(Metrics.RefusalReason.SESSION_MAP_FULL);
                        out.close = CloseCode.TRY_AGAIN_LATER;
                        return;
                    }
                }
                else
                {
                    access.state().init(id.hi(), id.lo(), siteKey, nowMs);
                    access.server().init(nowMs);
                }
            }
            final SessionStateFlyweight state = access.state();
            final ServerSessionFlyweight record = access.server();
            try (SessionChange change = this.change.begin(state, record, 0))
            {
                for (int i = 0; i < message.contextCount(); i++)
                {
                    state.context().put(Hash64.of(message.contextKey(i)), Hash64.of(message.contextValue(i)));
                    loop.contextStrings[2 * i] = message.contextKey(i);
                    loop.contextStrings[2 * i + 1] = message.contextValue(i);
                }
                machine.hello(catalog, state, record, nowMs);
                journal.sessionStart(loop.recordWallMs(), id.hi(), id.lo(), catalog.versionHash(), resumed, catalog.siteKey(),
                    loop.contextStrings, 2 * message.contextCount());
                if (catalog.captureEvents())
                {
                    capture.hello(loop.recordWallMs(), nowMs, id.hi(), id.lo(), catalog.versionHash(), resumed, message);
                }
                if (!change.commit())
                {
                    // Nothing of the session may change without its record: a session made for this hello goes again.
                    if (!resumed)
                    {
                        access.remove();
                    }
                    overloaded(out, false, 0);
                    return;
                }
            }
            // No recordsPosition: a hello is not acked, so no ack waits for its session_start.
            out.previousOwner = record.ownerConnectionId();
            record.ownerConnectionId(connection.id).lastConnectedMs(nowMs);
            connection.helloed = true;
            connection.sidHi = id.hi();
            connection.sidLo = id.lo();
            connection.lastSeq = state.lastSeq();
            out.nextDeadlineMs = machine.nextDeadlineMs(catalog, state, record);
        }
        finally
        {
            access.close();
        }
        metrics.sessionStarted(resumed);
        out.reply = MessageEncoder.welcome(alloc, id.hi(), id.lo(), resumed, connection.lastSeq, loop.sidScratch);
    }

    /** Whether the open record is a session of this site in the current layouts, so a hello may resume it. */
    private static boolean resumable(final SessionAccess access, final long siteKey)
    {
        return access.state().layoutVersion() == SessionStateFlyweight.LAYOUT_VERSION &&
            access.server().version() == ServerSessionFlyweight.LAYOUT_VERSION &&
            access.state().siteKey() == siteKey;
    }

    /**
     * An event after hello: seq rules, then the session machine, all of it one journal message: the
     * message changes the session only if every record it makes is taken, and otherwise it is not
     * handled at all (not acked, its seq not used up) and the client is told {@code overloaded}.
     */
    void event(final ConnectionState connection, final DecodedMessage message, final long nowMs, final Outbox out,
        final ByteBufAllocator alloc)
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
            final JournalProxy journal = loop.journal;
            final long seq = message.seq();
            final boolean gap = seq > state.lastSeq() + 1;
            try (SessionChange change = this.change.begin(state, record, seq))
            {
                final int unseenMark = unseenAhead(connection, nowMs);
                state.lastSeq(seq);
                if (catalog.captureEvents())
                {
                    capture.event(loop.recordWallMs(), nowMs, connection, catalog.versionHash(), message);
                }
                switch (message.type())
                {
                    case ANSWER:
                        machine.onAnswer(catalog, state, record, parseIid(message.iid()), Hash64.of(message.choice()), nowMs);
                        out.ackNow = true;
                        break;
                    case DISMISS:
                        machine.onDismiss(catalog, state, record, parseIid(message.iid()), nowMs);
                        break;
                    default:
                        machine.onEvent(catalog, state, record, toEvent(message, catalog), message.type() == MessageType.SEARCH &&
                            message.query().present() ? message.query() : null, nowMs);
                        break;
                }
                withdrawUnseen(connection, state, unseenMark, out);
                if (!change.commit())
                {
                    out.ackNow = false;
                    out.withdrawHeld = false;
                    overloaded(out, true, seq);
                    return;
                }
            }
            connection.lastSeq = seq;
            out.recordsPosition = recordsPosition(journal);
            metrics.event(message.type().eventType());
            if (gap)
            {
                out.error(ErrorCode.OUT_OF_ORDER, true, seq, "messages before this one never arrived");
            }
            deliver(machine.effects(), record, seq, out, alloc);
            out.nextDeadlineMs = machine.nextDeadlineMs(catalog, state, record);
        }
        finally
        {
            access.close();
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
    void timer(final ConnectionState connection, final long nowMs, final Outbox out, final ByteBufAllocator alloc)
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
            final JournalProxy journal = loop.journal;
            try (SessionChange change = this.change.begin(state, record, 0))
            {
                final int unseenMark = unseenAhead(connection, nowMs);
                if (catalog.captureEvents())
                {
                    capture.timer(loop.recordWallMs(), nowMs, connection, catalog.versionHash());
                }
                machine.onTimer(catalog, state, record, nowMs);
                withdrawUnseen(connection, state, unseenMark, out);
                if (!change.commit())
                {
                    out.withdrawHeld = false;
                    metrics.timerDeferred();
                    out.nextDeadlineMs = nowMs + TIMER_RETRY_MS;
                    return;
                }
            }
            out.recordsPosition = recordsPosition(journal);
            deliver(machine.effects(), record, 0, out, alloc);
            out.nextDeadlineMs = machine.nextDeadlineMs(catalog, state, record);
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

    /** Turns the machine's effects into what the connection sends. */
    private void deliver(final Effects effects, final ServerSessionFlyweight record, final long seq, final Outbox out,
        final ByteBufAllocator alloc)
    {
        if (effects.refusal() != null)
        {
            out.error(effects.refusal(), true, seq, effects.refusalDetail());
            out.rejected = true;
        }
        if (effects.response() != null)
        {
            out.reply = MessageEncoder.response(alloc, effects.responseIid(), effects.responseChoiceId(), effects.response());
        }
        if (effects.question() != null)
        {
            out.question = MessageEncoder.question(alloc, effects.questionIid(), effects.question(), effects.questionCopy());
            out.questionPosition = loop.journal.lastPosition();
            out.questionId = effects.question().id();
            out.questionIid = effects.questionIid();
            out.questionCatalogVersion = record.openCatalogVersion();
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

    /**
     * While a question is held for the disk, each message first writes its question_unseen record,
     * ahead of the outcome records the message may close the question's window with (so a reader
     * knows the window's question was never seen before it reads the window). Returns its mark, or
     * -1 when nothing is held.
     */
    private int unseenAhead(final ConnectionState connection, final long nowMs)
    {
        if (connection.heldIid == 0)
        {
            return -1;
        }
        final int mark = loop.journal.mark();
        loop.journal.questionUnseen(loop.recordWallMs(), connection.sidHi, connection.sidLo, connection.heldCatalogVersion, connection.heldIid,
            connection.heldQuestionId);
        return mark;
    }

    /**
     * A held question whose session no longer has it open (the page view that closes a question
     * came before the disk did) is never sent: its question_unseen record stays. Otherwise the
     * record is taken back.
     */
    private void withdrawUnseen(final ConnectionState connection, final SessionStateFlyweight state, final int unseenMark,
        final Outbox out)
    {
        if (unseenMark < 0)
        {
            return;
        }
        if (state.questions().openIid() != connection.heldIid)
        {
            out.withdrawHeld = true;
        }
        else
        {
            loop.journal.retract(unseenMark);
        }
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

    /** The journal could not take the message's records: tell the client to come back later, then close 1013. */
    private void overloaded(final Outbox out, final boolean hasSeq, final long seq)
    {
        out.error(ErrorCode.OVERLOADED, hasSeq, seq, "the server cannot record this message now: reconnect and resend it later");
        out.close = CloseCode.TRY_AGAIN_LATER;
    }

    private Event toEvent(final DecodedMessage message, final CompiledCatalog catalog)
    {
        final Event event = loop.event.reset(message.type().eventType());
        switch (message.type())
        {
            case PAGE:
                loop.pagePath.normalise(message.url().array(), 0, message.url().length());
                event.page(loop.pagePath.hash(), catalog.pageKindOf(loop.pagePath), message.nav());
                break;
            case VISIBILITY:
                event.hidden(message.hidden());
                break;
            case CLICK:
                event.click(Hash64.of(message.target()), message.x(), message.y());
                break;
            case SEARCH:
                event.resultCount(message.results());
                break;
            case FORM_ERROR:
                event.formError(Hash64.of(message.form()), Hash64.of(message.field()));
                break;
            case GOAL:
                event.goal(Hash64.of(message.name()));
                break;
            default:
                break;
        }
        return event;
    }

    private long siteKeyHash(final CompiledCatalog catalog)
    {
        if (catalog != siteKeyCatalog)
        {
            siteKeyHash = Hash64.of(catalog.siteKey());
            siteKeyCatalog = catalog;
        }
        return siteKeyHash;
    }

    /** An iid as the server writes them: a positive decimal int; anything else is 0 (never open). */
    static int parseIid(final CharField iid)
    {
        final int length = iid.length();
        if (length == 0 || length > 9)
        {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = iid.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
