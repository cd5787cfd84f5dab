package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.session.SessionStoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server as a process: one per data directory, a graceful stop on SIGTERM. */
@Timeout(120)
class LifecycleEndToEndTest
{

    @TempDir
    Path dir;

    @Test
    void shouldRefuseASecondServerOnTheSameDataDirectory() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final ServerConfig second = ServerConfig.defaults().toBuilder().port(0).bind("127.0.0.1").dataDir(server.dataDir())
                .catalogFile(server.catalogFile()).build();
            assertThatThrownBy(() -> PulseServer.start(second))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("in use");
            try (TestClient client = server.connect())
            {
                client.hello(null);
                client.awaitAck(client.send("active"));
            }
        }
    }

    @Test
    void shouldStopGracefullyOnSigtermWithinBoundedTime() throws Exception
    {
        final Path data = dir.resolve("data");
        final Process process = ServerProcess.start(data);
        try
        {
            final int port = ServerProcess.awaitPort(process);
            // The bundled demo allows its own origin (self): TestClient connects to 127.0.0.1:<port>.
            try (TestClient client = TestClient.connect(port, "demo", "http://127.0.0.1:" + port))
            {
                client.hello(null);
                client.awaitAck(client.send("page", "url", "/demo/pricing", "nav", "navigate"));
                final long start = System.nanoTime();
                process.destroy();
                assertThat(client.awaitClose()).as("clients are told the server is going away").isEqualTo(1001);
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isZero();
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
            }
        }
        finally
        {
            process.destroyForcibly();
        }
        assertThat(Files.exists(data.resolve("clean-shutdown"))).isTrue();
        final List<String> types = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(data.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                types.add(record.type().wireName());
            }
        }
        assertThat(types).containsSubsequence("catalog_reload", "session_start");
    }
}
