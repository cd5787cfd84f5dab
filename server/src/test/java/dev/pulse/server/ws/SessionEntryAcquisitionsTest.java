package dev.pulse.server.ws;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often each message takes its session's Chronicle Map entry, from the connection handler down (the seq rules, the
 * session machine, its outcome windows, the journal message, the ack): once, whatever the kind, and the lock is held
 * across the whole change. A second read or update of the entry anywhere on the path (an outcome tracker opening it
 * again, an ack noting its recorded seq apart) fails here. Counted by a store double around the real store, on a
 * connection handler in an embedded channel.
 */
class SessionEntryAcquisitionsTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Metrics metrics = new Metrics();
    private final FakePulseClock clock = new FakePulseClock(T0);
    private CountingSessionStore sessions;
    private Journal journal;
    private ServerContext server;
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private long seq;

    @BeforeEach
    void open() throws Exception
    {
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult e2e;
        try (InputStream in = SessionEntryAcquisitionsTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            e2e = loader.load("e2e.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(e2e.ok()).as(e2e.report()).isTrue();
        sessions = new CountingSessionStore(ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false));
        journal = Journal.open(dir.resolve("journal"), JournalConfiguration.defaults(), metrics);
        // The timer test moves the clock an hour on: the read timeout (on the same clock) must not close its silent connection first.
        server = new ServerContext(ServerConfig.defaults().toBuilder().readTimeoutMs(2 * 3_600_000L).build(), new LiveCatalog(loader, e2e.catalog(), null), sessions, journal, metrics,
            null, clock);
    }

    @AfterEach
    void close()
    {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        journal.close();
        sessions.close();
    }

    @Test
    void shouldTakeTheSessionsEntryOnceForEachMessageOfEveryKind() throws Exception
    {
        final EmbeddedChannel channel = connect();
        assertThat(acquisitions(channel, "{\"t\":\"hello\",\"v\":1}")).as("a new session's hello: created, held").isOne();
        final String sid = welcome(channel).path("sid").asText();

        assertThat(event(channel, "\"t\":\"page\",\"url\":\"/faq\",\"nav\":\"navigate\"")).as("page").isOne();
        assertThat(event(channel, "\"t\":\"click\",\"target\":\"#buy\",\"x\":10,\"y\":10")).as("click").isOne();
        assertThat(event(channel, "\"t\":\"active\"")).as("active").isOne();
        assertThat(event(channel, "\"t\":\"visibility\",\"hidden\":false")).as("visibility").isOne();
        assertThat(event(channel, "\"t\":\"search\",\"q\":\"lamp\",\"results\":0")).as("search").isOne();
        assertThat(event(channel, "\"t\":\"search\",\"q\":\"lamp\",\"results\":0")).as("the search that asks a question, "
            + "opening its outcome window").isOne();
        final String iid = lastOf(channel, "question").path("iid").asText();
        assertThat(event(channel, "\"t\":\"answer\",\"iid\":\"" + iid + "\",\"choice\":\"gift\"")).as("answer").isOne();
        assertThat(event(channel, "\"t\":\"feedback\",\"iid\":\"" + iid + "\",\"helpful\":true")).as("feedback").isOne();
        assertThat(event(channel, "\"t\":\"goal\",\"name\":\"purchase\"")).as("a goal, deciding the window").isOne();
        assertThat(event(channel, "\"t\":\"dismiss\",\"iid\":\"" + iid + "\"")).as("dismiss").isOne();

        final long beforeAcks = sessions.acquisitions();
        awaitAck(channel, seq);
        assertThat(sessions.acquisitions()).as("acks, once the journal recorded the events").isEqualTo(beforeAcks);
        assertThat(event(channel, "\"t\":\"active\"")).as("the next event, noting the recorded seq in the same hold").isOne();

        seq--;
        assertThat(event(channel, "\"t\":\"active\"")).as("a duplicate (a resend), acked again").isOne();
        seq += 5;
        assertThat(event(channel, "\"t\":\"active\"")).as("a gap, out_of_order").isOne();
        assertThat(acquisitions(channel, "{\"t\":\"page\",\"seq\":" + ++seq + "}")).as("a rejected message using up its seq").isOne();

        final EmbeddedChannel second = connect();
        assertThat(acquisitions(second, "{\"t\":\"hello\",\"v\":1,\"sid\":\"" + sid + "\"}")).as("a hello resuming it elsewhere").isOne();
        assertThat(welcome(second).path("resumed").asBoolean()).isTrue();
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("the first connection closes with 4001").isFalse();

        final long beforeClose = sessions.acquisitions();
        second.close();
        assertThat(sessions.acquisitions() - beforeClose).as("a connection's end releasing its session").isOne();

        final EmbeddedChannel third = connect();
        assertThat(acquisitions(third, "{\"t\":\"hello\",\"v\":1,\"sid\":\"" + "0".repeat(32) + "\"}"))
            .as("a hello naming a session this node does not have: looked for, then created").isEqualTo(2);
    }

    @Test
    void shouldTakeTheSessionsEntryOnceForATimer() throws Exception
    {
        final EmbeddedChannel channel = connect();
        channel.freezeTime();
        acquisitions(channel, "{\"t\":\"hello\",\"v\":1}");
        event(channel, "\"t\":\"page\",\"url\":\"/faq\",\"nav\":\"navigate\"");
        event(channel, "\"t\":\"search\",\"q\":\"lamp\",\"results\":0");
        event(channel, "\"t\":\"search\",\"q\":\"lamp\",\"results\":0");
        lastOf(channel, "question");

        // Past the question's outcome window: the loop's next tick fires the session's timer, which stalls the window.
        clock.advanceMs(3_600_000);
        final long before = sessions.acquisitions();
        channel.advanceTimeBy(LoopContext.TICK_PERIOD_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(sessions.acquisitions() - before).as("the timer").isOne();
        assertThat(metrics.prometheusText()).as("it did its work: the window stalled").contains("outcome=\"stalled\"} 1");
    }

    /** A pipeline past the handshake: the connection handler alone, as the initializer builds it. */
    private EmbeddedChannel connect()
    {
        final ConnectionCloser closer = new ConnectionCloser(metrics);
        final WriteStallGuard writeStall = new WriteStallGuard(60_000, Long.MAX_VALUE, () -> closer.closeWith(CloseCode.SLOW_CONSUMER));
        final EmbeddedChannel channel = new EmbeddedChannel(new ConnectionHandler(server, closer, writeStall));
        channel.pipeline().fireUserEventTriggered(new WebSocketServerProtocolHandler.HandshakeComplete("/ws", EmptyHttpHeaders.INSTANCE, null));
        channels.add(channel);
        return channel;
    }

    private long event(final EmbeddedChannel channel, final String fields)
    {
        return acquisitions(channel, "{" + fields + ",\"seq\":" + ++seq + "}");
    }

    /** The entries taken while the handler reads one message, and its read completes (where acks are asked for). */
    private long acquisitions(final EmbeddedChannel channel, final String json)
    {
        final long before = sessions.acquisitions();
        channel.writeInbound(new TextWebSocketFrame(json));
        return sessions.acquisitions() - before;
    }

    private static JsonNode welcome(final EmbeddedChannel channel) throws Exception
    {
        return lastOf(channel, "welcome");
    }

    /** The last frame of type {@code t} written so far (the others are read and released). */
    private static JsonNode lastOf(final EmbeddedChannel channel, final String t) throws Exception
    {
        JsonNode found = null;
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound())
        {
            if (out instanceof TextWebSocketFrame)
            {
                final JsonNode message = JSON.readTree(((TextWebSocketFrame)out).text());
                found = message.path("t").asText().equals(t) ? message : found;
            }
            ReferenceCountUtil.release(out);
        }
        assertThat(found).as("a %s frame", t).isNotNull();
        return found;
    }

    /**
     * Asks for the ack (as a read's end does) until the ack of {@code upTo} is written, once the journal thread recorded it.
     * Through the embedded channel's own call, which runs the loop's tasks once and not again inside a task's flush.
     */
    private static void awaitAck(final EmbeddedChannel channel, final long upTo) throws Exception
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (true)
        {
            channel.flushInbound();
            for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound())
            {
                try
                {
                    if (out instanceof TextWebSocketFrame)
                    {
                        final JsonNode message = JSON.readTree(((TextWebSocketFrame)out).text());
                        if (message.path("t").asText().equals("ack") && message.path("seq").asLong() >= upTo)
                        {
                            return;
                        }
                    }
                }
                finally
                {
                    ReferenceCountUtil.release(out);
                }
            }
            assertThat(System.nanoTime()).as("the ack of %d within 10 s", upTo).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
