package dev.pulse.server.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.server.PulseMain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pulse serve} as a process on a data directory whose session map is garbage: it refuses to
 * start with exit status 4, names the file and the way out, and leaves the journal as it was; with
 * {@code --reset-corrupt-sessions} it starts, the bad file kept aside, and the journal still holds
 * what the server before wrote.
 */
@Timeout(180)
class SessionMapEndToEndTest
{

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAGarbageSessionMapWithExitStatus4AndStartWithItMovedAsideWhenAsked() throws Exception
    {
        final TestServer seed = new TestServer(dir);
        final String sid;
        try (TestClient client = seed.connect())
        {
            client.hello(null);
            sid = client.sid();
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));
        }
        seed.close();
        final Path data = seed.dataDir();
        final Path map = data.resolve("sessions.dat");
        final byte[] garbage = new byte[(int)Files.size(map)];
        new Random(8).nextBytes(garbage);
        Files.write(map, garbage);
        final List<String> journalBefore = journalTypes(data);
        assertThat(journalBefore).contains("session_start");
        final byte[] journalBytesBefore = journalBytes(data);

        final Process refused = ServerProcess.start(data, "--allow-missing-origin", "--catalog", seed.catalogFile().toString());
        final String output;
        try
        {
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).as("it exits rather than waits").isTrue();
            output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        finally
        {
            refused.destroyForcibly();
        }
        assertThat(refused.exitValue()).as(output).isEqualTo(PulseMain.EXIT_SESSION_MAP_DAMAGED);
        assertThat(output).contains(map.toAbsolutePath().toString()).contains("damaged").contains("move the file aside")
            .contains("reset_corrupt_sessions").contains("journal was not touched");
        assertThat(Files.readAllBytes(map)).as("the map is left as it was").isEqualTo(garbage);
        assertThat(journalBytes(data)).as("the journal is left as it was").isEqualTo(journalBytesBefore);

        final Process reset = ServerProcess.start(data, "--allow-missing-origin", "--catalog", seed.catalogFile().toString(), "--reset-corrupt-sessions");
        try
        {
            final int port = ServerProcess.awaitPort(reset);
            try (TestClient client = TestClient.connect(port, "test", "http://localhost"))
            {
                client.hello(sid);
                assertThat(client.sid()).as("the old session is gone: a new one").isNotEqualTo(sid);
                client.awaitAck(client.send("page", "url", "/faq/shipping", "nav", "navigate"));
            }
            reset.destroy();
            assertThat(reset.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reset.exitValue()).isZero();
        }
        finally
        {
            reset.destroyForcibly();
        }
        final Path aside;
        try (Stream<Path> files = Files.list(data))
        {
            aside = files.filter(f -> f.getFileName().toString().startsWith("sessions.dat.corrupt-")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllBytes(aside)).as("the bad file is kept aside").isEqualTo(garbage);
        final List<String> journalAfter = journalTypes(data);
        assertThat(journalAfter).as("the journal keeps what was written before").startsWith(journalBefore.toArray(String[]::new));
        assertThat(journalAfter.size()).isGreaterThan(journalBefore.size());
    }

    private static List<String> journalTypes(final Path data) throws Exception
    {
        final List<String> types = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(data.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                types.add(record.type().wireName());
            }
        }
        return types;
    }

    private static byte[] journalBytes(final Path data) throws Exception
    {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(data.resolve("journal")))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".journal")).sorted().toList())
            {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }
}
