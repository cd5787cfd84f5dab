package dev.pulse.server.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import dev.pulse.server.timer.PulseClock;
import dev.pulse.server.webhook.WebhookSigner;

/**
 * The demo store's fake payment, {@code POST /demo/api/pay} (only with the demo on): the part a
 * real shop's backend plays. The checkout sends the session's sid and the card's last four digits
 * (never the card); the test card {@value #DECLINED_CARD} is declined, and then this "backend" posts
 * {@code payment_declined} to the real ingest route over loopback HTTP, signed with the demo's own
 * key (made at start, never written anywhere), exactly as a site's backend would. Any other card
 * is paid. The answer waits for the ingest's, so the page shows the decline when Pulse has it.
 *
 * <p>Thread-safe; never blocks a loop (the loopback POST is asynchronous).
 */
public final class DemoPayments
{
    /** The route's path. */
    public static final String PATH = "/demo/api/pay";
    /** The test card that is declined (as Stripe's generic decline test card): 4000 0000 0000 0002. */
    public static final String DECLINED_CARD = "4000000000000002";
    static final String KEY_ID = "demo-backend";
    private static final Pattern BODY = Pattern.compile(
        "\\{\\s*\"sid\"\\s*:\\s*\"([0-9a-f]{32})\"\\s*,\\s*\"last4\"\\s*:\\s*\"([0-9]{4})\"\\s*,\\s*\"amount\"\\s*:\\s*([0-9]{1,7}(?:\\.[0-9]{1,2})?)\\s*}");

    private final String site;
    private final byte[] secret;
    private final String host;
    private final IntSupplier port;
    private final PulseClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoPayments(final String site, final byte[] secret, final String host, final IntSupplier port, final PulseClock clock)
    {
        this.site = site;
        this.secret = secret;
        this.host = host;
        this.port = port;
        this.clock = clock;
    }

    /**
     * The demo's payments for {@code site}, with a key of their own added to {@code keys}.
     *
     * @param bind the server's bind address: the loopback POST goes to it (127.0.0.1 for any address).
     * @param port the server's port, once it listens.
     */
    public static DemoPayments start(final LiveIngestKeys keys, final String site, final String bind, final IntSupplier port,
        final PulseClock clock)
    {
        final byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        final byte[] secret = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
        keys.add(site, KEY_ID, secret);
        final boolean any = bind == null || bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty();
        final String host = any ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
        return new DemoPayments(site, secret, host, port, clock);
    }

    /** Answers a payment: now (paid, or a refusal), or null when the answer comes through {@code later}. */
    FullHttpResponse route(final FullHttpRequest request, final Consumer<FullHttpResponse> later)
    {
        if (!HttpMethod.POST.equals(request.method()))
        {
            return IngestAnswers.json(HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":\"method_not_allowed\"}");
        }
        final Matcher body = BODY.matcher(request.content().toString(StandardCharsets.UTF_8));
        if (!body.matches())
        {
            return IngestAnswers.json(HttpResponseStatus.BAD_REQUEST, "{\"error\":\"malformed\"}");
        }
        if (!DECLINED_CARD.endsWith(body.group(2)))
        {
            return IngestAnswers.json(HttpResponseStatus.OK, "{\"paid\":true}");
        }
        final String sid = body.group(1);
        final byte[] event = ("{\"sid\":\"" + sid + "\",\"name\":\"payment_declined\",\"fields\":{\"reason\":\"card_declined\",\"amount\":"
            + body.group(3) + "}}").getBytes(StandardCharsets.UTF_8);
        final long t = clock.wallMs() / 1000;
        final HttpRequest post = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port.getAsInt() + "/v1/sites/" + site + "/events?route=" + sid))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header(IngestSignature.KEY_HEADER, KEY_ID)
            .header(IngestSignature.SIGNATURE_HEADER, new WebhookSigner(secret).header(t, event))
            .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
        http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) ->
            later.accept(IngestAnswers.json(HttpResponseStatus.OK, "{\"paid\":false,\"reason\":\"card_declined\",\"told\":"
                + (failure == null && response.statusCode() == 202) + "}")));
        return null;
    }
}
