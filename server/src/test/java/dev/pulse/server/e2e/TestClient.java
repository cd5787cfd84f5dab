package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A protocol client for tests on the JDK's WebSocket: it sends messages (numbering seq itself
 * unless told otherwise) and collects what the server sends, and how it closed.
 */
final class TestClient implements WebSocket.Listener, AutoCloseable
{
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    /** Carries the server sent (a cluster key): kept apart, so the other messages read as without one. */
    private final BlockingQueue<String> carries = new LinkedBlockingQueue<>();
    private volatile long highestAcked;
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private String vid;
    private WebSocket socket;
    private long seq;
    private String sid;
    private volatile long closedAtNanos;

    static TestClient connect(final int port, final String site, final String origin) throws Exception
    {
        return connect(HTTP, URI.create("ws://127.0.0.1:" + port + "/ws?site=" + site), origin);
    }

    /** Connects with {@code http} (a wss:// test passes one that trusts its certificate) to {@code uri}. */
    static TestClient connect(final HttpClient http, final URI uri, final String origin) throws Exception
    {
        final TestClient client = new TestClient();
        final WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null)
        {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(uri, client).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return client;
    }

    /** Sends hello (resuming {@code resumeSid} if not null) and returns the welcome. */
    JsonNode hello(final String resumeSid) throws Exception
    {
        return hello(resumeSid, null);
    }

    /** Sends hello with a session token (none if null), resuming {@code resumeSid} if not null, and returns the welcome. */
    JsonNode hello(final String resumeSid, final String token) throws Exception
    {
        sendHello(resumeSid, token);
        final JsonNode welcome = next("welcome");
        sid = welcome.get("sid").asText();
        seq = welcome.get("seq").asLong();
        return welcome;
    }

    /** Sends hello with a session token (none if null), resuming {@code resumeSid} if not null; waits for nothing. */
    void sendHello(final String resumeSid, final String token) throws Exception
    {
        final ObjectNode hello = JSON.createObjectNode().put("t", "hello").put("v", 1).put("url", "/");
        if (resumeSid != null)
        {
            hello.put("sid", resumeSid);
        }
        if (token != null)
        {
            hello.put("token", token);
        }
        if (vid != null)
        {
            hello.put("vid", vid);
        }
        hello.putObject("ctx").put("device", "desktop");
        sendRaw(hello.toString());
    }

    /** Sends hello presenting {@code carry} and {@code acked} for {@code sid}, and returns the welcome. */
    JsonNode helloCarrying(final String resumeSid, final String carry, final long acked) throws Exception
    {
        return helloCarrying(resumeSid, carry, acked, Map.of(), "/");
    }

    /** Sends hello presenting {@code carry} and {@code acked} for {@code sid}, with the page's {@code ctx} and {@code url}, and returns the welcome. */
    JsonNode helloCarrying(final String resumeSid, final String carry, final long acked, final Map<String, String> ctx, final String url)
        throws Exception
    {
        final ObjectNode hello = JSON.createObjectNode().put("t", "hello").put("v", 1).put("url", url).put("sid", resumeSid)
            .put("carry", carry).put("acked", acked);
        if (!ctx.isEmpty())
        {
            ctx.forEach(hello.putObject("ctx")::put);
        }
        sendRaw(hello.toString());
        final JsonNode welcome = next("welcome");
        sid = welcome.get("sid").asText();
        seq = welcome.get("seq").asLong();
        return welcome;
    }

    /** The next carry the server sent (since the last taken); fails after 10 s. */
    String nextCarry() throws Exception
    {
        final String carry = carries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (carry == null)
        {
            throw new AssertionError("no carry within " + WAIT);
        }
        return carry;
    }

    /** The newest carry received so far, taking every one queued; null if none came. */
    String latestCarry()
    {
        String latest = null;
        for (String carry = carries.poll(); carry != null; carry = carries.poll())
        {
            latest = carry;
        }
        return latest;
    }

    /** The highest seq an ack covered so far. */
    long highestAcked()
    {
        return highestAcked;
    }

    /** The visitor id the next hellos send ({@code vid}; none when null). */
    TestClient vid(final String visitorId)
    {
        this.vid = visitorId;
        return this;
    }

    String sid()
    {
        return sid;
    }

    long seq()
    {
        return seq;
    }

    /** Sends a message of type {@code t} with the next seq; {@code fields} are name, value pairs. */
    long send(final String t, final Object... fields) throws Exception
    {
        final ObjectNode message = JSON.createObjectNode().put("t", t).put("seq", ++seq);
        for (int i = 0; i < fields.length; i += 2)
        {
            message.set((String)fields[i], JSON.valueToTree(fields[i + 1]));
        }
        sendRaw(message.toString());
        return seq;
    }

    void page(final String url, final String nav) throws Exception
    {
        send("page", "url", url, "nav", nav);
    }

    /** The e2e catalog's back-and-forth pattern between pricing and its FAQ: three backs, which asks "hard-to-decide". */
    void backAndForth() throws Exception
    {
        page("/pricing", "navigate");
        page("/faq/plans", "navigate");
        page("/pricing", "back");
        page("/faq/plans", "forward");
        page("/pricing", "back");
        page("/faq/plans", "forward");
        page("/pricing", "back");
    }

    void sendRaw(final String text) throws Exception
    {
        socket.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sendBinary(final byte[] bytes) throws Exception
    {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void setSeq(final long seq)
    {
        this.seq = seq;
    }

    /** The next message of type {@code t}, skipping acks; fails after 10 s. */
    JsonNode next(final String t) throws Exception
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline)
        {
            final JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message == null)
            {
                continue;
            }
            if (message.get("t").asText().equals(t))
            {
                return message;
            }
            if (!message.get("t").asText().equals("ack"))
            {
                throw new AssertionError("expected " + t + " but got " + message);
            }
        }
        throw new AssertionError("no " + t + " within " + WAIT + (closeCode.isDone() ? " (closed " + closeCode.getNow(0) + ")" : ""));
    }

    /** Waits until an ack covers {@code seq}. */
    void awaitAck(final long upTo) throws Exception
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline)
        {
            final JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.get("t").asText().equals("ack") && message.get("seq").asLong() >= upTo)
            {
                return;
            }
            if (message != null && !message.get("t").asText().equals("ack"))
            {
                throw new AssertionError("expected an ack up to " + upTo + " but got " + message);
            }
        }
        throw new AssertionError("no ack up to " + upTo);
    }

    /** Waits until an ack covers {@code upTo}; returns the other messages that arrived on the way. */
    List<JsonNode> untilAck(final long upTo) throws Exception
    {
        final List<JsonNode> others = new ArrayList<>();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline)
        {
            final JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message == null)
            {
                continue;
            }
            if (message.get("t").asText().equals("ack") && message.get("seq").asLong() >= upTo)
            {
                return others;
            }
            if (!message.get("t").asText().equals("ack"))
            {
                others.add(message);
            }
        }
        throw new AssertionError("no ack up to " + upTo + "; received " + others);
    }

    /** Everything received within {@code millis}, acks included. */
    List<JsonNode> drain(final long millis) throws Exception
    {
        final List<JsonNode> all = new ArrayList<>();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline)
        {
            final JsonNode message = received.poll(10, TimeUnit.MILLISECONDS);
            if (message != null)
            {
                all.add(message);
            }
        }
        return all;
    }

    /** The close code the server sent; fails after 10 s. */
    int awaitClose() throws Exception
    {
        return awaitClose(WAIT);
    }

    /** The close code the server sent; fails after {@code wait}. */
    int awaitClose(final Duration wait) throws Exception
    {
        return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** When the close arrived ({@link System#nanoTime()}); meaningful once {@link #closed()}. */
    long closedAtNanos()
    {
        return closedAtNanos;
    }

    /** The reason the server's close frame gave; fails after 10 s. */
    String awaitCloseReason() throws Exception
    {
        return closeReason.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean closed()
    {
        return closeCode.isDone();
    }

    void assertNoQuestion(final long millis) throws Exception
    {
        assertThat(drain(millis)).noneMatch(m -> m.get("t").asText().equals("question"));
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            try
            {
                final JsonNode message = JSON.readTree(partial.toString());
                if (message.path("t").asText().equals("carry"))
                {
                    carries.add(message.get("carry").asText());
                }
                else
                {
                    if (message.path("t").asText().equals("ack"))
                    {
                        highestAcked = Math.max(highestAcked, message.get("seq").asLong());
                    }
                    received.add(message);
                }
            }
            catch (final Exception ex)
            {
                received.add(JSON.createObjectNode().put("t", "unparseable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        closedAtNanos = System.nanoTime();
        closeReason.complete(reason);
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        closeCode.complete(-1);
    }

    @Override
    public void close()
    {
        if (!closeCode.isDone())
        {
            socket.abort();
        }
    }
}
