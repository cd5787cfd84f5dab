package dev.pulse.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
