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

/**
 * The demo store on a free port for browser tests, with the demo catalog rewritten so the page's
 * own origin is allowed (the bundled catalog allows localhost:8080 only) and with whatever the
 * test changes in it (shorter thresholds, for instance).
 */
public final class DemoServer implements AutoCloseable
{
    private final PulseServer server;
    private final int port;
    private final Path dataDir;

    private DemoServer(final PulseServer server, final int port, final Path dataDir)
    {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** @param editCatalog changes to the demo catalog's YAML text, applied after the origins are set. */
    public static DemoServer start(final Path dir, final UnaryOperator<String> editCatalog) throws Exception
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
        final String origins = "origins: [http://localhost:" + port + ", http://127.0.0.1:" + port + "]";
        final Path catalog = Files.writeString(dir.resolve("catalog.yaml"),
            editCatalog.apply(demo.replace("origins: [http://localhost:8080, http://127.0.0.1:8080]", origins)));
        final Path data = dir.resolve("data");
        final PulseServer server = PulseServer.start(ServerConfig.defaults().toBuilder()
            .bind("127.0.0.1").port(port).dataDir(data).catalogFile(catalog).catalogWatchMs(0).adminToken("browser-test-token").build());
        return new DemoServer(server, port, data);
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
        return dataDir;
    }

    @Override
    public void close()
    {
        server.close();
    }
}
