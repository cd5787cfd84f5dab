package dev.pulse.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;

import dev.pulse.server.session.SessionId;

/**
 * The signed session token a site's backend puts on the snippet's tag when the server has a
 * signing key: it names the session, says until when it may be used, and proves the site's
 * backend made it.
 *
 * <pre>
 *   token = "v1." + sid + "." + expiresEpochSeconds [+ "." + vid] + "." + base64url_nopad(HMAC-SHA256(key, signed))
 *   signed = "v1." + siteKey + "." + sid + "." + expiresEpochSeconds [+ "." + vid]
 * </pre>
 *
 * A {@code v2} token also carries the context the site's backend vouches for ({@link TokenContext}:
 * {@code tier:gold,plan:pro}), signed with the rest; its visitor field may be empty (no claim):
 *
 * <pre>
 *   token = "v2." + sid + "." + expiresEpochSeconds + "." + [vid] + "." + ctx + "." + base64url_nopad(HMAC-SHA256(key, signed))
 *   signed = "v2." + siteKey + "." + sid + "." + expiresEpochSeconds + "." + [vid] + "." + ctx
 * </pre>
 *
 * The version is signed too, so a v1 token cannot be passed off as a v2 one or back. With signed
 * sessions, context the token does not carry counts only for keys the catalog lists in
 * {@code site.client_context}. A {@code v1} token stays valid and vouches for no context.
 *
 * The optional {@code vid} is the site's own visitor id ({@link VisitorId}: no dot, so the fields
 * stay unambiguous): signed, so a client cannot move into another visitor's arm of the holdout, and
 * it wins over the snippet's {@code hello.vid}. A token without it stays valid.
 *
 * {@code sid} is 32 lower-case hex characters (128 random bits); the site key is signed but not
 * sent, so a token of one site is worthless on another. This class mints tokens (the
 * {@code pulse token} command, tests); {@link SessionTokenVerifier} checks them.
 */
public final class SessionToken
{
    /** The token format's version, its first field: {@code v1}, or {@link #VERSION_WITH_CONTEXT} when it carries context. */
    public static final String VERSION = "v1";
    /** The version of a token that carries context. */
    public static final String VERSION_WITH_CONTEXT = "v2";
    /** A verifier accepts a token this long after its expiry, and dated this much beyond the longest lifetime. */
    public static final long CLOCK_SKEW_SECONDS = 60;
    /** Characters of the MAC field: 32 bytes in unpadded base64url. */
    static final int MAC_CHARS = 43;
    /** Digits an expiry may have: epoch seconds stay under 12 digits until the year 33658. */
    static final int MAX_EXPIRY_DIGITS = 12;

    private SessionToken()
    {
    }

    /**
     * A token for {@code sid} on {@code siteKey}, valid until {@code expiresEpochSeconds}.
     *
     * @throws IllegalArgumentException if {@code sid} is not a session id ({@link #isSid}) or the expiry is negative.
     */
    public static String mint(final SigningKey key, final String siteKey, final String sid, final long expiresEpochSeconds)
    {
        return mint(key, siteKey, sid, expiresEpochSeconds, null);
    }

    /**
     * A token for {@code sid} on {@code siteKey}, valid until {@code expiresEpochSeconds}, claiming
     * the visitor {@code visitorId} (none when null).
     *
     * @throws IllegalArgumentException if {@code sid} is not a session id, the expiry is negative, or
     *                                  {@code visitorId} is not a {@link VisitorId}.
     */
    public static String mint(final SigningKey key, final String siteKey, final String sid, final long expiresEpochSeconds,
        final String visitorId)
    {
        checkClaims(sid, expiresEpochSeconds, visitorId);
        return sign(key, siteKey, VERSION, sid + "." + expiresEpochSeconds + (visitorId == null ? "" : "." + visitorId));
    }

    /**
     * A {@code v2} token for {@code sid} on {@code siteKey}, valid until {@code expiresEpochSeconds},
     * claiming the visitor {@code visitorId} (none when null) and vouching for {@code context} (in its
     * order; may be empty: then no key but the catalog's {@code client_context} counts).
     *
     * @throws IllegalArgumentException as {@link #mint(SigningKey, String, String, long, String)}, or if
     *                                  the context breaks {@link TokenContext#RULE}.
     */
    public static String mint(final SigningKey key, final String siteKey, final String sid, final long expiresEpochSeconds,
        final String visitorId, final Map<String, String> context)
    {
        checkClaims(sid, expiresEpochSeconds, visitorId);
        final String ctx = TokenContext.format(context);
        return sign(key, siteKey, VERSION_WITH_CONTEXT,
            sid + "." + expiresEpochSeconds + "." + (visitorId == null ? "" : visitorId) + "." + ctx);
    }

    private static void checkClaims(final String sid, final long expiresEpochSeconds, final String visitorId)
    {
        if (visitorId != null && !VisitorId.isValid(visitorId))
        {
            throw new IllegalArgumentException("a visitor id is 1 to 64 characters: A-Z a-z 0-9 - _");
        }
        if (!isSid(sid))
        {
            throw new IllegalArgumentException("a session id is 32 lower-case hex characters, not all zero");
        }
        if (expiresEpochSeconds < 0)
        {
            throw new IllegalArgumentException("the expiry is in epoch seconds, not negative");
        }
    }

    private static String sign(final SigningKey key, final String siteKey, final String version, final String fields)
    {
        final Mac mac = key.newMac();
        final byte[] tag = mac.doFinal((version + "." + siteKey + "." + fields).getBytes(StandardCharsets.UTF_8));
        return version + "." + fields + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    }

    /** A fresh session id (128 random bits, 32 lower-case hex characters), as a site's backend makes one. */
    public static String newSid(final SecureRandom random)
    {
        return new SessionId().generate(random).toString();
    }

    /**
     * Whether {@code text} is a session id as tokens carry it: exactly 32 lower-case hex characters,
     * not all zero (the server never makes that id either).
     */
    public static boolean isSid(final CharSequence text)
    {
        return text.length() == SessionId.HEX_LENGTH && isSid(text, 0);
    }

    /** Whether the 32 characters of {@code text} from {@code from} are a session id ({@link #isSid(CharSequence)}). */
    static boolean isSid(final CharSequence text, final int from)
    {
        boolean nonZero = false;
        for (int i = from; i < from + SessionId.HEX_LENGTH; i++)
        {
            final char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f'))
            {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }
}
