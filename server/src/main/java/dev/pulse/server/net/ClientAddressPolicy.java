package dev.pulse.server.net;

import java.net.InetAddress;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * Whom to believe about a connection's client ({@code trusted_proxies}, {@code client_address}):
 * only a peer in the trusted ranges, and only through the one source the operator chose. From
 * anyone else the forwarding headers and the PROXY protocol are ignored and the peer is the
 * client. Immutable; shared by every event loop.
 */
public final class ClientAddressPolicy
{
    private static final AsciiString FORWARDED = AsciiString.cached("forwarded");
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");

    private final AddressRanges trusted;
    private final ClientAddressSource source;

    public ClientAddressPolicy(final AddressRanges trusted, final ClientAddressSource source)
    {
        this.trusted = trusted;
        this.source = source;
    }

    /**
     * Whether a PROXY protocol header must open this connection: the source is the PROXY protocol
     * and the peer is trusted. Such a connection without one is refused, as the protocol's
     * specification asks (a receiver must not guess whether the header is there).
     */
    public boolean expectsProxyProtocol(final Channel channel)
    {
        return source == ClientAddressSource.PROXY_PROTOCOL && trusted.contains(ClientAddress.peerOf(channel));
    }

    /**
     * An HTTP request arrived on {@code channel}: with {@code client_address: forwarded} and a
     * trusted peer, its headers name the client ({@link ForwardedFor}) until the next request on the
     * connection (a proxy reuses its connections for other clients' requests). Otherwise nothing
     * changes.
     */
    public void onRequest(final Channel channel, final HttpHeaders headers)
    {
        if (source != ClientAddressSource.FORWARDED)
        {
            return;
        }
        final InetAddress peer = ClientAddress.peerOf(channel);
        if (!trusted.contains(peer))
        {
            return;
        }
        final InetAddress client = ForwardedFor.client(peer, headers.getAll(FORWARDED),
            headers.getAll(X_FORWARDED_FOR), trusted);
        ClientAddress.set(channel, client.equals(peer) ? null : client);
    }
}
