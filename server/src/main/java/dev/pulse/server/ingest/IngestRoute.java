package dev.pulse.server.ingest;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;

import dev.pulse.detect.Hash64;
import dev.pulse.server.ingest.IngestAnswers.Refusal;
import dev.pulse.server.timer.PulseClock;
import dev.pulse.server.ws.BackendDelivery;
import dev.pulse.server.ws.BackendEvent;

/**
 * {@code POST /v1/sites/{site}/events}: an event from the site's backend into a session. Checks in
 * this order, each refusal before anything reaches a session: the body's size ({@code ingest_max_body_bytes},
 * 400 too_large), the key ({@code Pulse-Key}, 401 unknown_key for an unknown site or key), the
 * signature ({@link IngestSignature}: 401 stale_timestamp or bad_signature), the key's rate
 * ({@link KeyRates}, 429), the body ({@link BackendEventBody}, 400 malformed), the event id
 * ({@link SeenEventIds}, per session and key: a retry is answered 202 duplicate and not taken again, also
 * after a restart). Then
 * {@link BackendDelivery} takes it to the session: 202 applied (on its live connection's loop) or
 * kept (until it comes back), 404 unknown_session, 503 overloaded (nothing changed; retry).
 *
 * <p>Thread-safe: one instance serves every event loop; the answer may come from another loop.
 */
public final class IngestRoute
{
    /** Every path under this is the ingest's. */
    public static final String PREFIX = "/v1/sites/";
    private static final Pattern PATH = Pattern.compile("/v1/sites/([A-Za-z0-9._-]{1,64})/events");

    private final LiveIngestKeys keys;
    private final KeyRates rates;
    private final int maxBodyBytes;
    private final SeenEventIds seen;
    private final BackendDelivery delivery;
    private final PulseClock clock;
    private final IngestMetrics metrics;
    /** The demo's fake payments; null unless the demo is on. */
    private final DemoPayments demoPayments;

    /**
     * @param ratePerKey   requests a second per key ({@code ingest_rate_per_key}).
     * @param maxBodyBytes the largest body taken ({@code ingest_max_body_bytes}).
     * @param seen         the ids taken lately, those of before a restart among them.
     * @param demoPayments the demo store's fake payments ({@link DemoPayments#PATH}), or null without the demo.
     */
    public IngestRoute(final LiveIngestKeys keys, final int ratePerKey, final int maxBodyBytes, final SeenEventIds seen,
        final BackendDelivery delivery, final PulseClock clock, final IngestMetrics metrics, final DemoPayments demoPayments)
    {
        this.seen = seen;
        this.demoPayments = demoPayments;
        this.keys = keys;
        this.rates = new KeyRates(ratePerKey);
        this.maxBodyBytes = maxBodyBytes;
        this.delivery = delivery;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Whether {@code path} is this route's: under {@link #PREFIX}, or the demo's payments when the demo is on. */
    public boolean serves(final String path)
    {
        return path.startsWith(PREFIX) || demoPayments != null && path.equals(DemoPayments.PATH);
    }

    /**
     * Answers a request under {@link #PREFIX}: its answer, or null when it comes later through
     * {@code later} (from whichever loop delivered the event).
     */
    public FullHttpResponse route(final EventLoop loop, final FullHttpRequest request, final String path,
        final Consumer<FullHttpResponse> later)
    {
        if (path.equals(DemoPayments.PATH))
        {
            return demoPayments.route(request, later);
        }
        final Matcher matcher = PATH.matcher(path);
        if (!matcher.matches())
        {
            return refuse(Refusal.NOT_FOUND, "POST /v1/sites/{site}/events");
        }
        if (!HttpMethod.POST.equals(request.method()))
        {
            return refuse(Refusal.METHOD_NOT_ALLOWED, "POST a backend event");
        }
        if (request.content().readableBytes() > maxBodyBytes)
        {
            return refuse(Refusal.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
        }
        final String site = matcher.group(1);
        final String keyId = request.headers().get(IngestSignature.KEY_HEADER);
        final byte[] secret = keys.current().secret(site, keyId);
        if (secret == null)
        {
            return refuse(Refusal.UNKNOWN_KEY, "no such site or key");
        }
        final byte[] body = ByteBufUtil.getBytes(request.content());
        final long nowMs = clock.wallMs();
        switch (IngestSignature.check(request.headers().get(IngestSignature.SIGNATURE_HEADER), secret, body, nowMs / 1000))
        {
            case STALE:
                return refuse(Refusal.STALE_TIMESTAMP, "t is more than " + IngestSignature.TOLERANCE_SECONDS + " s from the server's clock");
            case BAD:
                return refuse(Refusal.BAD_SIGNATURE, "the signature does not match the body");
            default:
                break;
        }
        if (!rates.tryTake(site, keyId, System.nanoTime()))
        {
            return refuse(Refusal.RATE_LIMITED, "over ingest_rate_per_key");
        }
        final BackendEventBody event;
        try
        {
            event = BackendEventBody.read(body);
        }
        catch (final BackendEventBody.MalformedBody ex)
        {
            return refuse(Refusal.MALFORMED, ex.getMessage());
        }
        final boolean named = event.eventId != null;
        final String eventId = named ? event.eventId : generatedId();
        if (named && !seen.claim(event.sidHi, event.sidLo, keyId, eventId, nowMs))
        {
            return IngestAnswers.taken("duplicate", eventId);
        }
        final BackendEvent backend = new BackendEvent(event.sidHi, event.sidLo, Hash64.of(site), event.name, keyId, eventId, nowMs,
            event.fields);
        delivery.deliver(loop, backend, outcome ->
        {
            if (named && outcome != BackendDelivery.Outcome.APPLIED && outcome != BackendDelivery.Outcome.KEPT
                && outcome != BackendDelivery.Outcome.DUPLICATE)
            {
                seen.release(event.sidHi, event.sidLo, keyId, eventId);
            }
            later.accept(answer(outcome, eventId));
        });
        return null;
    }

    private FullHttpResponse answer(final BackendDelivery.Outcome outcome, final String eventId)
    {
        switch (outcome)
        {
            case APPLIED:
                metrics.applied.increment();
                return IngestAnswers.taken("applied", eventId);
            case KEPT:
                metrics.kept.increment();
                return IngestAnswers.taken("kept", eventId);
            case DUPLICATE:
                return IngestAnswers.taken("duplicate", eventId);
            case NO_SESSION:
                return refuse(Refusal.UNKNOWN_SESSION, "no session of this site has this sid");
            default:
                return refuse(Refusal.OVERLOADED, "the journal could not take the event now; nothing changed");
        }
    }

    private FullHttpResponse refuse(final Refusal refusal, final String detail)
    {
        metrics.refused.increment();
        return IngestAnswers.refused(refusal, detail);
    }

    /** An id for an event sent without one, so its kept and applied records pair up. */
    private static String generatedId()
    {
        final byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return "pulse-" + HexFormat.of().formatHex(random);
    }
}
