package dev.pulse.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One POST of a body to an endpoint, signed afresh for each try ({@link WebhookSigner}), redirects
 * not followed (a redirect could lead to plain http). Its answer says whether to try again:
 * <ul>
 *   <li>2xx: delivered.</li>
 *   <li>a connection error, a timeout, 5xx, 408 (request timeout), 425 (too early) or 429 (too many
 *   requests): try again later; the receiver may be down, busy or restarting.</li>
 *   <li>any other status (other 4xx, a 3xx): not again. The same body and signature would get the
 *   same answer (a 400, 401 or 403 is a receiver that refuses this request or this secret, a 404 or
 *   410 a wrong URL, a 413 a body too large), and the ordered lane would hold every later record of
 *   its sessions behind it for the whole backoff. It goes to the dead-letter file at once, to be
 *   resent once the receiver or the settings are fixed.</li>
 * </ul>
 */
final class WebhookPoster
{
    /** What one try came to: {@code error} null when delivered; {@code retry} whether another try may succeed. */
    record Answer(String error, boolean retry)
    {
        static final Answer DELIVERED = new Answer(null, false);

        boolean delivered()
        {
            return error == null;
        }
    }

    private final HttpClient http;
    private final WebhookSigner signer;
    private final Duration timeout;

    WebhookPoster(final HttpClient http, final byte[] secret, final long timeoutMs)
    {
        this.http = http;
        this.signer = new WebhookSigner(secret);
        this.timeout = Duration.ofMillis(timeoutMs);
    }

    static HttpClient client(final long timeoutMs)
    {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofMillis(timeoutMs)).build();
    }

    /** Posts {@code delivery} to {@code url}, try number {@code attempt} (from 1). */
    Answer post(final URI url, final WebhookDelivery delivery, final int attempt, final long nowMs) throws InterruptedException
    {
        return post(url, delivery.id(), delivery.event(), delivery.body(), attempt, nowMs);
    }

    /** Posts {@code body} (its id and event name in the headers) to {@code url}, try number {@code attempt} (from 1). */
    Answer post(final URI url, final String id, final String event, final byte[] body, final int attempt, final long nowMs)
        throws InterruptedException
    {
        final HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Pulse-Webhooks")
            .header("Pulse-Id", id)
            .header("Pulse-Event", event)
            .header("Pulse-Attempt", Integer.toString(attempt))
            .header(WebhookSigner.HEADER, signer.header(nowMs / 1000, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        final int status;
        try
        {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (final HttpTimeoutException ex)
        {
            return new Answer("timed out after " + timeout.toMillis() + " ms", true);
        }
        catch (final IOException ex)
        {
            return new Answer("could not connect or send: " + ex, true);
        }
        if (status >= 200 && status < 300)
        {
            return Answer.DELIVERED;
        }
        final boolean retry = status >= 500 || status == 408 || status == 425 || status == 429;
        return new Answer("HTTP " + status, retry);
    }
}
