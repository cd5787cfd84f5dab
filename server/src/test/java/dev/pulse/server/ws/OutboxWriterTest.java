package dev.pulse.server.ws;

import java.nio.file.Path;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames of an {@link Outbox} go out in the protocol's order (errors, then the welcome), each
 * error counted once, and nothing is flushed: the connection flushes at the end of its read batch.
 * The question's two paths (held for the disk, or written at once) are pinned end to end
 * (HeldQuestionEndToEndTest, ProtocolEndToEndTest), where the session machine fills it.
 */
class OutboxWriterTest
{
    @TempDir
    Path dir;

    private final Outbox out = new Outbox();
    private LoopFixture fixture;
    private Metrics metrics;
    private final WriteCounter counter = new WriteCounter();
    private EmbeddedChannel channel;
    private OutboxWriter writer;

    @BeforeEach
    void open() throws Exception
    {
        final CatalogLoader loader = new CatalogLoader();
        final LiveCatalog catalog = new LiveCatalog(loader, loader.loadDemo().catalog(), null);
        fixture = new LoopFixture(dir, catalog);
        metrics = fixture.metrics;
        channel = new EmbeddedChannel(counter, new ChannelOutboundHandlerAdapter(), new ChannelInboundHandlerAdapter());
        final ChannelHandlerContext ctx = channel.pipeline().lastContext();
        final ConnectionCloser closer = new ConnectionCloser(metrics);
        final WriteStallGuard writeStall = new WriteStallGuard(60_000, Long.MAX_VALUE, () -> { });
        final ConnectionState connection = new ConnectionState();
        final JournalGate gate = new JournalGate(connection, fixture.journal, metrics, closer, writeStall);
        closer.attach(ctx, connection);
        writeStall.attach(ctx);
        gate.attach(ctx, fixture.loop);
        writer = new OutboxWriter(metrics, gate, true);
        writer.attach(ctx);
        out.clear();
    }

    @AfterEach
    void close() throws Exception
    {
        channel.finishAndReleaseAll();
        fixture.close();
    }

    @Test
    void shouldWriteTheErrorsInTheirOrderThenTheWelcomeAndCountEachErrorOnce()
    {
        out.error(ErrorCode.BAD_MESSAGE, true, 7, "first");
        out.error(ErrorCode.OUT_OF_ORDER, true, 8, "second");
        out.welcome = new TextWebSocketFrame("{\"t\":\"welcome\"}");

        writer.write(out, System.nanoTime());
        assertThat(channel.<Object>readOutbound()).as("written, not flushed").isNull();
        assertThat(counter.flushes).isZero();
        assertThat(counter.voidWrites).as("nobody listens to these writes: no promise made").isEqualTo(3).isEqualTo(counter.writes);
        channel.flush();

        assertThat(next()).contains("\"code\":\"bad_message\"").contains("\"seq\":7").contains("first");
        assertThat(next()).contains("\"seq\":8").contains("second");
        assertThat(next()).isEqualTo("{\"t\":\"welcome\"}");
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(metrics.errors(ErrorCode.BAD_MESSAGE)).isEqualTo(1);
        assertThat(metrics.errors(ErrorCode.OUT_OF_ORDER)).isEqualTo(1);
    }

    @Test
    void shouldWriteNothingForAnEmptyOutbox()
    {
        writer.write(out, System.nanoTime());
        channel.flush();

        assertThat(channel.<Object>readOutbound()).isNull();
    }

    private String next()
    {
        final TextWebSocketFrame frame = channel.readOutbound();
        assertThat(frame).isNotNull();
        try
        {
            return frame.text();
        }
        finally
        {
            frame.release();
        }
    }
}
