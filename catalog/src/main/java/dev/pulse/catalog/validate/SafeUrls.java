package dev.pulse.catalog.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which call-to-action URLs a response may carry: a relative path on the site, or an absolute
 * http(s) URL with a host. Anything with another scheme (javascript:, data:, vbscript:, mailto:,
 * ...), a protocol-relative {@code //host}, whitespace or control characters is refused: the widget
 * must never be made to run or load something the team did not mean.
 */
public final class SafeUrls
{
    private SafeUrls()
    {
    }

    /** Why {@code url} is refused, or null if it is safe. */
    public static String problem(final String url)
    {
        if (url.isEmpty())
        {
            return "the URL is empty";
        }
        for (int i = 0; i < url.length(); i++)
        {
            final char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || Character.isWhitespace(c))
            {
                return "the URL contains whitespace or a control character";
            }
        }
        if (url.startsWith("//") || url.startsWith("\\"))
        {
            return "a protocol-relative URL leaves the site unseen";
        }
        final URI uri;
        try
        {
            uri = new URI(url);
        }
        catch (final URISyntaxException ex)
        {
            return "not a valid URL: " + ex.getReason();
        }
        final String scheme = uri.getScheme();
        if (scheme == null)
        {
            return null;
        }
        final String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https"))
        {
            return "the scheme '" + scheme + ":' is not allowed";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty())
        {
            return "an absolute URL needs a host";
        }
        return null;
    }
}
