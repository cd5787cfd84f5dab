package dev.pulse.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way Stripe signs its events: the header
 * {@code Pulse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} under the secret of
 * {@code webhook_secret_file}. The time is inside the signed text, so a receiver that refuses an old
 * {@code t} refuses a replayed request too ({@link WebhookVerifier}). Not thread-safe: one a lane.
 */
public final class WebhookSigner
{
    /** The header that carries the signature. */
    public static final String HEADER = "Pulse-Signature";
    static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    public WebhookSigner(final byte[] secret)
    {
        mac = mac(secret);
    }

    /** The header's value for {@code body} sent at {@code unixSeconds}. */
    public String header(final long unixSeconds, final byte[] body)
    {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest(mac, unixSeconds, body));
    }

    /** HMAC-SHA256 of {@code "<t>.<body>"}: what {@code v1} carries, in hex (the backend ingest checks its requests by it too). */
    public static byte[] digest(final Mac mac, final long unixSeconds, final byte[] body)
    {
        mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(body);
    }

    /** A Mac for {@code secret}: not thread-safe, one per user. */
    public static Mac mac(final byte[] secret)
    {
        try
        {
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        }
        catch (final NoSuchAlgorithmException | InvalidKeyException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
        }
    }
}
