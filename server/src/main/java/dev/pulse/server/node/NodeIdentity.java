package dev.pulse.server.node;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.pulse.journal.DurableFile;
import dev.pulse.journal.RecordId;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;

/**
 * This node's id in a cluster: the first part of every {@link RecordId} it ships to Kafka or puts
 * in a webhook. {@code node_id} when set (checked with the settings), else the host name made to fit
 * {@link RecordId#NODE}. The data directory remembers the id it was first served under (its
 * {@value #FILE} file); a server started on it with another id refuses to start (exit 2), so two
 * nodes never write one record id space, and a directory copied to a second machine is not shipped
 * twice under two names.
 */
public final class NodeIdentity
{
    /** The file in the data directory that names its node. */
    public static final String FILE = "node-id";
    private static final String FALLBACK = "pulse";

    private NodeIdentity()
    {
    }

    /** The node id {@code config} gives: {@code node_id}, or the host name made to fit. */
    public static String resolve(final ServerConfig config)
    {
        return config.nodeId() != null ? config.nodeId() : fromHostName(hostName());
    }

    /** {@code host} as a node id: characters outside A-Z a-z 0-9 . _ - become '-', cut to 64; {@value #FALLBACK} if empty. */
    static String fromHostName(final String host)
    {
        final String fitted = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "-");
        return fitted.isEmpty() ? FALLBACK : fitted.substring(0, Math.min(64, fitted.length()));
    }

    /**
     * Binds {@code dataDir} to {@code nodeId}: writes the id at the first start, and refuses a
     * directory that names another node.
     *
     * @throws ConfigException if the directory belongs to another node (the message says what to do).
     */
    public static void bind(final Path dataDir, final String nodeId) throws ConfigException, IOException
    {
        final Path file = dataDir.resolve(FILE);
        if (Files.exists(file))
        {
            final String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!owner.equals(nodeId))
            {
                throw new ConfigException("the data directory " + dataDir.toAbsolutePath() + " belongs to node '" + owner
                    + "' (its " + FILE + " file), not to this node '" + nodeId + "': two nodes must never write one record id space; "
                    + "give this node its own data directory, or set node_id: " + owner + " if this is that node");
            }
            return;
        }
        DurableFile.write(file, (nodeId + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    private static String hostName()
    {
        try
        {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final IOException ex)
        {
            final String variable = System.getenv("HOSTNAME");
            return variable != null ? variable : FALLBACK;
        }
    }
}
