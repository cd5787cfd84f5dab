package dev.pulse.server.browser;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.config.ServerConfigBuilder;

/**
 * The demo store on a free port for browser tests, with whatever the test changes in the demo
 * catalog (shorter thresholds, for instance): a catalog file and {@code demo: true}, since a server
 * given a catalog serves {@code /demo/} only when asked to. The page's own origin needs no change: the bundled
 * catalog lists {@code self}.
 */
public final class DemoServer implements AutoCloseable
{
    private final ServerConfig config;
    private final int port;
    private PulseServer server;

    private DemoServer(final ServerConfig config) throws Exception
    {
        this.config = config;
        this.port = config.port();
        this.server = PulseServer.start(config);
    }

    /** The admin token of every test server ({@code /preview}, {@code /admin/*}). */
    public static final String ADMIN_TOKEN = "browser-test-token";

    /** @param editCatalog changes to the demo catalog's YAML text. */
    public static DemoServer start(final Path dir, final UnaryOperator<String> editCatalog) throws Exception
    {
        return start(dir, editCatalog, UnaryOperator.identity());
    }

    /** @param editConfig changes to the server's settings (rate limits, for instance). */
    public static DemoServer start(final Path dir, final UnaryOperator<String> editCatalog,
        final UnaryOperator<ServerConfigBuilder> editConfig) throws Exception
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        final String demo;
        try (InputStream in = DemoServer.class.getResourceAsStream(CatalogLoader.DEMO_RESOURCE))
        {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final Path catalog = Files.writeString(dir.resolve("catalog.yaml"), editCatalog.apply(demo));
        return new DemoServer(editConfig.apply(ServerConfig.defaults().toBuilder()
            .bind("127.0.0.1").port(port).dataDir(dir.resolve("data")).catalogFile(catalog).demo(true).catalogWatchMs(0).adminToken(ADMIN_TOKEN))
            .build());
    }

    public static DemoServer start(final Path dir) throws Exception
    {
        return start(dir, UnaryOperator.identity());
    }

    /** A page of the demo store, by path (e.g. {@code /demo/pricing}). */
    public String url(final String path)
    {
        return "http://localhost:" + port + path;
    }

    public PulseServer server()
    {
        return server;
    }

    public Path dataDir()
    {
        return config.dataDir();
    }

    /** Stops the server gracefully (every socket closed with 1001); {@link #restart()} brings it back. */
    public void stop()
    {
        server.close();
    }

    /** A new server on the same port, data directory and catalog. */
    public void restart() throws Exception
    {
        server = PulseServer.start(config);
    }

    @Override
    public void close()
    {
        server.close();
    }
}
