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
 * session it names is in {@link #sidHi()} and {@link #sidLo()}, its visitor claim, if any, in
 * {@link #visitorHash()}, and the context it vouches for (a {@code v2} token's) in {@link #context()}.
 *
 * <p>The MAC is compared with {@link MessageDigest#isEqual}, which looks at every byte whatever
 * the first difference, so the time taken does not tell a forger how much of a MAC was right.
 * The expiry is read only after the MAC matched: until then nothing in the token is trusted.
 *
 * <p>Works in reused buffers and one {@link Mac} per key. Not thread-safe: one per event loop.
 */
public final class SessionTokenVerifier
{
    /** "v1." or "v2.": both three characters, the digit at {@link #VERSION_DIGIT}. */
    private static final byte[] PREFIX = (SessionToken.VERSION + ".").getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION_DIGIT = 1;
    private static final int SID_START = PREFIX.length;
    private static final int SID_END = SID_START + SessionId.HEX_LENGTH;
    private static final int MAC_BYTES = 32;
    /** The longest token: a v2 with the longest visitor and context. */
    static final int MAX_LENGTH = SID_END + 1 + SessionToken.MAX_EXPIRY_DIGITS + 1 + VisitorId.MAX_LENGTH + 1 + TokenContext.MAX_LENGTH + 1 +
        SessionToken.MAC_CHARS;

    private final Mac current;
    private final Mac previous;
    private final long maxLifetimeSeconds;
    private final SessionId sid = new SessionId();
    private final byte[] presentedMac = new byte[MAC_BYTES];
    private final byte[] expectedMac = new byte[MAC_BYTES];
    private final char[] sidChars = new char[SessionId.HEX_LENGTH];
    private final char[] visitorChars = new char[VisitorId.MAX_LENGTH];
    private final TokenContext context = new TokenContext();
    private long visitorHash;
    /** The visitor claim of the token being checked: [start, end), empty when it makes none. */
    private int visitorStart;
    private int visitorEnd;
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
        context.clear();
        final int expiryEnd = length > MAX_LENGTH ? -1 : expiryEnd(token);
        final int fieldsEnd = expiryEnd < 0 ? -1 : token.charAt(VERSION_DIGIT) == '1' ? fieldsEndV1(token, expiryEnd) : fieldsEndV2(token, expiryEnd);
        if (fieldsEnd < 0 || length - fieldsEnd - 1 != SessionToken.MAC_CHARS || !decodeMac(token, fieldsEnd + 1))
        {
            context.clear();
            return TokenCheck.MALFORMED;
        }
        prepareSigned(siteKey, fieldsEnd - SID_START);
        signed[VERSION_DIGIT] = (byte)token.charAt(VERSION_DIGIT);
        for (int i = SID_START; i < fieldsEnd; i++)
        {
            // Checked above: the sid, the expiry, the visitor, the context and their dots are ASCII.
            signed[siteFieldsLength + i - SID_START] = (byte)token.charAt(i);
        }
        final int signedLength = siteFieldsLength + fieldsEnd - SID_START;
        final TokenCheck check = check(token, signedLength, expiryEnd, nowMs);
        if (check != TokenCheck.VALID)
        {
            // Nothing of a refused token is kept: its context was read only to check its form.
            context.clear();
        }
        return check;
    }

    /** The MAC, then the expiry (nothing in the token is trusted before its MAC matched), then the claims. */
    private TokenCheck check(final CharSequence token, final int signedLength, final int expiryEnd, final long nowMs)
    {
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
        if (visitorEnd > visitorStart)
        {
            final int visitorLength = visitorEnd - visitorStart;
            for (int i = 0; i < visitorLength; i++)
            {
                visitorChars[i] = token.charAt(visitorStart + i);
            }
            visitorHash = Hash64.visitor(visitorChars, 0, visitorLength);
        }
        return TokenCheck.VALID;
    }

    /**
     * The context the last valid token vouched for (a {@code v2} token's {@code ctx}); no pairs for a
     * {@code v1} token or after a refusal. Its views are reused by the next check.
     */
    public TokenContext context()
    {
        return context;
    }

    /** The hash ({@link Hash64#visitor}) of the last valid token's visitor claim; 0 when it made none. */
    public long visitorHash()
    {
        return visitorHash;
    }

    /**
     * A v1 token's signed fields end at the expiry's dot when the MAC follows it, else after a
     * visitor claim ({@link VisitorId}) and its dot.
     *
     * @return the index of the dot before the MAC, or -1 if a visitor claim is not of that form.
     */
    private int fieldsEndV1(final CharSequence token, final int expiryEnd)
    {
        final int length = token.length();
        visitorStart = expiryEnd + 1;
        if (length - expiryEnd - 1 == SessionToken.MAC_CHARS)
        {
            visitorEnd = visitorStart;
            return expiryEnd;
        }
        visitorEnd = next(token, visitorStart);
        return visitorEnd < length && VisitorId.isValid(token, visitorStart, visitorEnd) ? visitorEnd : -1;
    }

    /**
     * A v2 token's signed fields: the expiry, a visitor claim (possibly empty) and a context
     * ({@link TokenContext}, possibly empty), each followed by a dot.
     *
     * @return the index of the dot before the MAC, or -1 if the claim or the context is not of that form.
     */
    private int fieldsEndV2(final CharSequence token, final int expiryEnd)
    {
        final int length = token.length();
        visitorStart = expiryEnd + 1;
        visitorEnd = next(token, visitorStart);
        if (visitorEnd >= length || visitorEnd > visitorStart && !VisitorId.isValid(token, visitorStart, visitorEnd))
        {
            return -1;
        }
        final int contextEnd = next(token, visitorEnd + 1);
        return contextEnd < length && context.read(token, visitorEnd + 1, contextEnd) ? contextEnd : -1;
    }

    /** The index of the next dot from {@code from}, or the token's length. */
    private static int next(final CharSequence token, final int from)
    {
        int end = from;
        while (end < token.length() && token.charAt(end) != '.')
        {
            end++;
        }
        return end;
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
     * Checks "v1." or "v2.", the sid and the dot after it, and the expiry's digits.
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
        final char version = token.charAt(VERSION_DIGIT);
        if (token.charAt(0) != 'v' || version != '1' && version != '2' || token.charAt(2) != '.')
        {
            return -1;
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

    /** Decodes the 43 characters of the MAC (one spelling of 32 bytes: {@link Base64Url}) into {@link #presentedMac}. */
    private boolean decodeMac(final CharSequence token, final int start)
    {
        return Base64Url.decode(token, start, SessionToken.MAC_CHARS, presentedMac) == MAC_BYTES;
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
