package dev.pulse.server.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.pulse.journal.RecordId;
import dev.pulse.server.config.ServerConfig;

/**
 * This node's id in record ids: {@code node_id}, or the host name cut to what a node id may hold.
 * A stand-in kept private to the webhooks until the node's identity (the shipper's, which also
 * checks a data directory belongs to this node) lands; the integrator switches to that one.
 */
final class NodeName
{
    private NodeName()
    {
    }

    static String of(final ServerConfig config)
    {
        if (config.nodeId() != null)
        {
            return config.nodeId();
        }
        String host;
        try
        {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (final UnknownHostException ex)
        {
            host = "localhost";
        }
        final String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-");
        final String name = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
        return RecordId.NODE.matcher(name).matches() ? name : "localhost";
    }
}
