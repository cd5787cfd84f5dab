package dev.pulse.server.ws;

import io.netty.buffer.ByteBufAllocator;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.SessionStartKind;
import dev.pulse.server.auth.TokenCheck;
import dev.pulse.server.auth.TokenContext;
import dev.pulse.server.decide.ContextPairs;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionChange;
import dev.pulse.server.session.SessionId;

/**
 * A connection's hello: resume the session it names if it is ours, else start a new one under a
 * new id. When the site signs its sessions, the hello's token decides instead: without a valid one
 * the hello is refused (unauthorized, then 1008); with one, exactly the session the token names is
 * resumed or, if there is none, started under that id. A new session takes its visitor from the
 * token's claim or the hello's {@code vid} (see {@link #visitorHash}). The hello's context ({@link HelloContext}: with
 * signed sessions the token's, and of the hello's only the keys the catalog lets a client set) goes into the session,
 * its session_start record into the journal, and the welcome into the {@link Outbox}. With a cluster key, a valid carry
 * ({@link CarryHandler}) of the session the hello names starts it here if this node does not know it (adopted, welcomed as
 * resumed at the hello's {@code acked}), or brings a stale record up to date; then the session's carry follows the welcome.
 *
 * <p>Not thread-safe: one per event loop.
 */
final class SessionHello
{
    private final ServerContext server;
    private final LoopContext loop;
    private final Metrics metrics;
    private CompiledCatalog siteKeyCatalog;
    private long siteKeyHash;

    SessionHello(final ServerContext server, final LoopContext loop)
    {
        this.server = server;
        this.loop = loop;
        this.metrics = server.metrics();
    }

    void hello(final ConnectionState connection, final DecodedMessage message, final long nowMs, final Outbox out,
        final ByteBufAllocator alloc)
    {
        if (message.version() != 1)
        {
            out.close = CloseCode.POLICY_VIOLATION;
            return;
        }
        // Informational only (page views come from page): whatever reads it later sees the path alone.
        UrlScrubber.pathOnly(message.url());
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
        boolean resumed = false;
        boolean created = false;
        try
        {
            final boolean named = signed || message.sid().present() && id.parse(message.sid().array(), 0, message.sid().length());
            // A carry the cluster key vouches for: the one case a client-named session is taken without a token.
            final boolean carried = loop.carries.check(message, named, id, siteKey, catalog.sessionExpiryMs());
            if (named && access.open(id.hi(), id.lo()))
            {
                resumed = resumable(access, siteKey);
                if (!resumed && (signed || carried))
                {
                    // A record the named session cannot use (another site's, an older layout): the
                    // token or the carry names this id, so the id starts afresh.
                    access.remove();
                }
                else if (!resumed)
                {
                    access.close();
                }
            }
            if (!resumed)
            {
                if (!signed && !carried)
                {
                    id.generate(loop.random);
                }
                if (!access.create(id.hi(), id.lo()))
                {
                    // Signed and carried ids are chosen outside: another connection may have just created this one.
                    resumed = (signed || carried) && access.open(id.hi(), id.lo()) && resumable(access, siteKey);
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
                    created = true;
                    access.state().init(id.hi(), id.lo(), siteKey, nowMs).visitorHash(visitorHash(message, signed));
                    access.server().init(nowMs);
                }
            }
            final boolean takeCarry = carried && (created || loop.carries.newerThan(access.server()));
            final SessionStartKind kind = takeCarry ? SessionStartKind.CARRIED : resumed ? SessionStartKind.RESUMED : SessionStartKind.NEW;
            if (!start(catalog, access, id, created, kind, message, nowMs, out))
            {
                return;
            }
            resumed = kind != SessionStartKind.NEW;
            final ServerSessionFlyweight record = access.server();
            out.previousOwner = record.ownerConnectionId();
            record.ownerConnectionId(connection.id).lastConnectedMs(nowMs);
            connection.helloed = true;
            connection.sidHi = id.hi();
            connection.sidLo = id.lo();
            connection.lastSeq = access.state().lastSeq();
            connection.handoffContext = HandoffContext.atHello(catalog, message, loop.tokens == null ? null : loop.tokens.context(),
                loop.contextStrings);
            out.nextDeadlineMs = loop.machine.nextDeadlineMs(catalog, access.state(), record);
            loop.carries.issue(access.state(), record, nowMs, out);
        }
        finally
        {
            access.close();
        }
        metrics.sessionStarted(resumed);
        out.welcome = MessageEncoder.welcome(alloc, id.hi(), id.lo(), resumed, connection.lastSeq, catalog.keepQuery().names(),
            loop.sidScratch);
    }

    /**
     * The hello's change to the open session, as one journal message: a carry's facts (when
     * {@code kind} is carried), its context, the machine's hello, its session_start (and raw hello)
     * record. False when the journal could not take it: a session made for this hello goes again,
     * and the client is told to come back later.
     *
     * @param created whether the record was made for this hello.
     */
    private boolean start(final CompiledCatalog catalog, final SessionAccess access, final SessionId id, final boolean created,
        final SessionStartKind kind, final DecodedMessage message, final long nowMs, final Outbox out)
    {
        final SessionStateFlyweight state = access.state();
        try (SessionChange change = loop.change.begin(state, access.server(), 0))
        {
            if (kind == SessionStartKind.CARRIED)
            {
                loop.carries.take(state, access.server(), created, message.acked(), nowMs);
            }
            final CharSequence[] context = loop.contextStrings;
            final TokenContext token = loop.tokens == null ? null : loop.tokens.context();
            final int pairs = HelloContext.select(message, token, catalog.clientContext(), context);
            ContextPairs.put(catalog, state, context, pairs, HelloContext.trustedPairs(token));
            state.context().wallSkewMs(loop.recordWallMs() - nowMs);
            loop.machine.hello(catalog, state, access.server(), nowMs);
            loop.journal.sessionStart(loop.recordWallMs(), id.hi(), id.lo(), catalog.versionHash(), kind, state.visitorHash(),
                catalog.siteKey(), context, 2 * pairs);
            if (catalog.captureEvents())
            {
                loop.capture.hello(loop.recordWallMs(), nowMs, id.hi(), id.lo(), catalog.versionHash(), kind != SessionStartKind.NEW,
                    state.visitorHash(), context, pairs);
            }
            if (!change.commit())
            {
                // Nothing of the session may change without its record: a session made for this hello goes again.
                if (created)
                {
                    access.remove();
                }
                out.overloaded(false, 0);
                return false;
            }
        }
        // No recordsPosition: a hello is not acked, so no ack waits for its session_start.
        return true;
    }

    /**
     * The visitor a new session starts with: a signed token's visitor claim, else the hello's
     * {@code vid} (already checked by the decoder), else none (0). Only a new session takes one: a
     * resumed session keeps the visitor it started with, so its arm of the holdout never changes.
     */
    private long visitorHash(final DecodedMessage message, final boolean signed)
    {
        if (signed && loop.tokens.visitorHash() != 0)
        {
            return loop.tokens.visitorHash();
        }
        final CharField vid = message.vid();
        return vid.present() ? Hash64.visitor(vid.array(), 0, vid.length()) : 0;
    }

    /** Whether the open record is a session of this site in the current layouts, so a hello may resume it. */
    private static boolean resumable(final SessionAccess access, final long siteKey)
    {
        return access.state().layoutVersion() == SessionStateFlyweight.LAYOUT_VERSION &&
            access.server().version() == ServerSessionFlyweight.LAYOUT_VERSION &&
            access.state().siteKey() == siteKey;
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
}
