package dev.pulse.server.auth;

/**
 * A visitor id as a client or a token may name it: 1 to {@link #MAX_LENGTH} characters of
 * {@code A-Z a-z 0-9 - _}. The bundled snippet makes 32 lower-case hex characters (128 random
 * bits); a site's own ids (signed sessions) may be any string of that charset, so an opaque
 * account key fits. The server keeps only its hash (detection-core's {@code Hash64.visitor}), never
 * the id itself.
 */
public final class VisitorId
{
    /** The longest visitor id accepted. */
    public static final int MAX_LENGTH = 64;
    /** What a bad one is told, as the {@code error}'s fixed {@code msg}. */
    public static final String RULE = "vid is 1 to 64 characters: A-Z a-z 0-9 - _";

    private VisitorId()
    {
    }

    /** Whether {@code text} is a visitor id. */
    public static boolean isValid(final CharSequence text)
    {
        return isValid(text, 0, text.length());
    }

    /** Whether the characters of {@code text} in [from, to) are a visitor id. */
    public static boolean isValid(final CharSequence text, final int from, final int to)
    {
        final int length = to - from;
        if (length < 1 || length > MAX_LENGTH)
        {
            return false;
        }
        for (int i = from; i < to; i++)
        {
            final char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
