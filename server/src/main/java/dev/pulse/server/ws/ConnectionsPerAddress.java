package dev.pulse.server.ws;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many WebSocket connections each client address holds, against a cap. An IPv6 client
 * counts by its /64 network, since one host is handed a whole /64 and could otherwise take a new
 * address per connection. Touched at handshake and close only, from every event loop.
 */
final class ConnectionsPerAddress
{
    private static final int IPV6_NETWORK_BYTES = 8;

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    /** @param max connections allowed per address; 0 for no cap. */
    ConnectionsPerAddress(final int max)
    {
        this.max = max;
    }

    /**
     * What a client at {@code address} (its real address, {@code ClientAddress}) is counted under:
     * the address, or its /64 for IPv6; null when it is not counted (no cap, or no address: a
     * channel that is not IP, as in tests).
     */
    InetAddress keyOf(final InetAddress address)
    {
        if (max == 0 || address == null)
        {
            return null;
        }
        if (!(address instanceof Inet6Address))
        {
            return address;
        }
        final byte[] network = address.getAddress();
        Arrays.fill(network, IPV6_NETWORK_BYTES, network.length, (byte)0);
        try
        {
            return InetAddress.getByAddress(network);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException("16 bytes are an IPv6 address", ex);
        }
    }

    /** Takes a slot for {@code key} (from {@link #keyOf}, not null); false if it holds its cap already. */
    boolean tryAcquire(final InetAddress key)
    {
        final boolean[] granted = new boolean[1];
        counts.compute(key, (address, count) ->
        {
            final int held = count == null ? 0 : count;
            if (held >= max)
            {
                return count;
            }
            granted[0] = true;
            return held + 1;
        });
        return granted[0];
    }

    /** Gives back a slot {@link #tryAcquire} granted. */
    void release(final InetAddress key)
    {
        counts.computeIfPresent(key, (address, count) -> count == 1 ? null : count - 1);
    }

    /** The cap: connections allowed per address; 0 for none. */
    int max()
    {
        return max;
    }

    /** Connections counted under {@code key}. */
    int held(final InetAddress key)
    {
        return counts.getOrDefault(key, 0);
    }
}
