package dev.pulse.server.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.testing.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stop a load balancer needs, on a real process and a real SIGTERM: {@code /readyz} turns 503
 * at once (on the metrics port too), a connection that arrives during {@code drain_delay} is still
 * served, then every session is closed with 1001, the closes spread over {@code close_spread};
 * exit 0 and the clean-shutdown marker. A second SIGTERM skips the rest of the drain.
 */
@Timeout(180)
class DrainEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final int SESSIONS = 20;

    @TempDir
    Path dir;

    @Test
    void shouldServeThroughTheDrainDelayThenCloseEverySessionWith1001SpreadOverTheCloseSpread() throws Exception
    {
        final Path data = dir.resolve("data");
        final int metricsPort = freePort();
        // 5 s (the default) leaves a loaded machine time to see the 503 and connect once more before the delay ends.
        // The orderly part after the drain is not what this test is about: 60 s for it, so a loaded machine
        // still writes the clean-shutdown marker (it missed 10 s once, beside a full build).
        final Process process = ServerProcess.start(Map.of("PULSE_DRAIN_DELAY", "5s", "PULSE_CLOSE_SPREAD", "2s",
            "PULSE_METRICS_PORT", Integer.toString(metricsPort), "PULSE_SHUTDOWN_TIMEOUT_MS", "60s"), data);
        final StringBuffer output = new StringBuffer();
        final List<TestClient> clients = new ArrayList<>();
        try
        {
            final int port = ServerProcess.awaitPort(process, output);
            assertThat(status(port, "/readyz")).isEqualTo(200);
            assertThat(status(metricsPort, "/readyz")).isEqualTo(200);
            for (int i = 0; i < SESSIONS; i++)
            {
                clients.add(connect(port));
            }

            ServerProcess.signal(process, "TERM");
            awaitStatus(port, "/readyz", 503);
            assertThat(status(metricsPort, "/readyz")).as("the metrics port's /readyz").isEqualTo(503);
            assertThat(status(port, "/healthz")).as("alive while draining").isEqualTo(200);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\npulse_ready 0\n");
            final TestClient late = connect(port);
            clients.add(late);
            late.awaitAck(late.send("active"));
            assertThat(clients).as("no session closed during the drain delay").noneMatch(TestClient::closed);

            long firstCloseNs = Long.MAX_VALUE;
            long lastCloseNs = Long.MIN_VALUE;
            for (final TestClient client : clients)
            {
                assertThat(client.awaitClose(GENEROUS)).as("every session is told the server is going away").isEqualTo(1001);
                firstCloseNs = Math.min(firstCloseNs, client.closedAtNanos());
                lastCloseNs = Math.max(lastCloseNs, client.closedAtNanos());
            }
            System.out.printf("%d sessions closed with 1001 over %d ms (close_spread 2 s)%n", clients.size(),
                TimeUnit.NANOSECONDS.toMillis(lastCloseNs - firstCloseNs));
            assertThat(TimeUnit.NANOSECONDS.toMillis(lastCloseNs - firstCloseNs))
                .as("the 21 closes spread over close_spread (2 s), not in one burst").isGreaterThanOrEqualTo(1_000);
            assertThat(process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        finally
        {
            clients.forEach(TestClient::close);
            process.destroyForcibly();
        }
        assertThat(Files.exists(data.resolve("clean-shutdown"))).as("the clean-shutdown marker; the server said:%n%s", output).isTrue();
    }

    @Test
    void shouldSkipTheRestOfTheDrainOnASecondSigterm() throws Exception
    {
        final Path data = dir.resolve("data");
        // A drain far longer than the test may wait: only the second signal can end it in time.
        final Process process = ServerProcess.start(Map.of("PULSE_DRAIN_DELAY", "10m", "PULSE_CLOSE_SPREAD", "10m"), data);
        try
        {
            final int port = ServerProcess.awaitPort(process);
            try (TestClient client = connect(port))
            {
                ServerProcess.signal(process, "TERM");
                awaitStatus(port, "/readyz", 503);
                assertThat(client.closed()).isFalse();
                ServerProcess.signal(process, "TERM");
                assertThat(client.awaitClose(GENEROUS)).isEqualTo(1001);
            }
            assertThat(process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("stopped long before the 10 min drain").isTrue();
            assertThat(process.exitValue()).isZero();
        }
        finally
        {
            process.destroyForcibly();
        }
        assertThat(Files.exists(data.resolve("clean-shutdown"))).isTrue();
    }

    /** A session of the bundled demo, which allows its own origin. */
    private static TestClient connect(final int port) throws Exception
    {
        final TestClient client = TestClient.connect(port, "demo", "http://127.0.0.1:" + port);
        client.hello(null);
        return client;
    }

    private static int status(final int port, final String path) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitStatus(final int port, final String path, final int expected) throws Exception
    {
        Eventually.holds(() -> status(port, path) == expected, GENEROUS, "GET " + path + " answers " + expected);
    }

    private static int freePort() throws Exception
    {
        try (ServerSocket probe = new ServerSocket(0))
        {
            return probe.getLocalPort();
        }
    }
}
