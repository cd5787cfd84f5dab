package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.RawEventKind;
import dev.pulse.server.session.SessionId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stop path (what SIGTERM runs) while clients keep sending: every message acked before the stop
 * has its record in the journal afterwards. Events are captured (capture_events), so each message
 * leaves one raw_event record carrying its seq.
 */
@Timeout(90)
class GracefulStopEndToEndTest
{
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheJournalRecordOfEveryMessageAckedBeforeTheStop() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder.messagesPerSecond(1_000_000).messageBurst(1_000_000));
        Files.writeString(server.catalogFile(), Files.readString(server.catalogFile())
            .replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]\n  capture_events: true"));
        server.restart();

        final List<TestClient> clients = new ArrayList<>();
        final Map<String, long[]> ackedRange = new HashMap<>();
        final List<Thread> senders = new ArrayList<>();
        final AtomicLong totalAcked = new AtomicLong();
        final CountDownLatch running = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++)
        {
            final TestClient client = server.connect();
            clients.add(client);
            client.hello(null);
            final long[] range = {client.seq() + 1, client.seq()};
            ackedRange.put(client.sid(), range);
            final Thread sender = new Thread(() ->
            {
                try
                {
                    while (true)
                    {
                        long last = 0;
                        for (int i = 0; i < 20; i++)
                        {
                            last = client.send("active");
                        }
                        client.awaitAck(last);
                        range[1] = last;
                        totalAcked.addAndGet(20);
                        running.countDown();
                    }
                }
                catch (final Exception | AssertionError ex)
                {
                    // The server went away: nothing sent after this point was acked.
                }
            }, "sender-" + c);
            senders.add(sender);
            sender.start();
        }
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        final long atStop = totalAcked.get() + 1_000;
        while (totalAcked.get() < atStop)
        {
            Thread.sleep(5);
        }
        server.close();
        for (final Thread sender : senders)
        {
            sender.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(sender.isAlive()).isFalse();
        }
        clients.forEach(TestClient::close);

        final Map<String, TreeSet<Long>> journaled = new HashMap<>();
        try (JournalReader reader = JournalReader.open(server.dataDir().resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.RAW_EVENT && record.code() == RawEventKind.ACTIVE.ordinal())
                {
                    journaled.computeIfAbsent(SessionId.toString(record.sidHi(), record.sidLo()), sid -> new TreeSet<>()).add(record.value());
                }
            }
        }
        for (final Map.Entry<String, long[]> entry : ackedRange.entrySet())
        {
            final long[] range = entry.getValue();
            assertThat(range[1]).as("acked messages of %s", entry.getKey()).isGreaterThan(range[0]);
            final TreeSet<Long> seqs = journaled.getOrDefault(entry.getKey(), new TreeSet<>());
            for (long seq = range[0]; seq <= range[1]; seq++)
            {
                assertThat(seqs).as("session %s, acked seq %d", entry.getKey(), seq).contains(seq);
            }
        }
    }
}
