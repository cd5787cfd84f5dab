package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} against the admin token in constant time.
 *
 * <p>Both tokens are hashed with SHA-256 before {@link MessageDigest#isEqual}: that compares
 * every byte whatever the first difference, and hashing first makes the two inputs the same length,
 * so neither the position of a wrong character nor the token's length shows in the timing.
 * Thread-safe (a digest instance per check).
 */
final class BearerAuth
{
    private static final String SCHEME = "bearer ";

    private final byte[] expectedDigest;

    BearerAuth(final String token)
    {
        this.expectedDigest = sha256(token);
    }

    /** Whether the header value (may be null) carries the token. */
    boolean accepts(final String authorization)
    {
        if (authorization == null || authorization.length() <= SCHEME.length() ||
            !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
        {
            return false;
        }
        final String presented = authorization.substring(SCHEME.length()).strip();
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
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
