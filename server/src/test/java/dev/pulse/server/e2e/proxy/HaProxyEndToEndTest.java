package dev.pulse.server.e2e.proxy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.tools.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulse behind a real HAProxy (Debian's, 2.6) running {@code deploy/haproxy/pulse.cfg} unmodified,
 * at layer 4 with the PROXY protocol, version 2 and version 1, with {@code trusted_proxies:
 * 127.0.0.1} and {@code client_address: proxy_protocol}: every visitor is counted and logged under
 * the address the PROXY header names; HAProxy's health checks (LOCAL commands under version 2)
 * find Pulse up; forwarding headers count for nothing, through HAProxy or directly. Visitors are
 * 127.x.y.z source addresses; the per-address cap is 10.
 */
@Timeout(180)
class HaProxyEndToEndTest
{
    private static final int CAP = 10;

    @TempDir
    Path dir;

    @Test
    void shouldServe2000VisitorsThroughHaProxySpeakingProxyProtocolVersion2() throws Exception
    {
        serveManyVisitorsThroughHaProxy("send-proxy-v2");
    }

    @Test
    void shouldServe2000VisitorsThroughHaProxySpeakingProxyProtocolVersion1() throws Exception
    {
        serveManyVisitorsThroughHaProxy("send-proxy");
    }

    private void serveManyVisitorsThroughHaProxy(final String sendProxy) throws Exception
    {
        final Path binary = ExternalTool.require("haproxy", "/usr/sbin/haproxy");
        try (PulseChild pulse = new PulseChild(dir.resolve("pulse"), "trusted_proxies: 127.0.0.1", "client_address: proxy_protocol",
                "max_connections_per_address: " + CAP, "handshakes_per_second: 0");
             HaProxy haproxy = new HaProxy(binary, dir.resolve("haproxy"), pulse.port(), sendProxy))
        {
            awaitHealth(haproxy, "UP L7OK");
            try (WebSocketCrowd crowd = new WebSocketCrowd())
            {
                final long startNs = System.nanoTime();
                crowd.connect(haproxy.address(), WebSocketCrowd.sources(1, 200, CAP), Map.of(), 120_000);
                System.out.printf("2,000 visitors through HAProxy (%s) welcomed in %d ms%n", sendProxy, (System.nanoTime() - startNs) / 1_000_000);

                assertThat(crowd.failures()).as("HAProxy said:\n%s\nPulse said:\n%s", haproxy.output(), pulse.output()).isEmpty();
                assertThat(crowd.welcomed()).isEqualTo(2_000);
            }
            try (WebSocketCrowd crowd = new WebSocketCrowd())
            {
                // Through HAProxy and directly: each connection names another client in a header; none is believed.
                for (int i = 1; i <= CAP + 1; i++)
                {
                    crowd.connect(haproxy.address(), WebSocketCrowd.sources(3, 1, 1), Map.of("X-Forwarded-For", "203.0.113." + i), 20_000);
                    crowd.connect(new InetSocketAddress("127.0.0.1", pulse.port()), WebSocketCrowd.sources(4, 1, 1),
                        Map.of("X-Forwarded-For", "198.51.100." + i), 20_000);
                }

                assertThat(crowd.welcomed()).isEqualTo(2 * CAP);
                assertThat(crowd.failures()).containsExactly(Map.entry("HTTP 429", 2));
                pulse.awaitOutput("refused a WebSocket handshake from 127.3.0.1 via 127.0.0.1:");
                pulse.awaitOutput("refused a WebSocket handshake from 127.4.0.1:");
            }
            awaitHealth(haproxy, "UP L7OK");
            assertThat(pulse.metric("pulse_connections_refused_total{reason=\"bad_request\"}")).as("no check was refused").isZero();
        }
    }

    private static void awaitHealth(final HaProxy haproxy, final String expected) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String health = haproxy.pulseHealth();
        while (!health.equals(expected) && System.nanoTime() < deadline)
        {
            Thread.sleep(200);
            health = haproxy.pulseHealth();
        }
        assertThat(health).as("pulse/pulse1 in HAProxy's stats; its output:\n" + haproxy.output()).isEqualTo(expected);
    }
}
