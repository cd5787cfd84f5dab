package dev.pulse.server.net;

import java.net.InetAddress;

import io.netty.util.NetUtil;

/**
 * One hop of a forwarding header as an address: {@code 192.0.2.43}, {@code 192.0.2.43:4711},
 * {@code [2001:db8::17]}, {@code [2001:db8::17]:4711}, or a bare {@code 2001:db8::17} (as
 * {@code X-Forwarded-For} writes it); the port, a number or an obfuscated {@code _name}, is
 * dropped. Anything else is no address: RFC 7239's {@code unknown} and obfuscated {@code _name}
 * identifiers, host names (never looked up), zone ids, garbage. Stateless.
 */
final class HopAddress
{
    private HopAddress()
    {
    }

    /** The address {@code hop} names, or null if it names none. */
    static InetAddress parseOrNull(final String hop)
    {
        final String text = hop.strip();
        final String literal;
        if (text.startsWith("["))
        {
            final int close = text.indexOf(']');
            if (close < 0 || !isPortOrNothing(text.substring(close + 1)))
            {
                return null;
            }
            literal = text.substring(1, close);
            if (literal.indexOf(':') < 0)
            {
                return null;
            }
        }
        else
        {
            final int colon = text.indexOf(':');
            final boolean ipv4WithPort = colon >= 0 && colon == text.lastIndexOf(':');
            if (ipv4WithPort && !isPortOrNothing(text.substring(colon)))
            {
                return null;
            }
            literal = ipv4WithPort ? text.substring(0, colon) : text;
        }
        // NetUtil reads literals only: no DNS, whatever the text.
        return literal.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(literal);
    }

    /** Empty, or {@code :} and a port: 1 to 5 digits, or an obfuscated {@code _name}. */
    private static boolean isPortOrNothing(final String rest)
    {
        if (rest.isEmpty())
        {
            return true;
        }
        if (rest.charAt(0) != ':' || rest.length() < 2)
        {
            return false;
        }
        final String port = rest.substring(1);
        if (port.charAt(0) == '_')
        {
            return port.length() > 1 && port.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
        }
        return port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
