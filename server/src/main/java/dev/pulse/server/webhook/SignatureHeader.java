package dev.pulse.server.webhook;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one parse of a {@code Pulse-Signature} header ({@link WebhookSigner}): comma-separated parts,
 * each stripped of spaces around it; one {@code t=<unix seconds>} (digits only, at most 12) and any
 * number of {@code v1=<hex>}, as during a secret rotation. Other parts (a future {@code v2=}) are
 * passed over. A {@code v1} that is not hex is kept as an empty digest, which matches nothing.
 */
final class SignatureHeader
{
    /** No {@code t} that reads: missing, repeated, not digits, or too long. */
    static final long NO_TIME = -1;

    private static final int MAX_TIME_DIGITS = 12;

    private final long unixSeconds;
    private final List<byte[]> digests;

    private SignatureHeader(final long unixSeconds, final List<byte[]> digests)
    {
        this.unixSeconds = unixSeconds;
        this.digests = digests;
    }

    /** Parses {@code header}, which may be null (then it has no time and no digest). */
    static SignatureHeader parse(final String header)
    {
        long t = NO_TIME;
        int times = 0;
        final List<byte[]> digests = new ArrayList<>(1);
        if (header != null)
        {
            for (final String part : header.split(",", -1))
            {
                final String trimmed = part.strip();
                if (trimmed.startsWith("t="))
                {
                    times++;
                    t = seconds(trimmed.substring(2));
                }
                else if (trimmed.startsWith("v1="))
                {
                    digests.add(hex(trimmed.substring(3)));
                }
            }
        }
        return new SignatureHeader(times == 1 ? t : NO_TIME, digests);
    }

    /** The signed time, or {@link #NO_TIME}. */
    long unixSeconds()
    {
        return unixSeconds;
    }

    /** Every {@code v1}, in order (empty where it was not hex). */
    List<byte[]> digests()
    {
        return digests;
    }

    private static long seconds(final String digits)
    {
        if (digits.isEmpty() || digits.length() > MAX_TIME_DIGITS)
        {
            return NO_TIME;
        }
        for (int i = 0; i < digits.length(); i++)
        {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9')
            {
                return NO_TIME;
            }
        }
        return Long.parseLong(digits);
    }

    private static byte[] hex(final String hex)
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
