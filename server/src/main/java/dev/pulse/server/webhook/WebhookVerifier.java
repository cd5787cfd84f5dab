package dev.pulse.server.webhook;

import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;

/**
 * What a receiver does with {@code Pulse-Signature} ({@link WebhookSigner}), in Java: take {@code t}
 * and every {@code v1} of the header, compute HMAC-SHA256 of {@code "<t>.<raw body>"} under the
 * shared secret, compare in constant time with each {@code v1}, and refuse a {@code t} further than
 * the tolerance from now (a replay). Kept here as the reference docs/operations.md describes and the
 * tests hold the signer to. Not thread-safe.
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
        if (header == null)
        {
            return false;
        }
        long t = -1;
        for (final String part : header.split(","))
        {
            if (part.startsWith("t="))
            {
                try
                {
                    t = Long.parseLong(part.substring(2));
                }
                catch (final NumberFormatException ex)
                {
                    return false;
                }
            }
        }
        if (t < 0 || Math.abs(nowSeconds - t) > toleranceSeconds)
        {
            return false;
        }
        final byte[] expected = WebhookSigner.digest(mac, t, body);
        for (final String part : header.split(","))
        {
            if (part.startsWith("v1=") && MessageDigest.isEqual(expected, parseHex(part.substring(3))))
            {
                return true;
            }
        }
        return false;
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
