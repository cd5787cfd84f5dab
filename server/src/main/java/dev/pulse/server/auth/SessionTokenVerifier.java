package dev.pulse.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import dev.pulse.detect.Hash64;

import dev.pulse.server.session.SessionId;

/**
 * Checks the token of a hello ({@link SessionToken} describes the format): its form, its MAC
 * under the current key or, during a rotation, the previous one, then its expiry with
 * {@link SessionToken#CLOCK_SKEW_SECONDS} of slack either way. On {@link TokenCheck#VALID} the
 * session it names is in {@link #sidHi()} and {@link #sidLo()}, and its visitor claim, if any, in
 * {@link #visitorHash()}.
 *
 * <p>The MAC is compared with {@link MessageDigest#isEqual}, which looks at every byte whatever
 * the first difference, so the time taken does not tell a forger how much of a MAC was right.
 * The expiry is read only after the MAC matched: until then nothing in the token is trusted.
 *
 * <p>Works in reused buffers and one {@link Mac} per key. Not thread-safe: one per event loop.
 */
public final class SessionTokenVerifier
{
    private static final byte[] PREFIX = (SessionToken.VERSION + ".").getBytes(StandardCharsets.US_ASCII);
    private static final int SID_START = PREFIX.length;
    private static final int SID_END = SID_START + SessionId.HEX_LENGTH;
    private static final int MAC_BYTES = 32;
    private static final int MAX_LENGTH = SID_END + 1 + SessionToken.MAX_EXPIRY_DIGITS + 1 + VisitorId.MAX_LENGTH + 1 +
        SessionToken.MAC_CHARS;

    private final Mac current;
    private final Mac previous;
    private final long maxLifetimeSeconds;
    private final SessionId sid = new SessionId();
    private final byte[] presentedMac = new byte[MAC_BYTES];
    private final byte[] expectedMac = new byte[MAC_BYTES];
    private final char[] sidChars = new char[SessionId.HEX_LENGTH];
    private final char[] visitorChars = new char[VisitorId.MAX_LENGTH];
    private long visitorHash;
    private byte[] signed = new byte[0];
    private String signedSiteKey;
    private int siteFieldsLength;

    /**
     * @param keys             the current key and, during a rotation, the previous one.
     * @param maxLifetimeMs    a token expiring further ahead than this (plus the skew) is refused.
     */
    public SessionTokenVerifier(final SigningKeys keys, final long maxLifetimeMs)
    {
        this.current = keys.current().newMac();
        this.previous = keys.previous() == null ? null : keys.previous().newMac();
        this.maxLifetimeSeconds = maxLifetimeMs / 1000;
    }

    /**
     * Checks {@code token} for the site {@code siteKey} at {@code nowMs} (epoch milliseconds).
     *
     * @param token the hello's token; empty when it had none.
     */
    public TokenCheck verify(final CharSequence token, final String siteKey, final long nowMs)
    {
        final int length = token.length();
        if (length == 0)
        {
            return TokenCheck.MISSING;
        }
        final int expiryEnd = expiryEnd(token);
        final int fieldsEnd = length > MAX_LENGTH || expiryEnd < 0 ? -1 : fieldsEnd(token, expiryEnd);
        if (fieldsEnd < 0 || length - fieldsEnd - 1 != SessionToken.MAC_CHARS || !decodeMac(token, fieldsEnd + 1))
        {
            return TokenCheck.MALFORMED;
        }
        prepareSigned(siteKey, fieldsEnd - SID_START);
        for (int i = SID_START; i < fieldsEnd; i++)
        {
            // Checked above: the sid, the expiry, the visitor and their dots are ASCII.
            signed[siteFieldsLength + i - SID_START] = (byte)token.charAt(i);
        }
        final int signedLength = siteFieldsLength + fieldsEnd - SID_START;
        if (!matches(current, signedLength) && (previous == null || !matches(previous, signedLength)))
        {
            return TokenCheck.BAD_SIGNATURE;
        }
        final long expires = parseDigits(token, SID_END + 1, expiryEnd);
        final long nowSeconds = Math.floorDiv(nowMs, 1000L);
        if (nowSeconds > expires + SessionToken.CLOCK_SKEW_SECONDS)
        {
            return TokenCheck.EXPIRED;
        }
        if (expires > nowSeconds + maxLifetimeSeconds + SessionToken.CLOCK_SKEW_SECONDS)
        {
            return TokenCheck.TOO_FAR_AHEAD;
        }
        for (int i = 0; i < SessionId.HEX_LENGTH; i++)
        {
            sidChars[i] = token.charAt(SID_START + i);
        }
        sid.parse(sidChars, 0, SessionId.HEX_LENGTH);
        visitorHash = 0;
        if (fieldsEnd > expiryEnd)
        {
            final int visitorLength = fieldsEnd - expiryEnd - 1;
            for (int i = 0; i < visitorLength; i++)
            {
                visitorChars[i] = token.charAt(expiryEnd + 1 + i);
            }
            visitorHash = Hash64.visitor(visitorChars, 0, visitorLength);
        }
        return TokenCheck.VALID;
    }

    /** The hash ({@link Hash64#visitor}) of the last valid token's visitor claim; 0 when it made none. */
    public long visitorHash()
    {
        return visitorHash;
    }

    /**
     * Where the signed fields end: at the expiry's dot when the MAC follows it, else after a
     * visitor claim ({@link VisitorId}) and its dot.
     *
     * @return the index of the dot before the MAC, or -1 if a visitor claim is not of that form.
     */
    private static int fieldsEnd(final CharSequence token, final int expiryEnd)
    {
        final int length = token.length();
        if (length - expiryEnd - 1 == SessionToken.MAC_CHARS)
        {
            return expiryEnd;
        }
        int end = expiryEnd + 1;
        while (end < length && token.charAt(end) != '.')
        {
            end++;
        }
        return end < length && VisitorId.isValid(token, expiryEnd + 1, end) ? end : -1;
    }

    /** The high 64 bits of the session the last valid token named. */
    public long sidHi()
    {
        return sid.hi();
    }

    /** The low 64 bits of the session the last valid token named. */
    public long sidLo()
    {
        return sid.lo();
    }

    /**
     * Checks "v1.", the sid and the dot after it, and the expiry's digits.
     *
     * @return the index of the dot after the expiry, or -1 if the token is not of that form.
     */
    private static int expiryEnd(final CharSequence token)
    {
        final int length = token.length();
        if (length <= SID_END + 2)
        {
            return -1;
        }
        for (int i = 0; i < PREFIX.length; i++)
        {
            if (token.charAt(i) != PREFIX[i])
            {
                return -1;
            }
        }
        if (!SessionToken.isSid(token, SID_START) || token.charAt(SID_END) != '.')
        {
            return -1;
        }
        int i = SID_END + 1;
        while (i < length && token.charAt(i) >= '0' && token.charAt(i) <= '9')
        {
            i++;
        }
        final int digits = i - SID_END - 1;
        return digits == 0 || digits > SessionToken.MAX_EXPIRY_DIGITS || i == length || token.charAt(i) != '.' ? -1 : i;
    }

    /** "v1." + siteKey + "." at the front of the signed bytes, kept while the site key stays the same. */
    private void prepareSigned(final String siteKey, final int fieldsLength)
    {
        if (!siteKey.equals(signedSiteKey))
        {
            final byte[] site = siteKey.getBytes(StandardCharsets.UTF_8);
            siteFieldsLength = PREFIX.length + site.length + 1;
            signed = new byte[siteFieldsLength + MAX_LENGTH];
            System.arraycopy(PREFIX, 0, signed, 0, PREFIX.length);
            System.arraycopy(site, 0, signed, PREFIX.length, site.length);
            signed[siteFieldsLength - 1] = '.';
            signedSiteKey = siteKey;
        }
    }

    private boolean matches(final Mac mac, final int signedLength)
    {
        try
        {
            mac.update(signed, 0, signedLength);
            mac.doFinal(expectedMac, 0);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 writes 32 bytes", ex);
        }
        return MessageDigest.isEqual(expectedMac, presentedMac);
    }

    /**
     * Decodes 43 characters of unpadded base64url into the 32 bytes of {@link #presentedMac}.
     *
     * @return false if a character is outside the alphabet, or the last one carries bits beyond
     *         the 256 (so every MAC has exactly one spelling).
     */
    private boolean decodeMac(final CharSequence token, final int start)
    {
        int bits = 0;
        int bitCount = 0;
        int out = 0;
        for (int i = 0; i < SessionToken.MAC_CHARS; i++)
        {
            final int value = base64UrlValue(token.charAt(start + i));
            if (value < 0)
            {
                return false;
            }
            bits = bits << 6 | value;
            bitCount += 6;
            if (bitCount >= 8)
            {
                bitCount -= 8;
                presentedMac[out++] = (byte)(bits >> bitCount);
                bits &= (1 << bitCount) - 1;
            }
        }
        return bits == 0;
    }

    private static int base64UrlValue(final char c)
    {
        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z')
        {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9')
        {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static long parseDigits(final CharSequence text, final int from, final int to)
    {
        long value = 0;
        for (int i = from; i < to; i++)
        {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
