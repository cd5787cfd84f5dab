package dev.pulse.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.config.ServerConfigBuilder;
import dev.pulse.server.timer.PulseClock;

/** A real Pulse server for a test: ephemeral port, its own data directory, the e2e catalog. */
final class TestServer implements AutoCloseable
{
    private final Path dataDir;
    private final Path catalogFile;
    private final UnaryOperator<ServerConfigBuilder> customise;
    private final PulseClock clock;
    private PulseServer server;

    TestServer(final Path dir, final UnaryOperator<ServerConfigBuilder> customise) throws Exception
    {
        this(dir, customise, catalog -> catalog);
    }

    /** A server whose catalog is the e2e catalog's text changed by {@code catalog} (its policy, say). */
    TestServer(final Path dir, final UnaryOperator<ServerConfigBuilder> customise, final UnaryOperator<String> catalog)
        throws Exception
    {
        this(dir, customise, catalog, null);
    }

    /** As above, on {@code clock} (the system's when null): a test that moves time by hand. */
    TestServer(final Path dir, final UnaryOperator<ServerConfigBuilder> customise, final UnaryOperator<String> catalog,
        final PulseClock clock) throws Exception
    {
        this.dataDir = dir.resolve("data");
        this.catalogFile = dir.resolve("catalog.yaml");
        this.customise = customise;
        this.clock = clock;
        Files.createDirectories(dir);
        try (InputStream in = TestServer.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.writeString(catalogFile, catalog.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        start();
    }

    TestServer(final Path dir) throws Exception
    {
        this(dir, builder -> builder);
    }

    void start() throws Exception
    {
        final ServerConfig config = customise.apply(ServerConfig.defaults().toBuilder()
            .bind("127.0.0.1")
            .port(0)
            .dataDir(dataDir)
            .catalogFile(catalogFile)
            .catalogWatchMs(0)
            .expectedSessions(1_000)
            .eventLoopThreads(2)
            .journalBufferBytes(1024 * 1024)
            .adminToken("test-admin-token")).build();
        server = clock == null ? PulseServer.start(config) : PulseServer.start(config, clock);
    }

    /** Graceful stop and start again on the same data directory (a new port). */
    void restart() throws Exception
    {
        server.close();
        start();
    }

    PulseServer server()
    {
        return server;
    }

    int port()
    {
        return server.port();
    }

    Path dataDir()
    {
        return dataDir;
    }

    Path catalogFile()
    {
        return catalogFile;
    }

    /** The value of one sample of /metrics, named as it is written there: {@code pulse_x_total{reason="y"}}. */
    long metric(final String sample)
    {
        for (final String line : server.metrics().prometheusText().split("\n"))
        {
            if (line.startsWith(sample + " "))
            {
                return Long.parseLong(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + sample + " in /metrics");
    }

    TestClient connect() throws Exception
    {
        return TestClient.connect(port(), "test", "http://localhost");
    }

    @Override
    public void close() throws IOException
    {
        server.close();
    }
}
