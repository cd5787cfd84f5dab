package dev.pulse.server.net;

import java.util.Locale;

/**
 * Where a connection's client address comes from ({@code client_address}). Anything but
 * {@link #PEER} applies only to connections from a peer in {@code trusted_proxies}; from anyone
 * else the forwarding headers and the PROXY protocol are ignored and the peer is the client.
 */
public enum ClientAddressSource
{
    /** The TCP peer: Pulse faces the clients itself. */
    PEER,
    /** The rightmost untrusted hop of {@code Forwarded}, else of {@code X-Forwarded-For} (an HTTP proxy such as nginx). */
    FORWARDED,
    /** The PROXY protocol header, version 1 or 2, that a trusted peer sends before anything else (HAProxy's {@code send-proxy}). */
    PROXY_PROTOCOL;

    /** As an operator writes it. */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
