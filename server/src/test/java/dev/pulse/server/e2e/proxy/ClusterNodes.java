package dev.pulse.server.e2e.proxy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;
import dev.pulse.kafka.RestartablePort;

/**
 * Three real Pulse nodes in this JVM for a balancer to route to, each on a port picked free at run
 * time and kept across a stop and a start (the balancer's configuration names it), each with its own
 * data directory, trusting 127.0.0.1 as its proxy. Which node served a visitor shows from the
 * outside in its welcome: node N's catalog (the e2e catalog) keeps the query parameter
 * {@code nodeN}, and the welcome's {@code keep_query} says so. No drain on a stop.
 */
final class ClusterNodes implements AutoCloseable
{
    static final int COUNT = 3;
    /** The ingest key every node knows, of site {@code test}. */
    static final String INGEST_KEY_ID = "cluster-backend";
    static final String INGEST_SECRET = "cluster-ingest-secret-0123456789abcdef";

    private final List<ServerConfig> configs = new ArrayList<>();
    private final PulseServer[] running = new PulseServer[COUNT];

    ClusterNodes(final Path dir, final ClientAddressSource clientAddress) throws Exception
    {
        final String catalog;
        try (InputStream in = ClusterNodes.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            catalog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Every node takes backend events signed with this key (ClusterRoutingEndToEndTest's backend case).
        final Path ingestKeys = Files.writeString(Files.createDirectories(dir).resolve("ingest.keys"),
            "test " + INGEST_KEY_ID + " " + INGEST_SECRET + "\n");
        try
        {
            for (int node = 1; node <= COUNT; node++)
            {
                final Path nodeDir = Files.createDirectories(dir.resolve(name(node)));
                final String marked = catalog.replace("  key: test\n", "  key: test\n  keep_query: [" + name(node) + "]\n");
                if (marked.equals(catalog))
                {
                    throw new AssertionError("the e2e catalog's site key line moved: no node marker");
                }
                configs.add(ServerConfig.defaults().toBuilder()
                    .bind("127.0.0.1").port(RestartablePort.pick()).dataDir(nodeDir.resolve("data"))
                    .catalogFile(Files.writeString(nodeDir.resolve("catalog.yaml"), marked)).catalogWatchMs(0)
                    .expectedSessions(2_000).eventLoopThreads(1).journalBufferBytes(1024 * 1024).fsyncPolicy(FsyncPolicy.NEVER)
                    .trustedProxies(AddressRanges.parseOrNull("127.0.0.1")).clientAddress(clientAddress)
                    .drainDelay(0).closeSpread(0).ingestKeysFile(ingestKeys).build());
                start(node);
            }
        }
        catch (final Exception | AssertionError ex)
        {
            close();
            throw ex;
        }
    }

    /** The marker of node {@code node} (1 to 3), as its welcomes carry it. */
    static String name(final int node)
    {
        return "node" + node;
    }

    /** The ports of the nodes, node 1 first. */
    List<Integer> ports()
    {
        return configs.stream().map(ServerConfig::port).toList();
    }

    /** Stops node {@code node} (1 to 3) as an operator would: its port closes, its sessions stay on its disk. */
    void stop(final int node)
    {
        running[node - 1].close();
        running[node - 1] = null;
    }

    /** Starts node {@code node} (again) on its port and data directory. */
    void start(final int node) throws Exception
    {
        running[node - 1] = PulseServer.start(configs.get(node - 1));
    }

    @Override
    public void close()
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (running[i] != null)
            {
                running[i].close();
                running[i] = null;
            }
        }
    }

}
