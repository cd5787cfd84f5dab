package dev.pulse.server.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The handshake: site and origin checks (403, no upgrade), the exact path, no compression. */
@Timeout(60)
class HandshakeEndToEndTest
{
    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception
    {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() throws Exception
    {
        server.close();
    }

    private int status(final String path, final String... headers) throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.connect(server.port(), path, headers))
        {
            if (raw.handshakeStatus() < 0) { throw new AssertionError("no status line in: [" + raw.handshakeResponse() + "]"); }
            return raw.handshakeStatus();
        }
    }

    @Test
    void shouldUpgradeTheSitesOwnOrigin() throws Exception
    {
        assertThat(status("/ws?site=test", "Origin: http://localhost")).isEqualTo(101);
        assertThat(status("/ws?site=test", "Origin: http://127.0.0.1")).isEqualTo(101);
    }

    @Test
    void shouldRefuseAForgedOriginWith403() throws Exception
    {
        assertThat(status("/ws?site=test", "Origin: https://evil.example")).isEqualTo(403);
        assertThat(status("/ws?site=test", "Origin: http://localhost.evil.example")).isEqualTo(403);
    }

    @Test
    void shouldRefuseAnUnknownSiteWith403() throws Exception
    {
        assertThat(status("/ws?site=other", "Origin: http://localhost")).isEqualTo(403);
        assertThat(status("/ws", "Origin: http://localhost")).isEqualTo(403);
        assertThat(status("/ws?site=test&site=test", "Origin: http://localhost")).isEqualTo(403);
    }

    @Test
    void shouldRefuseAMissingOriginUnlessTheOperatorAllowsIt() throws Exception
    {
        assertThat(status("/ws?site=test")).isEqualTo(403);
        server.close();
        server = new TestServer(dir.resolve("allowing"), builder -> builder.allowMissingOrigin(true));
        assertThat(status("/ws?site=test")).isEqualTo(101);
    }

    @Test
    void shouldUpgradeOnlyTheExactPath() throws Exception
    {
        assertThat(status("/ws/?site=test", "Origin: http://localhost")).isEqualTo(404);
        assertThat(status("/wsx?site=test", "Origin: http://localhost")).isEqualTo(404);
        assertThat(status("/ws/extra?site=test", "Origin: http://localhost")).isEqualTo(404);
    }

    @Test
    void shouldNegotiateNoCompression() throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws?site=test", "Origin: http://localhost",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"))
        {
            assertThat(raw.handshakeStatus()).isEqualTo(101);
            assertThat(raw.handshakeResponse().toLowerCase()).doesNotContain("sec-websocket-extensions");
        }
    }
}
