package dev.pulse.server.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.DiskFaults;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-shutdown marker promises the next start that nothing needs recovering: it is written
 * after a stop that finished every step, and never after one that timed out somewhere (an event
 * loop that did not stop, a journal that could not write what it held).
 */
@Timeout(90)
class CleanShutdownMarkerEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheMarkerAfterAStopThatFinishedEveryStep() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder.shutdownTimeoutMs(2_000));
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));
        }
        server.close();
        assertThat(server.dataDir().resolve("clean-shutdown")).exists();
    }

    @Test
    void shouldNotWriteTheMarkerWhenAnEventLoopDidNotStopInTime() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder.shutdownTimeoutMs(500));
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));
        }
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        server.server().eventLoops().next().execute(() ->
        {
            blocked.countDown();
            try
            {
                release.await(60, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        try
        {
            server.close();
            assertThat(server.dataDir().resolve("clean-shutdown")).as("a loop was still running").doesNotExist();
        }
        finally
        {
            release.countDown();
        }
    }

    @Test
    void shouldNotWriteTheMarkerWhenTheJournalCouldNotWriteEverythingInTime() throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = CleanShutdownMarkerEndToEndTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        final DiskFaults faults = new DiskFaults();
        final ServerConfig config = ServerConfig.defaults().toBuilder().bind("127.0.0.1").port(0).dataDir(dir.resolve("data"))
            .catalogFile(catalog).catalogWatchMs(0).expectedSessions(1_000).eventLoopThreads(2).journalBufferBytes(1024 * 1024)
            .shutdownTimeoutMs(2_000).build();
        final PulseServer server = PulseServer.start(config, faults);
        try
        {
            faults.holdWrites();
            try (TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
            {
                // Its session_start record is committed to the ring; the journal thread is stuck writing it.
                client.hello(null);
            }
            server.close();
            assertThat(dir.resolve("data").resolve("clean-shutdown")).as("the journal still held a record").doesNotExist();
        }
        finally
        {
            faults.releaseWrites();
        }
    }
}
