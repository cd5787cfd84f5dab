package dev.pulse.server.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of address ranges in CIDR notation ({@code 10.0.0.0/8, 127.0.0.1, fd00::/8}), as
 * {@code trusted_proxies} names the peers whose forwarding headers are believed. A bare address is
 * its own one-address range. An IPv4 range never matches an IPv6 address and the other way round,
 * except that an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is read as the IPv4 address it
 * carries, as the JDK does. Immutable.
 */
public final class AddressRanges
{
    /** No range: nobody is trusted. */
    public static final AddressRanges NONE = new AddressRanges(List.of(), new int[0], "");

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    // Only literal addresses: a host name here would be looked up, and trust must not depend on DNS.
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<byte[]> networks;
    private final int[] prefixes;
    private final String text;

    private AddressRanges(final List<byte[]> networks, final int[] prefixes, final String text)
    {
        this.networks = networks;
        this.prefixes = prefixes;
        this.text = text;
    }

    /**
     * Reads a comma- or space-separated list of ranges.
     *
     * @return the ranges, or null if any entry is not an IPv4 or IPv6 address with an optional
     *         {@code /prefix} within the address's length. Empty text is {@link #NONE}.
     */
    public static AddressRanges parseOrNull(final String text)
    {
        final String stripped = text.strip();
        if (stripped.isEmpty())
        {
            return NONE;
        }
        final List<byte[]> networks = new ArrayList<>();
        final String[] entries = SEPARATORS.split(stripped);
        final int[] prefixes = new int[entries.length];
        for (final String entry : entries)
        {
            final int slash = entry.indexOf('/');
            final String address = slash < 0 ? entry : entry.substring(0, slash);
            if (!LITERAL.matcher(address).matches() || address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3)
            {
                return null;
            }
            final byte[] bytes;
            try
            {
                bytes = InetAddress.getByName(address).getAddress();
            }
            catch (final UnknownHostException ex)
            {
                return null;
            }
            final int bits = bytes.length * 8;
            final int prefix;
            try
            {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            }
            catch (final NumberFormatException ex)
            {
                return null;
            }
            if (prefix < 0 || prefix > bits)
            {
                return null;
            }
            prefixes[networks.size()] = prefix;
            networks.add(bytes);
        }
        return new AddressRanges(List.copyOf(networks), prefixes, String.join(", ", entries));
    }

    /** Whether {@code address} lies in one of the ranges. */
    public boolean contains(final InetAddress address)
    {
        return address != null && contains(address.getAddress());
    }

    /** Whether the address of these bytes (4 for IPv4, 16 for IPv6) lies in one of the ranges. */
    public boolean contains(final byte[] address)
    {
        for (int i = 0; i < prefixes.length; i++)
        {
            final byte[] network = networks.get(i);
            if (network.length == address.length && samePrefix(network, address, prefixes[i]))
            {
                return true;
            }
        }
        return false;
    }

    /** No range at all. */
    public boolean isEmpty()
    {
        return prefixes.length == 0;
    }

    private static boolean samePrefix(final byte[] network, final byte[] address, final int prefix)
    {
        final int whole = prefix / 8;
        for (int i = 0; i < whole; i++)
        {
            if (network[i] != address[i])
            {
                return false;
            }
        }
        final int rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }
        final int mask = 0xFF << (8 - rest) & 0xFF;
        return (network[whole] & mask) == (address[whole] & mask);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof AddressRanges ranges && ranges.text.equals(text);
    }

    @Override
    public int hashCode()
    {
        return text.hashCode();
    }

    /** The ranges as written, comma-separated. */
    @Override
    public String toString()
    {
        return text;
    }

}
