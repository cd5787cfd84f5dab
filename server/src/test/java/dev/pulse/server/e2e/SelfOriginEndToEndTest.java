package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog that lists {@code self} lets in the origin its own pages are served from, on whatever
 * port the server got; one that does not is as strict as before. (Unit cases: {@code ws.SelfOriginTest};
 * a real browser on the demo: {@code browser.DemoOnAnyAddressBrowserTest}.)
 */
@Timeout(60)
class SelfOriginEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldUpgradeTheServersOwnOriginOnAnEphemeralPortWhenTheCatalogListsSelf() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            Files.writeString(server.catalogFile(), Files.readString(server.catalogFile())
                .replace("origins: [http://localhost, http://127.0.0.1]", "origins: [self]"));
            server.restart();
            final int port = server.port();
            // RawWebSocket sends Host: 127.0.0.1:<port>, as a browser that opened http://127.0.0.1:<port>/ would.
            assertThat(status(port, "Origin: http://127.0.0.1:" + port)).isEqualTo(101);
            assertThat(status(port, "Origin: http://127.0.0.1:" + (port == 65_535 ? port - 1 : port + 1))).isEqualTo(403);
            assertThat(status(port, "Origin: http://localhost:" + port)).as("another host name than the Host").isEqualTo(403);
            assertThat(status(port, "Origin: https://127.0.0.1:" + port)).as("a scheme the server does not speak").isEqualTo(403);
            assertThat(status(port, "Origin: self")).isEqualTo(403);
            assertThat(server.server().metrics().refusals(Metrics.RefusalReason.ORIGIN)).isEqualTo(4);
        }
    }

    @Test
    void shouldRefuseTheServersOwnOriginWhenTheCatalogDoesNotListSelf() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final int port = server.port();
            assertThat(status(port, "Origin: http://127.0.0.1:" + port)).isEqualTo(403);
            assertThat(status(port, "Origin: http://127.0.0.1")).as("the catalog's own entry still works").isEqualTo(101);
        }
    }

    private static int status(final int port, final String origin) throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.connect(port, "/ws?site=test", origin))
        {
            return raw.handshakeStatus();
        }
    }
}
