package dev.pulse.server.e2e;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.journal.JournalReader;
import dev.pulse.server.journal.JournalRecordFlyweight;
import dev.pulse.server.session.SessionStoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server as a process: one per data directory, a graceful stop on SIGTERM. */
@Timeout(120)
class LifecycleEndToEndTest
{
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^:]+:(\\d+)/");

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
        final Process process = startProcess(data);
        try
        {
            final int port = awaitPort(process);
            try (TestClient client = TestClient.connect(port, "demo", "http://localhost:8080"))
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

    private static Process startProcess(final Path data) throws Exception
    {
        final Properties flags = new Properties();
        try (InputStream in = LifecycleEndToEndTest.class.getResourceAsStream("/jvm-flags.properties"))
        {
            flags.load(in);
        }
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(flags.getProperty("opens").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.pulse.server.PulseMain",
            "serve", "--port", "0", "--bind", "127.0.0.1", "--data", data.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the process's output until it says where it listens; keeps draining it afterwards. */
    private static int awaitPort(final Process process) throws Exception
    {
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            final StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    final Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find())
                    {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                    else if (!port.isDone())
                    {
                        output.append(line).append('\n');
                    }
                }
                port.completeExceptionally(new AssertionError("the server exited without listening:\n" + output));
            }
            catch (final Exception ex)
            {
                port.completeExceptionally(ex);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(60, TimeUnit.SECONDS);
    }
}
