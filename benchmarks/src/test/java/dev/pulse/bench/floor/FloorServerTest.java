package dev.pulse.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor server answers the protocol as the load generator's two journeys expect. */
class FloorServerTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_S = 5;

    private static FloorServer server;

    @BeforeAll
    static void start()
    {
        server = FloorServer.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stop()
    {
        server.close();
    }

    @Test
    void welcomesAsksOnTheThirdBackAndRespondsToTheAnswer() throws Exception
    {
        try (Client client = Client.connect(server.port()))
        {
            client.send("{\"t\":\"hello\",\"v\":1,\"url\":\"/faq\",\"ctx\":{\"device\":\"desktop\"}}");
            final JsonNode welcome = client.next();
            assertThat(welcome.path("t").asText()).isEqualTo("welcome");
            assertThat(welcome.path("sid").asText()).matches("[0-9a-f]{32}");
            assertThat(welcome.path("resumed").asBoolean(true)).isFalse();
            assertThat(welcome.path("seq").asLong(-1)).isZero();

            final String[] pages = {"/faq\",\"nav\":\"navigate", "/help\",\"nav\":\"navigate", "/faq\",\"nav\":\"back",
                "/help\",\"nav\":\"forward", "/faq\",\"nav\":\"back", "/help\",\"nav\":\"forward"};
            for (int i = 0; i < pages.length; i++)
            {
                client.send("{\"t\":\"page\",\"url\":\"" + pages[i] + "\",\"seq\":" + (i + 1) + "}");
                assertThat(client.nextAck()).isEqualTo(i + 1);
            }
            client.send("{\"t\":\"page\",\"url\":\"/faq\",\"nav\":\"back\",\"seq\":7}");
            final JsonNode question = client.nextOtherThanAck();
            assertThat(question.path("t").asText()).isEqualTo("question");
            assertThat(question.path("iid").isTextual()).isTrue();
            assertThat(question.path("choices").size()).isBetween(3, 5);

            client.send("{\"t\":\"answer\",\"iid\":\"" + question.path("iid").asText() + "\",\"choice\":\"b\",\"seq\":8}");
            final JsonNode response = client.nextOtherThanAck();
            assertThat(response.path("t").asText()).isEqualTo("response");
            assertThat(response.path("iid").asText()).isEqualTo(question.path("iid").asText());
            assertThat(response.path("choice").asText()).isEqualTo("b");
            assertThat(client.nextAck()).as("the answer acknowledged at once").isEqualTo(8);
        }
    }

    @Test
    void browsingAndBacksBetweenDifferentPagesAreNeverAsked() throws Exception
    {
        try (Client client = Client.connect(server.port()))
        {
            client.send("{\"t\":\"hello\",\"v\":1,\"url\":\"/\"}");
            assertThat(client.next().path("t").asText()).isEqualTo("welcome");
            final String[] urls = {"/a", "/b", "/a", "/c", "/a", "/d", "/a", "/e", "/a"};
            for (int i = 0; i < urls.length; i++)
            {
                final String nav = i > 0 && urls[i].equals("/a") ? "back" : "navigate";
                client.send("{\"t\":\"page\",\"url\":\"" + urls[i] + "\",\"nav\":\"" + nav + "\",\"seq\":" + (i + 1) + "}");
                assertThat(client.nextAck()).isEqualTo(i + 1);
            }
            client.send("{\"t\":\"active\",\"seq\":10}");
            assertThat(client.nextAck()).isEqualTo(10);
        }
    }

    @Test
    void aFirstFrameOtherThanHelloClosesWith1008() throws Exception
    {
        try (Client client = Client.connect(server.port()))
        {
            client.send("{\"t\":\"page\",\"url\":\"/\",\"nav\":\"navigate\",\"seq\":1}");
            assertThat(client.closeCode.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void withSessionsEachNewMessageIsAppliedToItsEntryOnceAndAnIdleSessionEndsOnlyWithoutItsConnection(@TempDir final Path dir)
        throws Exception
    {
        final FloorSessions sessions = FloorSessions.open(dir.resolve("sessions"), 1_000, 1_000, null);
        try (FloorServer stored = FloorServer.start("127.0.0.1", 0, 1, sessions))
        {
            final long sidHi;
            final long sidLo;
            try (Client client = Client.connect(stored.port()))
            {
                client.send("{\"t\":\"hello\",\"v\":1,\"url\":\"/\"}");
                final String sid = client.next().path("sid").asText();
                sidHi = Long.parseUnsignedLong(sid.substring(0, 16), 16);
                sidLo = Long.parseUnsignedLong(sid.substring(16), 16);
                assertThat(sessions.size()).isEqualTo(1);
                assertThat(sessions.lastSeq(sidHi, sidLo)).isZero();
                for (int seq = 1; seq <= 3; seq++)
                {
                    client.send("{\"t\":\"page\",\"url\":\"/p" + seq + "\",\"nav\":\"navigate\",\"seq\":" + seq + "}");
                    assertThat(client.nextAck()).isEqualTo(seq);
                }
                assertThat(sessions.lastSeq(sidHi, sidLo)).isEqualTo(3);

                // Past the 1 s expiry and two sweeps, the connection still owns it: kept.
                TimeUnit.MILLISECONDS.sleep(2_500);
                assertThat(sessions.lastSeq(sidHi, sidLo)).as("kept while its connection is open").isEqualTo(3);
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sessions.size() > 0 && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(sessions.size()).as("ended once idle without a connection").isZero();
            assertThat(sessions.lastSeq(sidHi, sidLo)).isEqualTo(-1);
        }
    }

    @Test
    void withSessionsAFullMapRefusesTheNextHelloWith1013(@TempDir final Path dir) throws Exception
    {
        final FloorSessions sessions = FloorSessions.open(dir.resolve("sessions"), 1, 60_000, null);
        try (FloorServer stored = FloorServer.start("127.0.0.1", 0, 1, sessions);
             Client first = Client.connect(stored.port());
             Client second = Client.connect(stored.port()))
        {
            first.send("{\"t\":\"hello\",\"v\":1,\"url\":\"/\"}");
            assertThat(first.next().path("t").asText()).isEqualTo("welcome");
            second.send("{\"t\":\"hello\",\"v\":1,\"url\":\"/\"}");
            assertThat(second.closeCode.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(1013);
            assertThat(sessions.size()).isEqualTo(1);
        }
    }

    @Test
    void withAJournalAnAckWaitsForItsMessagesRecordsAndAnExpiredSessionEndsWithItsRecord(@TempDir final Path dir) throws Exception
    {
        final Path journalDir = dir.resolve("journal");
        final FloorJournal journal = FloorJournal.open(journalDir);
        final FloorSessions sessions = FloorSessions.open(dir.resolve("sessions"), 1_000, 1_000, journal);
        try (FloorServer stored = FloorServer.start("127.0.0.1", 0, 1, sessions))
        {
            try (Client client = Client.connect(stored.port()))
            {
                client.send("{\"t\":\"hello\",\"v\":1,\"url\":\"/faq\"}");
                assertThat(client.next().path("t").asText()).isEqualTo("welcome");
                client.send("{\"t\":\"page\",\"url\":\"/faq\",\"nav\":\"navigate\",\"seq\":1}");
                assertThat(client.nextAck()).isEqualTo(1);
                assertThat(types(journalDir)).as("the hello's record, written before the first ack").containsExactly("session_start");

                // From here the journal lets no ack out: pages without records are still acked, the question's message is not.
                journal.holdWritten();
                final String[] pages = {"/help\",\"nav\":\"navigate", "/faq\",\"nav\":\"back", "/help\",\"nav\":\"forward",
                    "/faq\",\"nav\":\"back", "/help\",\"nav\":\"forward", "/faq\",\"nav\":\"back"};
                for (int i = 0; i < pages.length; i++)
                {
                    client.send("{\"t\":\"page\",\"url\":\"" + pages[i] + "\",\"seq\":" + (i + 2) + "}");
                }
                assertThat(client.nextOtherThanAck().path("t").asText()).isEqualTo("question");
                assertThat(client.acksWithin(500)).as("no ack of the question's message before its records are written")
                    .allMatch(seq -> seq < 7);

                journal.releaseWritten();
                while (client.lastAck < 7)
                {
                    client.nextAck();
                }
                assertThat(types(journalDir)).containsExactly("session_start", "signal", "question_shown");

                client.send("{\"t\":\"answer\",\"iid\":\"1\",\"choice\":\"b\",\"seq\":8}");
                assertThat(client.nextOtherThanAck().path("t").asText()).isEqualTo("response");
                while (client.lastAck < 8)
                {
                    client.nextAck();
                }
                assertThat(types(journalDir)).containsExactly("session_start", "signal", "question_shown", "answer", "response_shown");
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sessions.size() > 0 && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(sessions.size()).isZero();
            assertThat(types(journalDir)).last().as("the expired session's end").isEqualTo("session_end");
        }
    }

    /** The types of the records written so far into the journal in {@code dir}, in order. */
    private static java.util.List<String> types(final Path dir) throws Exception
    {
        final java.util.List<String> types = new java.util.ArrayList<>();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            while (reader.next(record))
            {
                types.add(record.type().wireName());
            }
        }
        return types;
    }

    /** A JDK WebSocket client that queues what the server sends. */
    private static final class Client implements WebSocket.Listener, AutoCloseable
    {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private long lastAck;

        static Client connect(final int port) throws Exception
        {
            final Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(WAIT_S))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?site=loadtest"), client)
                .get(WAIT_S, TimeUnit.SECONDS);
            return client;
        }

        void send(final String text) throws Exception
        {
            socket.sendText(text, true).get(WAIT_S, TimeUnit.SECONDS);
        }

        JsonNode next() throws Exception
        {
            final String text = received.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(text).as("a message within %d s", WAIT_S).isNotNull();
            final JsonNode node = JSON.readTree(text);
            if (node.path("t").asText().equals("ack"))
            {
                lastAck = node.path("seq").asLong();
            }
            return node;
        }

        long nextAck() throws Exception
        {
            final JsonNode node = next();
            assertThat(node.path("t").asText()).isEqualTo("ack");
            return lastAck;
        }

        /** The seqs of the acks received within {@code ms} (anything else received in between fails the test). */
        java.util.List<Long> acksWithin(final long ms) throws Exception
        {
            final java.util.List<Long> seqs = new java.util.ArrayList<>();
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
            for (long left = ms; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))
            {
                final String text = received.poll(left, TimeUnit.MILLISECONDS);
                if (text == null)
                {
                    break;
                }
                final JsonNode node = JSON.readTree(text);
                assertThat(node.path("t").asText()).isEqualTo("ack");
                lastAck = node.path("seq").asLong();
                seqs.add(lastAck);
            }
            return seqs;
        }

        JsonNode nextOtherThanAck() throws Exception
        {
            JsonNode node = next();
            while (node.path("t").asText().equals("ack"))
            {
                node = next();
            }
            return node;
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            closeCode.completeExceptionally(error);
        }

        @Override
        public void close()
        {
            socket.abort();
        }
    }
}
