package dev.pulse.server.http;

/** Reads an {@code If-None-Match} header (RFC 9110, 13.1.2): weak comparison, as that header asks. */
final class EntityTags
{
    private EntityTags()
    {
    }

    /** True when the header is {@code *} or lists {@code etag} (a strong tag, quoted), with or without {@code W/}. */
    static boolean anyMatches(final String ifNoneMatch, final String etag)
    {
        if (ifNoneMatch == null)
        {
            return false;
        }
        for (final String item : ifNoneMatch.split(","))
        {
            String tag = item.trim();
            if (tag.equals("*"))
            {
                return true;
            }
            if (tag.startsWith("W/"))
            {
                tag = tag.substring(2);
            }
            if (tag.equals(etag))
            {
                return true;
            }
        }
        return false;
    }
}
