package dev.pulse.server.ingest;

import dev.pulse.server.webhook.SignatureCheck;
import dev.pulse.server.webhook.WebhookSigner;
import dev.pulse.server.webhook.WebhookVerifier;

/**
 * Checks a backend event's signature, signed as Pulse signs its webhooks ({@link WebhookSigner}):
 * {@code Pulse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} under the key's
 * secret, read and checked by the webhooks' own {@link WebhookVerifier}. The time is inside the
 * signed text, so refusing a {@code t} more than {@link #TOLERANCE_SECONDS} from now refuses a
 * replayed request too; an event id ({@link SeenEventIds}) catches a replay within the window.
 * Stateless.
 */
final class IngestSignature
{
    /** The header that names the key. */
    static final String KEY_HEADER = "Pulse-Key";
    /** The header that carries the signature. */
    static final String SIGNATURE_HEADER = WebhookSigner.HEADER;
    /** How far a request's {@code t} may be from the server's clock, either way: 5 minutes, as Stripe's. */
    static final long TOLERANCE_SECONDS = 300;

    private IngestSignature()
    {
    }

    /** Whether {@code header} signs exactly {@code body} under {@code secret}, at a time within the tolerance of {@code nowSeconds}. */
    static SignatureCheck check(final String header, final byte[] secret, final byte[] body, final long nowSeconds)
    {
        return new WebhookVerifier(secret, TOLERANCE_SECONDS).check(header, body, nowSeconds);
    }
}
