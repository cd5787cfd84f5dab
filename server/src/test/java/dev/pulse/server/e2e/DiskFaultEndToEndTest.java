package dev.pulse.server.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.DiskFaults;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full or read-only disk under a running server: it asks nothing it could not journal, keeps
 * acking and answering, says not ready, and, once the disk takes writes again, is ready and asks.
 */
@Timeout(90)
class DiskFaultEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"disk-full", "read-only"})
    void shouldWithholdQuestionsAndReportNotReadyWhileTheDiskFailsThenRecoverByItself(final String fault) throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = DiskFaultEndToEndTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        final DiskFaults faults = new DiskFaults();
        final ServerConfig config = ServerConfig.defaults().toBuilder().bind("127.0.0.1").port(0).dataDir(dir.resolve("data"))
            .catalogFile(catalog).catalogWatchMs(0).expectedSessions(1_000).eventLoopThreads(2).journalBufferBytes(1024 * 1024).build();
        try (PulseServer server = PulseServer.start(config, faults))
        {
            final int port = server.port();
            assertThat(status(port, "/readyz")).isEqualTo(200);
            try (TestClient first = TestClient.connect(port, "test", "http://localhost");
                 TestClient second = TestClient.connect(port, "test", "http://localhost"))
            {
                first.hello(null);
                second.hello(null);
                first.awaitAck(first.send("page", "url", "/pricing", "nav", "navigate"));
                // Both hellos' session_start records on disk before the fault: the first ack waits for its own loop's
                // records only, and a second's record still in the ring would hold the second's ack until the disk recovers.
                await(() -> journalLagBytes(port) == 0, "the hellos' records to be written");

                if (fault.equals("disk-full"))
                {
                    faults.diskFull(true);
                }
                else
                {
                    faults.readOnly(true);
                }
                // The journal finds out at its next write: a new session's session_start.
                try (TestClient probe = TestClient.connect(port, "test", "http://localhost"))
                {
                    probe.hello(null);
                }
                await(() -> faults.failedWrites() > 0 && status(port, "/readyz") == 503, "readiness to turn 503");
                assertThat(metric(port, "pulse_ready")).isZero();
                assertThat(metric(port, "pulse_journal_healthy")).isZero();

                // A pattern that asks on a healthy disk: acked, no question, and counted.
                final long pausedBefore = metric(port, "pulse_detection_paused_total");
                final long seq = askingPattern(first);
                final List<JsonNode> others = first.untilAck(seq);
                assertThat(others).as("no question while the journal cannot record it").noneMatch(m -> m.get("t").asText().equals("question"));
                assertThat(first.drain(300)).noneMatch(m -> m.get("t").asText().equals("question"));
                assertThat(metric(port, "pulse_detection_paused_total")).as("the pattern's three events went past the triggers")
                    .isGreaterThanOrEqualTo(pausedBefore + 3);
                second.awaitAck(second.send("page", "url", "/cart", "nav", "navigate"));
                assertThat(status(port, "/healthz")).as("alive all along").isEqualTo(200);
                assertThat(metric(port, "pulse_journal_healthy")).as("still failing: retried, not given up").isZero();

                if (fault.equals("disk-full"))
                {
                    faults.diskFull(false);
                }
                else
                {
                    faults.readOnly(false);
                }
                await(() -> status(port, "/readyz") == 200, "readiness to come back by itself");
                assertThat(metric(port, "pulse_journal_healthy")).isOne();
                askingPattern(second);
                final JsonNode question = second.next("question");
                assertThat(question.get("iid")).isNotNull();
            }
        }
    }

    /** The e2e catalog's failed-search trigger: two empty searches on an FAQ page. Returns the last seq. */
    private static long askingPattern(final TestClient client) throws Exception
    {
        client.send("page", "url", "/faq/shipping", "nav", "navigate");
        client.send("search", "q", "lamp", "results", 0);
        return client.send("search", "q", "lamps", "results", 0);
    }

    private static int status(final int port, final String path)
    {
        try
        {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static long metric(final int port, final String name) throws Exception
    {
        final String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        final Matcher matcher = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(body);
        if (!matcher.find())
        {
            throw new AssertionError("no " + name + " in /metrics");
        }
        return (long)Double.parseDouble(matcher.group(1));
    }

    private static long journalLagBytes(final int port)
    {
        try
        {
            return metric(port, "pulse_journal_lag_bytes");
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
