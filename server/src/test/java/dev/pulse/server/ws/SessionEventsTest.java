package dev.pulse.server.ws;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session machine writes straight into the loop's {@link Outbox}: after a hello and the events
 * that ask a question, the outbox holds the question, the answer's response or its refusal, with
 * no copy in between. On a real session store and journal, without a channel.
 */
class SessionEventsTest
{
    private static final long T0 = 1_000_000L;

    @TempDir
    Path dir;

    private final ConnectionState connection = new ConnectionState();
    private LoopFixture fixture;
    private LoopContext loop;
    private long seq;

    @BeforeEach
    void open() throws IOException
    {
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult e2e;
        try (InputStream in = SessionEventsTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            // With search intents, so the allocation test's searches are classified on the way.
            e2e = loader.load("e2e.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8) +
                "intents: { returns: [return*, refund*, \"send back\"], warranty: [warrant*, repair*] }\n");
        }
        assertThat(e2e.ok()).as(e2e.report()).isTrue();
        fixture = new LoopFixture(dir, new LiveCatalog(loader, e2e.catalog(), null));
        loop = fixture.loop;
        connection.id = 1;
    }

    @AfterEach
    void close() throws Exception
    {
        fixture.close();
    }

    private Outbox send(final String json, final long nowMs)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        final DecodedMessage message = loop.decoder.decode(bytes, bytes.length, loop.message);
        assertThat(message.error()).isNull();
        final Outbox out = loop.outbox;
        out.clear();
        if (message.type() == MessageType.HELLO)
        {
            loop.hello.hello(connection, message, nowMs, out, UnpooledByteBufAllocator.DEFAULT);
            out.welcome.release();
        }
        else
        {
            loop.sessionEvents.event(connection, message, nowMs, out);
        }
        return out;
    }

    private Outbox event(final String fields, final long nowMs)
    {
        return send("{" + fields + ",\"seq\":" + ++seq + "}", nowMs);
    }

    private void askCantFind()
    {
        send("{\"t\":\"hello\",\"v\":1}", T0);
        event("\"t\":\"page\",\"url\":\"/faq\",\"nav\":\"navigate\"", T0);
        assertThat(event("\"t\":\"search\",\"q\":\"lamp\",\"results\":0", T0 + 1_000).question()).isNull();
    }

    @Test
    void shouldFindTheQuestionTheMachineAskedInTheOutbox()
    {
        askCantFind();

        final Outbox out = event("\"t\":\"search\",\"q\":\"lamp\",\"results\":0", T0 + 2_000);

        assertThat(loop.machine.effects()).isSameAs(out);
        assertThat(out.question().id()).isEqualTo("cant-find");
        assertThat(out.questionIid()).isEqualTo(1);
        assertThat(out.questionCatalogVersion()).isEqualTo(loop.machine.effects().questionCatalogVersion()).isNotZero();
        assertThat(out.recordsPosition).as("the question's records wait for the disk").isPositive();
        assertThat(out.isRejected()).isFalse();
        assertThat(event("\"t\":\"active\"", T0 + 3_000).question()).as("cleared for the next message").isNull();
    }

    @Test
    void shouldFindTheResponseOrTheRefusalOfAnAnswerInTheOutbox()
    {
        askCantFind();
        event("\"t\":\"search\",\"q\":\"lamp\",\"results\":0", T0 + 2_000);

        final Outbox refused = event("\"t\":\"answer\",\"iid\":\"1\",\"choice\":\"no-such-choice\"", T0 + 3_000);
        assertThat(refused.refusal()).isEqualTo(ErrorCode.UNKNOWN_CHOICE);
        assertThat(refused.seq).as("the refusal names its message").isEqualTo(seq);
        assertThat(refused.isRejected()).isTrue();

        final Outbox answered = event("\"t\":\"answer\",\"iid\":\"1\",\"choice\":\"gift\"", T0 + 4_000);
        assertThat(answered.refusal()).isNull();
        assertThat(answered.responseIid()).isEqualTo(1);
        assertThat(answered.responseChoiceId()).isEqualTo("gift");
        assertThat(answered.response().title()).isEqualTo("Take your time");
        assertThat(answered.ackNow).isTrue();
    }

    @Test
    void shouldClassifyASearchIntoTheCatalogsIntentsBeforeTheMachineSeesIt()
    {
        send("{\"t\":\"hello\",\"v\":1}", T0);
        event("\"t\":\"search\",\"q\":\"Send it back? REFUNDS\",\"results\":2", T0 + 1_000);
        assertThat(loop.message.searchIntent).isEqualTo(1);
        assertThat(loop.message.searchIntentName).isEqualTo("returns");
        event("\"t\":\"search\",\"q\":\"garden lamp\",\"results\":2", T0 + 2_000);
        assertThat(loop.message.searchIntent).isZero();
        assertThat(loop.message.searchIntentName).isNull();
        event("\"t\":\"search\",\"results\":2", T0 + 3_000);
        assertThat(loop.message.searchIntent).as("no text, no intent").isZero();
    }

    /** The outbox is the machine's carrier: an event allocates nothing of its own once warm, seq rules and session update included. */
    @Test
    void shouldHandleEventsWithoutAllocating()
    {
        send("{\"t\":\"hello\",\"v\":1}", T0);
        final byte[][] messages = new byte[MESSAGES.length][];
        for (int i = 0; i < 50_000; i++)
        {
            handle(messages, T0 + i);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<Long> bytesPerWindow = new ArrayList<>();
        for (int window = 0; window < 5; window++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++)
            {
                handle(messages, T0 + 50_000 + window * 10_000L + i);
            }
            bytesPerWindow.add(threads.getCurrentThreadAllocatedBytes() - before);
        }
        // Nothing per event: an allocation per event costs at least 16 bytes, 160,000 a window. The
        // store and the journal thread around it may charge this thread a few hundred bytes now and
        // then, so the bound is under a byte an event rather than exactly zero.
        assertThat(bytesPerWindow).as("bytes a window of 10,000 events allocated").allMatch(bytes -> bytes < 10_000);
        assertThat(loop.outbox.errorCount).isZero();
    }

    /**
     * What the allocation test sends in turn: a page view's URL is cut down in place (query and
     * fragment) on the way; a search's text is classified into the catalog's intents (one matching,
     * accents and capitals folded, one matching none).
     */
    private static final String[] MESSAGES = {
        "{\"t\":\"active\"", "{\"t\":\"visibility\",\"hidden\":false", "{\"t\":\"scroll_back\"",
        "{\"t\":\"page\",\"url\":\"https://shop.example/faq?q=secret&utm_source=x;ref=y#frag\",\"nav\":\"navigate\"",
        "{\"t\":\"search\",\"q\":\"How do I R\u00c9TURN this lamp? Warranty repair\",\"results\":3",
        "{\"t\":\"search\",\"q\":\"best wireless earbuds under $100\",\"results\":7"};

    /** One active, visibility, scroll_back or page message with the next seq, its bytes written in place (no String per message). */
    private void handle(final byte[][] messages, final long nowMs)
    {
        seq++;
        final int kind = (int)(seq % MESSAGES.length);
        if (messages[kind] == null)
        {
            messages[kind] = (MESSAGES[kind] + ",\"seq\":" + " ".repeat(19) + "0}").getBytes(StandardCharsets.UTF_8);
        }
        final byte[] bytes = messages[kind];
        long value = seq;
        int position = bytes.length - 2;
        do
        {
            bytes[position--] = (byte)('0' + value % 10);
            value /= 10;
        }
        while (value > 0);
        final DecodedMessage message = loop.decoder.decode(bytes, bytes.length, loop.message);
        final Outbox out = loop.outbox;
        out.clear();
        loop.sessionEvents.event(connection, message, nowMs, out);
    }
}
