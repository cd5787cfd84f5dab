package dev.pulse.server.ws;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.carry.CarryCheck;
import dev.pulse.server.carry.CarryCodec;
import dev.pulse.server.carry.CarryFlyweight;
import dev.pulse.server.carry.CarryMetrics;
import dev.pulse.server.carry.SessionCarry;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.session.SessionId;

/**
 * A loop's side of the carry (docs/protocol.md, "Carrying a session to another node"): checks a
 * hello's carry against the session the hello names, takes its facts into the session record
 * (adopted, or superseding a stale record), and puts a fresh carry in the {@link Outbox} after a
 * hello and after any message or timer that changed what the carry holds (a question shown or
 * held out, an answer, a dismiss, an open question closing, a response asking "Did this help?" or
 * its answer, a context pair or goal). Without a cluster key it does nothing,
 * and a hello's carry is ignored uncounted.
 *
 * <p>Allocation-free (the codec's buffers and the outbox's array). Not thread-safe: one per event loop.
 */
final class CarryHandler
{
    private final LoopContext loop;
    private final CarryCodec codec;
    private final CarryMetrics metrics;
    private final SessionCarry facts = new SessionCarry();

    CarryHandler(final ServerContext server, final LoopContext loop)
    {
        this.loop = loop;
        this.codec = server.clusterKey() == null ? null : new CarryCodec(server.clusterKey());
        this.metrics = server.carryMetrics();
    }

    boolean enabled()
    {
        return codec != null;
    }

    /**
     * Whether the hello's carry is valid for the session {@code id} it names; if so its facts are
     * the codec's payload until the next check. Otherwise it is counted by reason (when the server
     * has a key) and the hello goes on as if it had none.
     */
    boolean check(final DecodedMessage message, final boolean named, final SessionId id, final long siteHash, final long maxAgeMs)
    {
        if (codec == null || !message.carry().present())
        {
            return false;
        }
        CarryCheck check = codec.open(message.carry(), siteHash, loop.recordWallMs(), maxAgeMs);
        if (check == CarryCheck.VALID && (!named || codec.payload().sidHi() != id.hi() || codec.payload().sidLo() != id.lo()))
        {
            check = CarryCheck.OTHER_SESSION;
        }
        if (check != CarryCheck.VALID)
        {
            metrics.ignored(check);
            return false;
        }
        return true;
    }

    /** Whether the checked carry was issued after this node's record of the session last issued or took one. */
    boolean newerThan(final ServerSessionFlyweight record)
    {
        return codec.payload().generation() > record.carryGeneration();
    }

    /**
     * Takes the checked carry's facts into the session: a record made for this hello adopts them, a
     * stale one is superseded. Either way the session's seq goes on from what the client saw acked,
     * which was recorded (on the node that acked it).
     */
    void take(final SessionStateFlyweight state, final ServerSessionFlyweight record, final boolean created, final long acked,
        final long nowMs)
    {
        final CarryFlyweight payload = codec.payload();
        if (created)
        {
            facts.adopt(payload, state, record, nowMs, loop.recordWallMs());
            metrics.adopted();
        }
        else
        {
            facts.supersede(payload, state, record, nowMs, loop.recordWallMs());
            metrics.superseded();
        }
        if (acked > state.lastSeq())
        {
            state.lastSeq(acked);
        }
        if (acked > record.recordedSeq())
        {
            record.recordedSeq(acked);
        }
    }

    /** What a carry holds that a message can change, as one digest ({@link SessionCarry#mark}); compare before and after (0 without a key). */
    long mark(final SessionStateFlyweight state)
    {
        return codec == null ? 0 : facts.mark(state);
    }

    /** After a committed message or timer: a fresh carry if what it holds changed since {@code before}. */
    void afterChange(final SessionStateFlyweight state, final ServerSessionFlyweight record, final long before, final long nowMs,
        final Outbox out)
    {
        if (codec != null && mark(state) != before)
        {
            issue(state, record, nowMs, out);
        }
    }

    /** Puts a fresh carry of the session in {@code out} (under the next generation), for the session's site. */
    void issue(final SessionStateFlyweight state, final ServerSessionFlyweight record, final long nowMs, final Outbox out)
    {
        if (codec == null)
        {
            return;
        }
        facts.fill(codec.payload(), state, record, state.siteKey(), nowMs, loop.recordWallMs());
        out.carryLength = codec.seal(out.carry, 0);
        metrics.issued();
    }
}
