package dev.pulse.server.ingest;

import java.security.MessageDigest;
import java.util.HexFormat;

import dev.pulse.server.webhook.WebhookSigner;

/**
 * Checks a backend event's signature, signed as Pulse signs its webhooks (the webhook package's
 * {@code WebhookSigner}): {@code Pulse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}
 * under the key's secret. The time is inside the signed text, so refusing a {@code t} more than
 * {@link #TOLERANCE_SECONDS} from now refuses a replayed request too; an event id
 * ({@link SeenEventIds}) catches a replay within the window. Stateless.
 */
final class IngestSignature
{
    /** The header that names the key. */
    static final String KEY_HEADER = "Pulse-Key";
    /** The header that carries the signature. */
    static final String SIGNATURE_HEADER = "Pulse-Signature";
    /** How far a request's {@code t} may be from the server's clock, either way: 5 minutes, as Stripe's. */
    static final long TOLERANCE_SECONDS = 300;

    /** The result of a check. */
    enum Check
    {
        VALID,
        /** No header, no {@code t}, or no {@code v1} that matches. */
        BAD,
        /** A well-formed {@code t} outside the tolerance. */
        STALE
    }

    private IngestSignature()
    {
    }

    /** Whether {@code header} signs exactly {@code body} under {@code secret}, at a time within the tolerance of {@code nowSeconds}. */
    static Check check(final String header, final byte[] secret, final byte[] body, final long nowSeconds)
    {
        final long t = timestamp(header);
        if (t < 0)
        {
            return Check.BAD;
        }
        if (Math.abs(nowSeconds - t) > TOLERANCE_SECONDS)
        {
            return Check.STALE;
        }
        final byte[] expected = digest(secret, t, body);
        for (final String part : header.split(","))
        {
            final String trimmed = part.strip();
            if (trimmed.startsWith("v1=") && MessageDigest.isEqual(expected, parseHex(trimmed.substring(3))))
            {
                return Check.VALID;
            }
        }
        return Check.BAD;
    }

    /** The header's {@code t} in unix seconds, or -1 when it has none that reads. */
    static long timestamp(final String header)
    {
        if (header == null)
        {
            return -1;
        }
        for (final String part : header.split(","))
        {
            final String trimmed = part.strip();
            if (trimmed.startsWith("t=") && trimmed.length() > 2 && trimmed.length() <= 14)
            {
                try
                {
                    return Long.parseLong(trimmed.substring(2));
                }
                catch (final NumberFormatException ex)
                {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** HMAC-SHA256 of {@code "<t>.<body>"}: the webhooks' scheme ({@link WebhookSigner#digest}). */
    static byte[] digest(final byte[] secret, final long unixSeconds, final byte[] body)
    {
        return WebhookSigner.digest(WebhookSigner.mac(secret), unixSeconds, body);
    }

    private static byte[] parseHex(final String hex)
    {
        try
        {
            return HexFormat.of().parseHex(hex);
        }
        catch (final IllegalArgumentException ex)
        {
            return new byte[0];
        }
    }
}
