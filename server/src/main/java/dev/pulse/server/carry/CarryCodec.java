package dev.pulse.server.carry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.server.auth.Base64Url;
import dev.pulse.server.auth.SigningKey;

/**
 * The carry as text: {@code c2.<payload>.<mac>}, both unpadded base64url, the payload a
 * {@link CarryFlyweight} and the MAC HMAC-SHA256 under the cluster key over the version ({@code c2})
 * and the payload, which names the site by its hash. Version {@code c2} is a payload with its tail
 * ({@link CarryTail}), {@code c1} one without (what nodes before the tail wrote and read). This node
 * writes {@code c2} for every session and reads both; a node that knows only {@code c1} refuses a
 * {@code c2} carry as malformed by its prefix (and one relabelled {@code c1} fails the MAC, which
 * covers the version), and serves that hello as if it had no carry. {@link #seal} writes one for the payload
 * {@link #payload()} holds; {@link #open} checks one, in this order: its form, its MAC (nothing in
 * it is read before the MAC matched), its counts, its site, its age. The MAC is compared with
 * {@link MessageDigest#isEqual}, which reads every byte whatever the first difference.
 *
 * <p>Allocation-free: one payload buffer, one MAC, reused. Not thread-safe: one per event loop.
 */
public final class CarryCodec
{
    /** The version without the tail, and its dot. A later layout gets another version, and a node refuses what it cannot read. */
    static final String PREFIX = "c1.";
    /** The version with the tail, and its dot: the same length as {@link #PREFIX}. */
    static final String TAIL_PREFIX = "c2.";
    private static final byte[] SIGNED_VERSION = "c1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNED_TAIL_VERSION = "c2".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 32;
    private static final int MAC_CHARS = Base64Url.encodedLength(MAC_BYTES);
    /** The longest carry text (943 characters): {@code c2.}, the longest payload, a dot, the MAC. */
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
        final boolean tail = payload.hasTail();
        sign(length, tail);
        final String prefix = tail ? TAIL_PREFIX : PREFIX;
        int at = offset;
        for (int i = 0; i < prefix.length(); i++)
        {
            out[at++] = (byte)prefix.charAt(i);
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
        if (length <= PREFIX.length() + 1 + MAC_CHARS || length > MAX_TEXT || text.charAt(length - MAC_CHARS - 1) != '.')
        {
            return CarryCheck.MALFORMED;
        }
        final boolean tail = startsWith(text, TAIL_PREFIX);
        if (!tail && !startsWith(text, PREFIX))
        {
            return CarryCheck.MALFORMED;
        }
        final int payloadChars = length - MAC_CHARS - 1 - PREFIX.length();
        final int decoded = Base64Url.decode(text, PREFIX.length(), payloadChars, payloadBytes);
        if (decoded < 0 || Base64Url.decode(text, length - MAC_CHARS, MAC_CHARS, presentedMac) != MAC_BYTES)
        {
            return CarryCheck.MALFORMED;
        }
        sign(decoded, tail);
        if (!MessageDigest.isEqual(expectedMac, presentedMac))
        {
            return CarryCheck.BAD_MAC;
        }
        if (!payload.lengthAgrees(decoded, tail))
        {
            return CarryCheck.MALFORMED;
        }
        if (payload.siteHash() != siteHash)
        {
            return CarryCheck.OTHER_SITE;
        }
        return nowWallMs - payload.issuedAtWallMs() > maxAgeMs ? CarryCheck.EXPIRED : CarryCheck.VALID;
    }

    private static boolean startsWith(final CharSequence text, final String prefix)
    {
        for (int i = 0; i < prefix.length(); i++)
        {
            if (text.charAt(i) != prefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** The MAC of the version ({@code c2} with the tail) and the first {@code length} payload bytes, into {@link #expectedMac}. */
    private void sign(final int length, final boolean tail)
    {
        final byte[] version = tail ? SIGNED_TAIL_VERSION : SIGNED_VERSION;
        try
        {
            mac.update(version, 0, version.length);
            mac.update(payloadBytes, 0, length);
            mac.doFinal(expectedMac, 0);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 writes 32 bytes", ex);
        }
    }
}
