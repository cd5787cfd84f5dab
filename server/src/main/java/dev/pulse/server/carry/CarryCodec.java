package dev.pulse.server.carry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.server.auth.Base64Url;
import dev.pulse.server.auth.SigningKey;

/**
 * The carry as text. Version {@code c2}, what this node writes: {@code c2.<sealed>}, unpadded
 * base64url of the {@link CarryFlyweight} payload with its tail ({@link CarryTail}) encrypted and
 * authenticated by {@code CarryCipher} (AES-256-GCM under a key derived from the cluster key, the
 * version as associated data): the page that keeps it can read nothing of it but its length. GCM's
 * tag is the MAC, so {@code c2} has no other; its payload names the site by its hash. Version
 * {@code c1}, what nodes before the tail wrote: {@code c1.<payload>.<mac>}, the payload without the
 * tail in the clear and HMAC-SHA256 under the cluster key over {@code c1} and the payload. This node
 * reads both, and writes {@code c1} only for a payload without the tail (as an older node did;
 * {@link SessionCarry} always writes the tail). A node that knows only {@code c1} refuses a
 * {@code c2} carry as malformed by its prefix (one relabelled {@code c1} has no MAC, and a
 * {@code c1} relabelled {@code c2} no nonce and tag GCM accepts), and serves that hello as if it had
 * no carry. {@link #seal} writes one for the payload {@link #payload()} holds; {@link #open} checks
 * one, in this order: its form, its tag or MAC (nothing in it is read before it matched: a changed,
 * cut or another cluster's carry is {@link CarryCheck#BAD_MAC}), its counts, its site, its age. The
 * {@code c1} MAC is compared with {@link MessageDigest#isEqual}, which reads every byte whatever the
 * first difference; GCM's tag check is the JDK's, constant-time too.
 *
 * <p>Allocation-free but for the JDK's crypto (GCM's parameters and, to open, its buffer; the MAC's
 * result): one payload buffer, one sealed buffer, one cipher, one MAC, reused. Not thread-safe: one
 * per event loop.
 */
public final class CarryCodec
{
    /** The version without the tail, and its dot. A later layout gets another version, and a node refuses what it cannot read. */
    static final String PREFIX = "c1.";
    /** The version with the tail, sealed, and its dot: the same length as {@link #PREFIX}. */
    static final String TAIL_PREFIX = "c2.";
    private static final byte[] SIGNED_VERSION = "c1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 32;
    private static final int MAC_CHARS = Base64Url.encodedLength(MAC_BYTES);
    /** The longest sealed payload (700 bytes): the longest payload, the nonce and the tag. */
    private static final int MAX_SEALED = CarryFlyweight.MAX_LENGTH + CarryCipher.OVERHEAD;
    /** The longest carry text (937 characters): {@code c2.} and the longest sealed payload ({@code c1}'s longest is 303). */
    public static final int MAX_TEXT = TAIL_PREFIX.length() + Base64Url.encodedLength(MAX_SEALED);

    private final Mac mac;
    private final CarryCipher cipher;
    private final byte[] payloadBytes = new byte[CarryFlyweight.MAX_LENGTH];
    private final byte[] sealedBytes = new byte[MAX_SEALED];
    private final CarryFlyweight payload = new CarryFlyweight().wrap(new UnsafeBuffer(payloadBytes));
    private final byte[] presentedMac = new byte[MAC_BYTES];
    private final byte[] expectedMac = new byte[MAC_BYTES];

    /** One per event loop, made at start: the cipher's key is derived and its nonces seeded here. */
    public CarryCodec(final SigningKey clusterKey)
    {
        this.mac = clusterKey.newMac();
        this.cipher = new CarryCipher(clusterKey, "c2", new SecureRandom());
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
        return payload.hasTail() ? sealBytes(payload.length(), out, offset) : signBytes(payload.length(), out, offset);
    }

    /** The first {@code length} bytes of the payload buffer as they are, as {@code c2}: seal's second half, and a test's forgery under the key. */
    int sealBytes(final int length, final byte[] out, final int offset)
    {
        final int sealed = cipher.seal(payloadBytes, length, sealedBytes);
        final int at = putPrefix(TAIL_PREFIX, out, offset);
        return at - offset + Base64Url.encode(sealedBytes, 0, sealed, out, at);
    }

    private int signBytes(final int length, final byte[] out, final int offset)
    {
        sign(length);
        int at = putPrefix(PREFIX, out, offset);
        at += Base64Url.encode(payloadBytes, 0, length, out, at);
        out[at++] = '.';
        at += Base64Url.encode(expectedMac, 0, MAC_BYTES, out, at);
        return at - offset;
    }

    private static int putPrefix(final String prefix, final byte[] out, final int offset)
    {
        for (int i = 0; i < prefix.length(); i++)
        {
            out[offset + i] = (byte)prefix.charAt(i);
        }
        return offset + prefix.length();
    }

    /**
     * Checks {@code text} for the site of {@code siteHash} at {@code nowWallMs}; on
     * {@link CarryCheck#VALID} its facts are in {@link #payload()}. Never throws.
     *
     * @param maxAgeMs a carry issued longer ago than this (the catalog's session expiry) is refused.
     */
    public CarryCheck open(final CharSequence text, final long siteHash, final long nowWallMs, final long maxAgeMs)
    {
        final int length = text.length();
        if (length <= PREFIX.length() || length > MAX_TEXT)
        {
            return CarryCheck.MALFORMED;
        }
        final CarryCheck read = startsWith(text, TAIL_PREFIX) ? unseal(text) : startsWith(text, PREFIX) ? verify(text) : CarryCheck.MALFORMED;
        if (read != CarryCheck.VALID)
        {
            return read;
        }
        if (payload.siteHash() != siteHash)
        {
            return CarryCheck.OTHER_SITE;
        }
        return nowWallMs - payload.issuedAtWallMs() > maxAgeMs ? CarryCheck.EXPIRED : CarryCheck.VALID;
    }

    /** A {@code c2}: decrypted and its tag checked, then its counts. */
    private CarryCheck unseal(final CharSequence text)
    {
        final int decoded = Base64Url.decode(text, TAIL_PREFIX.length(), text.length() - TAIL_PREFIX.length(), sealedBytes);
        if (decoded < 0)
        {
            return CarryCheck.MALFORMED;
        }
        final int opened = cipher.open(sealedBytes, decoded, payloadBytes);
        if (opened < 0)
        {
            return CarryCheck.BAD_MAC;
        }
        return payload.lengthAgrees(opened, true) ? CarryCheck.VALID : CarryCheck.MALFORMED;
    }

    /** A {@code c1}: its MAC checked, then its counts. */
    private CarryCheck verify(final CharSequence text)
    {
        final int length = text.length();
        if (length <= PREFIX.length() + 1 + MAC_CHARS || text.charAt(length - MAC_CHARS - 1) != '.')
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
        return payload.lengthAgrees(decoded, false) ? CarryCheck.VALID : CarryCheck.MALFORMED;
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

    /** The MAC of {@code c1} and the first {@code length} payload bytes, into {@link #expectedMac}. */
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
