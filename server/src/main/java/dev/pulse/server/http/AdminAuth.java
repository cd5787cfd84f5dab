package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks the admin token in constant time, given as {@code Authorization: Bearer <token>} (scripts)
 * or as the password of {@code Authorization: Basic} with any user name (a browser opening the
 * report or the preview asks for it in its own login prompt).
 *
 * <p>Both tokens are hashed with SHA-256 before {@link MessageDigest#isEqual}: that compares
 * every byte whatever the first difference, and hashing first makes the two inputs the same length,
 * so neither the position of a wrong character nor the token's length shows in the timing.
 * Thread-safe (a digest instance per check).
 */
final class AdminAuth
{
    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private final byte[] expectedDigest;

    AdminAuth(final String token)
    {
        this.expectedDigest = sha256(token);
    }

    /** Whether the header value (may be null) carries the token. */
    boolean accepts(final String authorization)
    {
        final String presented = presentedToken(authorization);
        return presented != null && MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    /** The token in the header, or null when there is none in either scheme. */
    private static String presentedToken(final String authorization)
    {
        if (authorization == null)
        {
            return null;
        }
        if (startsWithIgnoringCase(authorization, BEARER))
        {
            final String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        if (startsWithIgnoringCase(authorization, BASIC))
        {
            final String credentials;
            try
            {
                credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            }
            catch (final IllegalArgumentException ex)
            {
                return null;
            }
            final int colon = credentials.indexOf(':');
            return colon < 0 || colon == credentials.length() - 1 ? null : credentials.substring(colon + 1);
        }
        return null;
    }

    private static boolean startsWithIgnoringCase(final String text, final String prefix)
    {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static byte[] sha256(final String text)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }
}
