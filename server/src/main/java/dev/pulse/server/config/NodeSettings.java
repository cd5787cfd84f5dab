package dev.pulse.server.config;

import java.util.List;

import dev.pulse.journal.RecordId;

/**
 * The {@code node_id} setting's check, made with the other settings (so {@code serve} and
 * {@code config check} refuse a bad one with exit 2): 1 to 64 of {@code A-Z a-z 0-9 . _ -}, the
 * first part of every record id ({@link RecordId#NODE}). Resolving the default (the host name) and
 * binding the id to a data directory are {@code dev.pulse.server.node.NodeIdentity}'s.
 */
public final class NodeSettings
{
    private NodeSettings()
    {
    }

    static void check(final ServerConfig config, final List<String> problems)
    {
        final String nodeId = config.nodeId();
        if (nodeId != null && !RecordId.NODE.matcher(nodeId).matches())
        {
            problems.add("node_id: '" + nodeId + "' is not a node id: 1 to 64 characters of A-Z a-z 0-9 . _ - "
                + "(it begins every record id this node ships)");
        }
    }
}
