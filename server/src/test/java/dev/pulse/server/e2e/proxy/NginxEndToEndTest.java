package dev.pulse.server.e2e.proxy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.tools.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulse behind a real nginx (Debian's) running {@code deploy/nginx/pulse.conf} unmodified, with
 * {@code trusted_proxies: 127.0.0.1} (where nginx connects from) and {@code client_address:
 * forwarded}: every visitor is counted and logged under its own address, however many share
 * nginx's, and what a visitor writes into the forwarding headers itself changes nothing.
 * Visitors are 127.x.y.z source addresses; the per-address cap is 10.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxEndToEndTest
{
    private static final int CAP = 10;

    @TempDir
    static Path dir;

    private PulseChild pulse;
    private Nginx nginx;

    @BeforeAll
    void start() throws Exception
    {
        final Path binary = ExternalTool.require("nginx", "/usr/sbin/nginx");
        pulse = new PulseChild(dir.resolve("pulse"), "trusted_proxies: 127.0.0.1", "client_address: forwarded",
            "max_connections_per_address: " + CAP, "handshakes_per_second: 0");
        nginx = new Nginx(binary, dir.resolve("nginx"), pulse.port());
    }

    @AfterAll
    void stop()
    {
        // Both, nginx first, also when one of them failed to start (null).
        try
        {
            if (nginx != null)
            {
                nginx.close();
            }
        }
        finally
        {
            if (pulse != null)
            {
                pulse.close();
            }
        }
    }

    @Test
    void shouldServe2000VisitorsThroughNginxEachCountedUnderItsOwnAddress() throws Exception
    {
        // 200 visitors with 10 connections each: all at their cap, none over it; nginx's own address holds 2,000.
        final String refusedPerAddress = "pulse_connections_refused_total{reason=\"per_address\"}";
        final long refusedBefore = pulse.metric(refusedPerAddress);
        try (WebSocketCrowd crowd = new WebSocketCrowd())
        {
            final long startNs = System.nanoTime();
            crowd.connect(nginx.address(), WebSocketCrowd.sources(1, 200, CAP), Map.of(), 120_000);
            System.out.printf("2,000 visitors through nginx welcomed in %d ms%n", (System.nanoTime() - startNs) / 1_000_000);

            assertThat(crowd.failures()).isEmpty();
            assertThat(crowd.welcomed()).isEqualTo(2_000);
            assertThat(pulse.metric(refusedPerAddress)).isEqualTo(refusedBefore);
        }
    }

    @Test
    void shouldCapAVisitorWhoForgesForwardingHeadersThroughNginxUnderItsOwnAddress() throws Exception
    {
        try (WebSocketCrowd crowd = new WebSocketCrowd())
        {
            // Each connection names another client: believed, none would reach a cap.
            for (int i = 1; i <= CAP + 1; i++)
            {
                crowd.connect(nginx.address(), WebSocketCrowd.sources(3, 1, 1),
                    Map.of("X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i), 20_000);
            }

            assertThat(crowd.welcomed()).isEqualTo(CAP);
            assertThat(crowd.failures()).containsExactly(Map.entry("HTTP 429", 1));
            pulse.awaitOutput("refused a WebSocket handshake from 127.3.0.1 via 127.0.0.1:");
            assertThat(pulse.output()).doesNotContain("203.0.113.", "198.51.100.");
        }
    }

    @Test
    void shouldIgnoreForwardingHeadersFromAClientThatIsNoTrustedProxy() throws Exception
    {
        try (WebSocketCrowd crowd = new WebSocketCrowd())
        {
            final InetSocketAddress direct = new InetSocketAddress("127.0.0.1", pulse.port());
            for (int i = 1; i <= CAP + 1; i++)
            {
                crowd.connect(direct, WebSocketCrowd.sources(4, 1, 1), Map.of("X-Forwarded-For", "203.0.113." + i), 20_000);
            }

            assertThat(crowd.welcomed()).isEqualTo(CAP);
            assertThat(crowd.failures()).containsExactly(Map.entry("HTTP 429", 1));
            pulse.awaitOutput("refused a WebSocket handshake from 127.4.0.1:");
        }
    }

    @Test
    void shouldProxyTheHttpRoutesButNotMetrics() throws Exception
    {
        final HttpClient http = HttpClient.newHttpClient();
        for (final String path : List.of("/healthz", "/readyz", "/pulse.js"))
        {
            assertThat(get(http, path)).as(path).isEqualTo(200);
        }
        assertThat(get(http, "/metrics")).as("scraped directly, not through the public proxy").isEqualTo(404);
    }

    private int get(final HttpClient http, final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
