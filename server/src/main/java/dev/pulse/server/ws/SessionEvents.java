package dev.pulse.server.ws;

import io.netty.buffer.ByteBufAllocator;

import dev.pulse.catalog.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.catalog.compile.QuestionCopy;
import dev.pulse.catalog.compile.ResponseCopy;
import dev.pulse.detect.Decisions;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerIndex;
import dev.pulse.server.journal.JournalProxy;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.session.ServerSessionFlyweight;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionId;

/**
 * The protocol's meaning, one message at a time, against the session's record in the store:
 * hello (new or resumed session), seq rules (duplicates, gaps), each event through the core,
 * answers and dismisses, timers. The record is locked for exactly the time it is read and
 * written; what the connection must send lands in an {@link Outbox}. Journal records go to the
 * ring buffer as decisions are made.
 *
 * <p>Not thread-safe: one per event loop.
 */
final class SessionEvents
{
    private final ServerContext server;
    private final LoopContext loop;
    private final Metrics metrics;
    private CompiledCatalog siteKeyCatalog;
    private long siteKeyHash;

    SessionEvents(final ServerContext server, final LoopContext loop)
    {
        this.server = server;
        this.loop = loop;
        this.metrics = server.metrics();
    }

    /** A hello: resume the session it names if it is ours, else start a new one under a new id. */
    void hello(final ConnectionState connection, final DecodedMessage message, final long nowMs, final Outbox out,
        final ByteBufAllocator alloc)
    {
        if (message.version() != 1)
        {
            out.close = CloseCode.POLICY_VIOLATION;
            return;
        }
        final CompiledCatalog catalog = server.catalog().current();
        final long siteKey = siteKeyHash(catalog);
        final SessionAccess access = loop.sessions;
        final SessionId id = loop.sessionId;
        boolean resumed = false;
        try
        {
            if (message.sid().present() && id.parse(message.sid().array(), 0, message.sid().length()) && access.open(id.hi(), id.lo()))
            {
                resumed = access.state().layoutVersion() == SessionStateFlyweight.LAYOUT_VERSION &&
                    access.server().version() == ServerSessionFlyweight.LAYOUT_VERSION &&
                    access.state().siteKey() == siteKey;
                if (!resumed)
                {
                    access.close();
                }
            }
            if (!resumed)
            {
                id.generate(loop.random);
                if (!access.create(id.hi(), id.lo()))
                {
                    metrics.refused(Metrics.RefusalReason.SESSION_MAP_FULL);
                    out.close = CloseCode.TRY_AGAIN_LATER;
                    return;
                }
                access.state().init(id.hi(), id.lo(), siteKey, nowMs);
                access.server().init(nowMs);
            }
            final SessionStateFlyweight state = access.state();
            for (int i = 0; i < message.contextCount(); i++)
            {
                state.putContext(Hash64.of(message.contextKey(i)), Hash64.of(message.contextValue(i)));
                loop.contextStrings[2 * i] = message.contextKey(i);
                loop.contextStrings[2 * i + 1] = message.contextValue(i);
            }
            out.previousOwner = access.server().ownerConnectionId();
            access.server().ownerConnectionId(connection.id).lastConnectedMs(nowMs);
            connection.helloed = true;
            connection.sidHi = id.hi();
            connection.sidLo = id.lo();
            connection.lastSeq = state.lastSeq();
            out.nextDeadlineMs = loop.processor.nextDeadlineMs(state, catalog.triggers());
        }
        finally
        {
            access.close();
        }
        loop.journal.sessionStart(nowMs, id.hi(), id.lo(), catalog.versionHash(), resumed, catalog.siteKey(),
            loop.contextStrings, 2 * message.contextCount());
        metrics.sessionStarted(resumed);
        out.reply = MessageEncoder.welcome(alloc, id.hi(), id.lo(), resumed, connection.lastSeq, loop.sidScratch);
    }

    /** An event after hello: seq rules, then the core, answers and dismisses. */
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
            if (record.ownerConnectionId() != connection.id || !useSeq(connection, state, message.seq(), out))
            {
                return;
            }
            final CompiledCatalog catalog = server.catalog().current();
            metrics.event(message.type().eventType());
            switch (message.type())
            {
                case ANSWER:
                    answer(connection, message, state, record, catalog, nowMs, out, alloc);
                    break;
                case DISMISS:
                    dismiss(connection, message, state, record, catalog, nowMs, out);
                    break;
                default:
                    final Event event = toEvent(message, catalog);
                    loop.processor.onEvent(state, event, nowMs, triggers(catalog), catalog.governor(), loop.decisions);
                    decide(connection, state, record, catalog, message, nowMs, out, alloc);
                    break;
            }
            out.nextDeadlineMs = loop.processor.nextDeadlineMs(state, catalog.triggers());
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
                if (access.server().ownerConnectionId() == connection.id)
                {
                    useSeq(connection, access.state(), message.seq(), out);
                }
            }
            finally
            {
                access.close();
            }
        }
    }

    /** A timer came due: deferred signals and idle deadlines are checked against the record. */
    void timer(final ConnectionState connection, final long nowMs, final Outbox out, final ByteBufAllocator alloc)
    {
        final SessionAccess access = loop.sessions;
        if (!connection.helloed || !access.open(connection.sidHi, connection.sidLo))
        {
            return;
        }
        try
        {
            if (access.server().ownerConnectionId() != connection.id)
            {
                return;
            }
            final CompiledCatalog catalog = server.catalog().current();
            loop.processor.onTimer(access.state(), nowMs, triggers(catalog), catalog.governor(), loop.decisions);
            decide(connection, access.state(), access.server(), catalog, null, nowMs, out, alloc);
            out.nextDeadlineMs = loop.processor.nextDeadlineMs(access.state(), catalog.triggers());
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
     * Applies the seq rules: a seq at or below the last is a duplicate (acked, otherwise ignored);
     * more than one above is handled and answered with out_of_order.
     *
     * @return whether the message is new and should be handled.
     */
    private static boolean useSeq(final ConnectionState connection, final SessionStateFlyweight state, final long seq, final Outbox out)
    {
        final long last = state.lastSeq();
        if (seq <= last)
        {
            connection.lastSeq = last;
            return false;
        }
        if (seq > last + 1)
        {
            out.error(ErrorCode.OUT_OF_ORDER, true, seq, "messages before this one never arrived");
        }
        state.lastSeq(seq);
        connection.lastSeq = seq;
        return true;
    }

    private void answer(
        final ConnectionState connection,
        final DecodedMessage message,
        final SessionStateFlyweight state,
        final ServerSessionFlyweight record,
        final CompiledCatalog catalog,
        final long nowMs,
        final Outbox out,
        final ByteBufAllocator alloc)
    {
        final Governor governor = catalog.governor();
        final int iid = parseIid(message.iid());
        final CompiledCatalog askedIn = server.catalog().byVersionHash(record.openCatalogVersion());
        final CompiledQuestion question = governor.isOpen(state, iid) ? askedIn.questionByKey(state.openQuestionKey()) : null;
        if (question == null)
        {
            out.error(ErrorCode.UNKNOWN_INTERVENTION, true, message.seq(), "no open question has this iid");
            out.rejected = true;
            return;
        }
        final int choice = question.choiceIndex(Hash64.of(message.choice()));
        if (choice < 0)
        {
            out.error(ErrorCode.UNKNOWN_CHOICE, true, message.seq(), "the question has no such choice");
            out.rejected = true;
            return;
        }
        governor.onAnswer(state, iid);
        final Event event = loop.event.reset(EventType.ANSWER).intervention(iid, Hash64.of(message.choice()));
        loop.processor.onEvent(state, event, nowMs, ServerContext.NO_TRIGGERS, governor, loop.decisions);

        final CompiledResponse response = question.response(choice);
        final ResponseCopy copy = response.copy(response.segmentFor(state));
        final JournalProxy journal = loop.journal;
        journal.answer(nowMs, connection.sidHi, connection.sidLo, askedIn.versionHash(), iid, question.id(), question.choiceId(choice));
        journal.responseShown(nowMs, connection.sidHi, connection.sidLo, askedIn.versionHash(), iid, question.id(),
            question.choiceId(choice), response.id(), copy.segmentId());
        metrics.answer();
        metrics.response();
        out.reply = MessageEncoder.response(alloc, iid, question.choiceId(choice), copy);
        out.ackNow = true;
    }

    private void dismiss(
        final ConnectionState connection,
        final DecodedMessage message,
        final SessionStateFlyweight state,
        final ServerSessionFlyweight record,
        final CompiledCatalog catalog,
        final long nowMs,
        final Outbox out)
    {
        final Governor governor = catalog.governor();
        final int iid = parseIid(message.iid());
        if (!governor.isOpen(state, iid))
        {
            out.error(ErrorCode.UNKNOWN_INTERVENTION, true, message.seq(), "no open question has this iid");
            out.rejected = true;
            return;
        }
        final CompiledCatalog askedIn = server.catalog().byVersionHash(record.openCatalogVersion());
        final CompiledQuestion question = askedIn.questionByKey(state.openQuestionKey());
        governor.onDismiss(state, iid);
        loop.processor.onEvent(state, loop.event.reset(EventType.DISMISS).intervention(iid, 0), nowMs, ServerContext.NO_TRIGGERS,
            governor, loop.decisions);
        loop.journal.dismiss(nowMs, connection.sidHi, connection.sidLo, askedIn.versionHash(), iid, question == null ? "" : question.id());
        metrics.dismiss();
    }

    /** Journals every signal of the last event or timer with its verdict, and prepares the question shown, if any. */
    private void decide(
        final ConnectionState connection,
        final SessionStateFlyweight state,
        final ServerSessionFlyweight record,
        final CompiledCatalog catalog,
        final DecodedMessage message,
        final long nowMs,
        final Outbox out,
        final ByteBufAllocator alloc)
    {
        final Decisions decisions = loop.decisions;
        for (int i = 0; i < decisions.size(); i++)
        {
            final Trigger trigger = decisions.trigger(i);
            final Verdict verdict = decisions.verdict(i);
            metrics.signal(trigger.detectorKind(), verdict);
            final CharSequence query = trigger.detectorKind() == DetectorKind.FAILED_SEARCH && message != null &&
                message.type() == MessageType.SEARCH && message.query().present() ? message.query() : null;
            loop.journal.signal(nowMs, connection.sidHi, connection.sidLo, catalog.versionHash(), trigger.id(), trigger.detectorKind(),
                verdict, decisions.iid(i), trigger.questionId(), query);
            if (verdict == Verdict.SHOWN)
            {
                showQuestion(connection, state, record, catalog, trigger, decisions.iid(i), nowMs, out, alloc);
            }
        }
    }

    private void showQuestion(
        final ConnectionState connection,
        final SessionStateFlyweight state,
        final ServerSessionFlyweight record,
        final CompiledCatalog catalog,
        final Trigger trigger,
        final int iid,
        final long nowMs,
        final Outbox out,
        final ByteBufAllocator alloc)
    {
        final CompiledQuestion question = catalog.question(trigger);
        final int variant = question.variantFor(connection.sidHi, connection.sidLo);
        final QuestionCopy copy = question.copy(variant, question.segmentFor(state));
        state.openVariant(variant);
        record.openCatalogVersion(catalog.versionHash());
        final boolean recorded = loop.journal.questionShown(nowMs, connection.sidHi, connection.sidLo, catalog.versionHash(), iid,
            trigger.id(), question.id(), copy.variantId(), copy.segmentId(), catalog.pageKindName(state.currentPageKind()));
        if (!recorded)
        {
            // Never a question the journal could not record: the session keeps it as asked, unseen.
            state.closeOpenQuestion();
            metrics.questionWithheld();
            return;
        }
        out.question = MessageEncoder.question(alloc, iid, question, copy);
        out.questionPosition = loop.journal.lastPosition();
    }

    /** While the journal cannot take records, history is still kept but nothing may signal. */
    private TriggerIndex triggers(final CompiledCatalog catalog)
    {
        return server.journal().acceptingRecords() ? catalog.triggers() : ServerContext.NO_TRIGGERS;
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
