package dev.pulse.server.webhook;

import java.security.MessageDigest;

import javax.crypto.Mac;

/**
 * What a receiver does with {@code Pulse-Signature} ({@link WebhookSigner}), in Java: read the
 * header once ({@link SignatureHeader}: one {@code t}, every {@code v1}, spaces around parts
 * ignored), refuse a {@code t} further than the tolerance from now (a replay), then compute
 * HMAC-SHA256 of {@code "<t>.<raw body>"} under the shared secret and compare it in constant time
 * with each {@code v1}. Kept here as the reference docs/protocol.md describes and the tests hold
 * the signer to; the backend ingest checks its requests with it too. Not thread-safe.
 */
public final class WebhookVerifier
{
    private final Mac mac;
    private final long toleranceSeconds;

    public WebhookVerifier(final byte[] secret, final long toleranceSeconds)
    {
        this.mac = WebhookSigner.mac(secret);
        this.toleranceSeconds = toleranceSeconds;
    }

    /** Whether {@code header} signs exactly {@code body}, at a time within the tolerance of {@code nowSeconds}. */
    public boolean verify(final String header, final byte[] body, final long nowSeconds)
    {
        return check(header, body, nowSeconds) == SignatureCheck.VALID;
    }

    /**
     * The three-way answer: {@link SignatureCheck#STALE} for a readable {@code t} outside the
     * tolerance (whatever its {@code v1}), {@link SignatureCheck#VALID} when a {@code v1} matches,
     * else {@link SignatureCheck#BAD}.
     */
    public SignatureCheck check(final String header, final byte[] body, final long nowSeconds)
    {
        final SignatureHeader parsed = SignatureHeader.parse(header);
        final long t = parsed.unixSeconds();
        if (t == SignatureHeader.NO_TIME)
        {
            return SignatureCheck.BAD;
        }
        if (Math.abs(nowSeconds - t) > toleranceSeconds)
        {
            return SignatureCheck.STALE;
        }
        final byte[] expected = WebhookSigner.digest(mac, t, body);
        for (final byte[] digest : parsed.digests())
        {
            if (MessageDigest.isEqual(expected, digest))
            {
                return SignatureCheck.VALID;
            }
        }
        return SignatureCheck.BAD;
    }
}
