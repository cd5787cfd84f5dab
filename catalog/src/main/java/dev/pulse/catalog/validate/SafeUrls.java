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

    /**
     * Why {@code given} is not a webhook URL, or null if it is one: https, or http to a loopback
     * address only (127.0.0.0/8, ::1, {@code localhost}: a receiver on the same machine), so a body
     * and its signature never cross a network in clear; never a user name or password (a URL is
     * written to logs and dead-letter files). The server's {@code webhook_url} and a hand-off's
     * {@code webhook} both keep this rule.
     */
    public static String webhookProblem(final String given)
    {
        final URI uri;
        try
        {
            uri = new URI(given);
        }
        catch (final URISyntaxException ex)
        {
            return "'" + given + "' is not a URL: " + ex.getReason();
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http"))
        {
            return "'" + given + "' is not an https URL; give https://host/path (http only to a loopback address)";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty())
        {
            return "'" + given + "' names no host";
        }
        if (uri.getRawUserInfo() != null)
        {
            return "'" + given + "' carries a user name or password; authenticate the receiver by the signature instead";
        }
        if (scheme.equals("http") && !loopback(uri.getHost()))
        {
            return "'" + given + "' is not https; only https is allowed, or http to a loopback address (127.0.0.0/8, ::1, localhost)";
        }
        return null;
    }

    /** localhost, an IPv4 literal in 127.0.0.0/8, or ::1; a name is never resolved (it could resolve elsewhere later). */
    static boolean loopback(final String host)
    {
        final String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("[::1]") || name.equals("::1") || name.equals("[0:0:0:0:0:0:0:1]"))
        {
            return true;
        }
        final String[] octets = name.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127"))
        {
            return false;
        }
        for (final String octet : octets)
        {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255)
            {
                return false;
            }
        }
        return true;
    }
}
