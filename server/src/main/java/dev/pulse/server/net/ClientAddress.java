package dev.pulse.server.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * A connection's client address, kept on its channel: the TCP peer unless a trusted proxy said
 * who the client is ({@link ClientAddressSource}), in which case the proxy's word is stored here.
 * What counts connections per address and every log line that names a client read it from here,
 * never from {@code Channel.remoteAddress()}.
 */
public final class ClientAddress
{
    private static final AttributeKey<InetAddress> FORWARDED = AttributeKey.valueOf(ClientAddress.class, "forwarded");

    private ClientAddress()
    {
    }

    /** A trusted proxy named the client of {@code channel}; null forgets it (the peer is the client again). */
    public static void set(final Channel channel, final InetAddress client)
    {
        if (client != null || channel.hasAttr(FORWARDED))
        {
            channel.attr(FORWARDED).set(client);
        }
    }

    /** The client's address: what a trusted proxy named, else the peer's; null for a channel that is not IP (tests). */
    public static InetAddress of(final Channel channel)
    {
        final InetAddress forwarded = forwarded(channel);
        return forwarded != null ? forwarded : peerOf(channel);
    }

    /**
     * What a trusted proxy named, or null. Looked up without {@code attr()}, which would add an
     * empty attribute (and copy the channel's attribute table) to every connection no proxy named.
     */
    private static InetAddress forwarded(final Channel channel)
    {
        return channel.hasAttr(FORWARDED) ? channel.attr(FORWARDED).get() : null;
    }

    /** The TCP peer's address; null for a channel that is not IP. */
    public static InetAddress peerOf(final Channel channel)
    {
        final SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }

    /**
     * The client for a log line: {@code 203.0.113.7 via 127.0.0.1:41834} when a proxy named it,
     * else the peer as {@code 127.0.0.1:41834}.
     */
    public static String describe(final Channel channel)
    {
        final InetAddress forwarded = forwarded(channel);
        final SocketAddress remote = channel.remoteAddress();
        final String peer = remote instanceof InetSocketAddress socket && socket.getAddress() != null
            ? literal(socket.getAddress()) + ":" + socket.getPort() : String.valueOf(remote);
        return forwarded == null ? peer : forwarded.getHostAddress() + " via " + peer;
    }

    private static String literal(final InetAddress address)
    {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }
}
