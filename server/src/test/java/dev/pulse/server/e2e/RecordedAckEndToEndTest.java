package dev.pulse.server.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.DiskFaults;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.session.SessionId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ack means recorded: with every message captured (one raw_event record each), an ack never
 * comes before the journal has written the acked messages' records, and a message the journal
 * cannot take is not handled: answered {@code overloaded}, closed 1013, not acked, its seq not
 * used up, so the client's resend after the next welcome is recorded exactly once.
 */
@Timeout(90)
class RecordedAckEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNotAckUntilTheJournalHasWrittenTheRecords() throws Exception
    {
        final DiskFaults faults = new DiskFaults();
        try (PulseServer server = PulseServer.start(config(FsyncPolicy.INTERVAL, 1 << 20), faults);
             TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            client.hello(null);
            client.awaitAck(client.send("active"));

            final CountDownLatch slowDisk = new CountDownLatch(1);
            faults.holdWrites(slowDisk);
            final int writesBefore = faults.writeAttempts();
            final long seq = client.send("active");
            awaitTrue(() -> faults.writeAttempts() > writesBefore, "the journal thread to block in its write");
            final long held = client.send("active");
            final List<JsonNode> meanwhile = client.drain(500);
            assertThat(meanwhile).as("no ack while the records of %d and %d are not written", seq, held)
                .noneMatch(m -> m.get("t").asText().equals("ack") && m.get("seq").asLong() >= seq);

            slowDisk.countDown();
            client.awaitAck(held);
        }
    }

    @Test
    void shouldRefuseAMessageTheJournalCannotTakeAndRecordItsResendOnce() throws Exception
    {
        final DiskFaults faults = new DiskFaults();
        final Path data;
        final String sid;
        final long lastAcked;
        long refusedSeq = 0;
        try (PulseServer server = PulseServer.start(config(FsyncPolicy.INTERVAL, 64 * 1024), faults))
        {
            data = dir.resolve("data");
            final CountDownLatch slowDisk = new CountDownLatch(1);
            try (TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
            {
                sid = client.hello(null).get("sid").asText();
                lastAcked = client.send("active");
                client.awaitAck(lastAcked);
                faults.holdWrites(slowDisk);
                // About 100 bytes a record: a 64 KiB ring is full after some hundreds.
                // Send until the server refuses one and closes (a send after its close fails: that ends the loop too).
                for (int i = 0; i < 5_000 && !client.closed(); i++)
                {
                    try
                    {
                        client.send("click", "target", "#buy", "x", 1, "y", 2);
                    }
                    catch (final java.util.concurrent.ExecutionException closedMeanwhile)
                    {
                        break;
                    }
                }
                final JsonNode error = client.next("error");
                assertThat(error.get("code").asText()).isEqualTo("overloaded");
                assertThat(error.get("retry_ms").asLong()).isPositive();
                refusedSeq = error.get("seq").asLong();
                assertThat(client.awaitClose()).as("closed to try again later").isEqualTo(1013);
            }
            slowDisk.countDown();
            faults.holdWrites(null);

            try (TestClient again = TestClient.connect(server.port(), "test", "http://localhost"))
            {
                final JsonNode welcome = again.hello(sid);
                assertThat(welcome.get("resumed").asBoolean()).isTrue();
                assertThat(welcome.get("seq").asLong()).as("the refused message did not use up its seq").isEqualTo(refusedSeq - 1);
                final long resent = again.send("click", "target", "#buy", "x", 1, "y", 2);
                assertThat(resent).isEqualTo(refusedSeq);
                again.awaitAck(resent);
            }
            assertThat(metric(server, "pulse_errors_total{code=\"overloaded\"}")).isPositive();
        }

        final Map<Long, Integer> recordsBySeq = new HashMap<>();
        try (JournalReader reader = JournalReader.open(data.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.RAW_EVENT && SessionId.toString(record.sidHi(), record.sidLo()).equals(sid) &&
                    record.value() > 0)
                {
                    recordsBySeq.merge(record.value(), 1, Integer::sum);
                }
            }
        }
        final long lastSeq = refusedSeq;
        for (long seq = 1; seq <= lastSeq; seq++)
        {
            assertThat(recordsBySeq.get(seq)).as("records of seq %d", seq).isEqualTo(1);
        }
        assertThat(recordsBySeq.keySet()).as("nothing recorded past the resend").allMatch(seq -> seq <= lastSeq);
    }

    private ServerConfig config(final FsyncPolicy policy, final int ringBytes) throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = RecordedAckEndToEndTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.writeString(catalog, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]\n  capture_events: true"));
        }
        return ServerConfig.defaults().toBuilder().bind("127.0.0.1").port(0).dataDir(dir.resolve("data")).catalogFile(catalog)
            .catalogWatchMs(0).expectedSessions(1_000).eventLoopThreads(1).journalBufferBytes(ringBytes).fsyncPolicy(policy)
            .messagesPerSecond(1_000_000).messageBurst(1_000_000).maxRejectedMessages(1_000_000).build();
    }

    private static long metric(final PulseServer server, final String line)
    {
        for (final String text : server.metrics().prometheusText().split("\n"))
        {
            if (text.startsWith(line + " "))
            {
                return Long.parseLong(text.substring(line.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + line);
    }

    private static void awaitTrue(final java.util.function.BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
