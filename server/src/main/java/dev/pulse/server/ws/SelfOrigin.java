package dev.pulse.server.ws;

import java.util.Locale;

/**
 * The rule behind a catalog's {@code self} origin: an {@code Origin} is the origin of the server's
 * own pages when its scheme is the one the server speaks ({@code https} with TLS, else
 * {@code http}) and its host and port are those of the request's {@code Host} header, the address
 * the browser reached this server by. A default port may be written or left out on either side.
 *
 * <p>Only a catalog that lists {@code self} uses it (the bundled demo, so it works on any port and
 * host name); it does not stop a page on another name that resolves to this server (DNS
 * rebinding), which is why a real site lists its origins by name. The admin routes use the same
 * rule to tell a state-changing request from the server's own pages from a cross-site one. Stateless.
 */
public final class SelfOrigin
{
    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";

    private SelfOrigin()
    {
    }

    /**
     * @param origin the request's {@code Origin} header; null if it had none.
     * @param host   the request's {@code Host} header; null if it had none.
     * @param tls    whether the server speaks TLS on this port.
     */
    public static boolean matches(final String origin, final String host, final boolean tls)
    {
        if (origin == null || host == null)
        {
            return false;
        }
        final String scheme = tls ? HTTPS : HTTP;
        if (!origin.regionMatches(true, 0, scheme, 0, scheme.length()))
        {
            return false;
        }
        final int defaultPort = tls ? 443 : 80;
        final String ofOrigin = hostAndPort(origin.substring(scheme.length()), defaultPort);
        return ofOrigin != null && ofOrigin.equals(hostAndPort(host, defaultPort));
    }

    /**
     * {@code host:port} in lower case with the port written out, from an authority such as
     * {@code Shop.Example}, {@code 127.0.0.1:9090} or {@code [::1]:9090}; null if it is anything
     * else (empty, a path, user info, a port that is not a number).
     */
    private static String hostAndPort(final String authority, final int defaultPort)
    {
        final String name;
        final String port;
        if (authority.startsWith("["))
        {
            final int close = authority.indexOf(']');
            if (close < 0)
            {
                return null;
            }
            name = authority.substring(0, close + 1);
            final String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":"))
            {
                return null;
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        }
        else
        {
            final int colon = authority.indexOf(':');
            if (colon != authority.lastIndexOf(':'))
            {
                return null;
            }
            name = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (name.isEmpty() || !isHostName(name))
        {
            return null;
        }
        if (port != null && (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')))
        {
            return null;
        }
        return name.toLowerCase(Locale.ROOT) + ':' + (port == null ? defaultPort : Integer.parseInt(port));
    }

    /** Letters, digits, dots and dashes, or a bracketed IPv6 literal: no path, query, user info or space. */
    private static boolean isHostName(final String name)
    {
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            final boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                || (name.charAt(0) == '[' && (c == '[' || c == ']' || c == ':'));
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }
}
