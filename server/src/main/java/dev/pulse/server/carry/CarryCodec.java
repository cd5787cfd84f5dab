package dev.pulse.server.carry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.server.auth.Base64Url;
import dev.pulse.server.auth.SigningKey;

/**
 * The carry as text: {@code c1.<payload>.<mac>}, both unpadded base64url, the payload a
 * {@link CarryFlyweight} and the MAC HMAC-SHA256 under the cluster key over the version ({@code c1})
 * and the payload, which names the site by its hash. {@link #seal} writes one for the payload
 * {@link #payload()} holds; {@link #open} checks one, in this order: its form, its MAC (nothing in
 * it is read before the MAC matched), its counts, its site, its age. The MAC is compared with
 * {@link MessageDigest#isEqual}, which reads every byte whatever the first difference.
 *
 * <p>Allocation-free: one payload buffer, one MAC, reused. Not thread-safe: one per event loop.
 */
public final class CarryCodec
{
    /** The version and its dot. A later layout gets another version, and a node refuses what it cannot read. */
    static final String PREFIX = "c1.";
    private static final byte[] SIGNED_VERSION = "c1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 32;
    private static final int MAC_CHARS = Base64Url.encodedLength(MAC_BYTES);
    /** The longest carry text: {@code c1.}, the longest payload, a dot, the MAC. */
    public static final int MAX_TEXT = PREFIX.length() + Base64Url.encodedLength(CarryFlyweight.MAX_LENGTH) + 1 + MAC_CHARS;

    private final Mac mac;
    private final byte[] payloadBytes = new byte[CarryFlyweight.MAX_LENGTH];
    private final CarryFlyweight payload = new CarryFlyweight().wrap(new UnsafeBuffer(payloadBytes));
    private final byte[] presentedMac = new byte[MAC_BYTES];
    private final byte[] expectedMac = new byte[MAC_BYTES];

    public CarryCodec(final SigningKey clusterKey)
    {
        this.mac = clusterKey.newMac();
    }

    /** The payload: fill it before {@link #seal}; read it after {@link #open} answered {@link CarryCheck#VALID}. */
    public CarryFlyweight payload()
    {
        return payload;
    }

    /**
     * Writes the carry of {@link #payload()} as ASCII into {@code out} from {@code offset}, which
     * must have {@link #MAX_TEXT} bytes free.
     *
     * @return the bytes written.
     */
    public int seal(final byte[] out, final int offset)
    {
        final int length = payload.length();
        sign(length);
        int at = offset;
        for (int i = 0; i < PREFIX.length(); i++)
        {
            out[at++] = (byte)PREFIX.charAt(i);
        }
        at += Base64Url.encode(payloadBytes, 0, length, out, at);
        out[at++] = '.';
        at += Base64Url.encode(expectedMac, 0, MAC_BYTES, out, at);
        return at - offset;
    }

    /**
     * Checks {@code text} for the site of {@code siteHash} at {@code nowWallMs}; on
     * {@link CarryCheck#VALID} its facts are in {@link #payload()}.
     *
     * @param maxAgeMs a carry issued longer ago than this (the catalog's session expiry) is refused.
     */
    public CarryCheck open(final CharSequence text, final long siteHash, final long nowWallMs, final long maxAgeMs)
    {
        final int length = text.length();
        if (length <= PREFIX.length() + 1 + MAC_CHARS || length > MAX_TEXT || !startsWithPrefix(text) ||
            text.charAt(length - MAC_CHARS - 1) != '.')
        {
            return CarryCheck.MALFORMED;
        }
        final int payloadChars = length - MAC_CHARS - 1 - PREFIX.length();
        final int decoded = Base64Url.decode(text, PREFIX.length(), payloadChars, payloadBytes);
        if (decoded < 0 || Base64Url.decode(text, length - MAC_CHARS, MAC_CHARS, presentedMac) != MAC_BYTES)
        {
            return CarryCheck.MALFORMED;
        }
        sign(decoded);
        if (!MessageDigest.isEqual(expectedMac, presentedMac))
        {
            return CarryCheck.BAD_MAC;
        }
        if (!payload.lengthAgrees(decoded))
        {
            return CarryCheck.MALFORMED;
        }
        if (payload.siteHash() != siteHash)
        {
            return CarryCheck.OTHER_SITE;
        }
        return nowWallMs - payload.issuedAtWallMs() > maxAgeMs ? CarryCheck.EXPIRED : CarryCheck.VALID;
    }

    private static boolean startsWithPrefix(final CharSequence text)
    {
        for (int i = 0; i < PREFIX.length(); i++)
        {
            if (text.charAt(i) != PREFIX.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** The MAC of the version and the first {@code length} payload bytes, into {@link #expectedMac}. */
    private void sign(final int length)
    {
        try
        {
            mac.update(SIGNED_VERSION, 0, SIGNED_VERSION.length);
            mac.update(payloadBytes, 0, length);
            mac.doFinal(expectedMac, 0);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 writes 32 bytes", ex);
        }
    }
}
