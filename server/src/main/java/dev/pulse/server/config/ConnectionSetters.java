package dev.pulse.server.config;

import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

/**
 * The builder's setters for the listener and its connections: where it listens, what a connection
 * may send and hold, the event loops, and whose forwarded client address is believed.
 * Sealed to {@link ServerConfigBuilder}, so {@code this} is always the builder.
 */
sealed interface ConnectionSetters permits ServerConfigBuilder
{
    default ServerConfigBuilder bind(final String bind)
    {
        return ((ServerConfigBuilder)this).set("bind", bind);
    }

    default ServerConfigBuilder port(final int port)
    {
        return ((ServerConfigBuilder)this).set("port", port);
    }

    default ServerConfigBuilder maxMessageBytes(final int maxMessageBytes)
    {
        return ((ServerConfigBuilder)this).set("maxMessageBytes", maxMessageBytes);
    }

    default ServerConfigBuilder readTimeoutMs(final long readTimeoutMs)
    {
        return ((ServerConfigBuilder)this).set("readTimeoutMs", readTimeoutMs);
    }

    default ServerConfigBuilder handshakeTimeoutMs(final long handshakeTimeoutMs)
    {
        return ((ServerConfigBuilder)this).set("handshakeTimeoutMs", handshakeTimeoutMs);
    }

    default ServerConfigBuilder messagesPerSecond(final int messagesPerSecond)
    {
        return ((ServerConfigBuilder)this).set("messagesPerSecond", messagesPerSecond);
    }

    default ServerConfigBuilder messageBurst(final int messageBurst)
    {
        return ((ServerConfigBuilder)this).set("messageBurst", messageBurst);
    }

    default ServerConfigBuilder rateLimitCloseMs(final long rateLimitCloseMs)
    {
        return ((ServerConfigBuilder)this).set("rateLimitCloseMs", rateLimitCloseMs);
    }

    default ServerConfigBuilder maxRejectedMessages(final int maxRejectedMessages)
    {
        return ((ServerConfigBuilder)this).set("maxRejectedMessages", maxRejectedMessages);
    }

    default ServerConfigBuilder allowMissingOrigin(final boolean allowMissingOrigin)
    {
        return ((ServerConfigBuilder)this).set("allowMissingOrigin", allowMissingOrigin);
    }

    default ServerConfigBuilder maxConnections(final int maxConnections)
    {
        return ((ServerConfigBuilder)this).set("maxConnections", maxConnections);
    }

    default ServerConfigBuilder maxConnectionsPerAddress(final int maxConnectionsPerAddress)
    {
        return ((ServerConfigBuilder)this).set("maxConnectionsPerAddress", maxConnectionsPerAddress);
    }

    default ServerConfigBuilder handshakesPerSecond(final int handshakesPerSecond)
    {
        return ((ServerConfigBuilder)this).set("handshakesPerSecond", handshakesPerSecond);
    }

    default ServerConfigBuilder maxPendingWriteBytes(final int maxPendingWriteBytes)
    {
        return ((ServerConfigBuilder)this).set("maxPendingWriteBytes", maxPendingWriteBytes);
    }

    default ServerConfigBuilder writeStallTimeoutMs(final long writeStallTimeoutMs)
    {
        return ((ServerConfigBuilder)this).set("writeStallTimeoutMs", writeStallTimeoutMs);
    }

    default ServerConfigBuilder eventLoopThreads(final int eventLoopThreads)
    {
        return ((ServerConfigBuilder)this).set("eventLoopThreads", eventLoopThreads);
    }

    default ServerConfigBuilder trustedProxies(final AddressRanges trustedProxies)
    {
        return ((ServerConfigBuilder)this).set("trustedProxies", trustedProxies);
    }

    default ServerConfigBuilder clientAddress(final ClientAddressSource clientAddress)
    {
        return ((ServerConfigBuilder)this).set("clientAddress", clientAddress);
    }
}
