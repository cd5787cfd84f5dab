package dev.pulse.server.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client address a trusted HTTP proxy forwarded: from {@code Forwarded} (RFC 7239, its
 * {@code for=} parameters) if the request has one, else from {@code X-Forwarded-For}. Every line
 * of the header is one list, in order; each hop appended its peer on the right. The client is the
 * rightmost hop that is not itself in {@code trusted_proxies}: hops to its left were written by
 * the client, who can write anything there.
 *
 * <p>Anything the rule cannot believe gives the peer (the proxy) back, never an address the request
 * chose: a header that does not parse (an unclosed quote, a pair without {@code =}), or a rightmost
 * untrusted hop that is not an address ({@code unknown}, an obfuscated {@code _name}, a host name,
 * an element without {@code for=}). An attacker behind the proxy can therefore only be counted
 * under its own address or the proxy's, never under one it names. When every hop is trusted the
 * leftmost is the client. Host names are never looked up. Stateless; linear in the header's length
 * (which the HTTP decoder already caps at 8 KiB).
 */
public final class ForwardedFor
{
    private ForwardedFor()
    {
    }

    /**
     * @param peer          the TCP peer, a trusted proxy.
     * @param forwarded     the request's {@code Forwarded} lines, in order (none: empty).
     * @param forwardedFor  the request's {@code X-Forwarded-For} lines, in order.
     * @param trusted       the proxies whose hops are skipped.
     * @return the client's address; {@code peer} when the headers name none that can be believed.
     */
    public static InetAddress client(
        final InetAddress peer, final List<String> forwarded, final List<String> forwardedFor, final AddressRanges trusted)
    {
        // Forwarded alone when present: a proxy that writes it may pass a client's X-Forwarded-For untouched.
        final List<String> hops = hasText(forwarded) ? ForwardedHeader.forValues(forwarded)
            : hasText(forwardedFor) ? commaList(forwardedFor) : List.of();
        if (hops.isEmpty())
        {
            return peer;
        }
        InetAddress leftmost = peer;
        for (int i = hops.size() - 1; i >= 0; i--)
        {
            final InetAddress hop = HopAddress.parseOrNull(hops.get(i));
            if (hop == null)
            {
                return peer;
            }
            if (!trusted.contains(hop))
            {
                return hop;
            }
            leftmost = hop;
        }
        return leftmost;
    }

    private static boolean hasText(final List<String> lines)
    {
        for (final String line : lines)
        {
            if (!line.isBlank())
            {
                return true;
            }
        }
        return false;
    }

    /** The entries of comma-separated lines, each stripped; an empty entry stays (and is no address). */
    private static List<String> commaList(final List<String> lines)
    {
        final List<String> entries = new ArrayList<>();
        for (final String line : lines)
        {
            int start = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start))
            {
                entries.add(line.substring(start, comma).strip());
                start = comma + 1;
            }
            entries.add(line.substring(start).strip());
        }
        return entries;
    }
}
