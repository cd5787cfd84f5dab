package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.file.Path;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.protocol.CloseCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an upgraded connection writes (the real pipeline): one flush per read batch however many
 * frames it answers, no promise per write, and a write that fails because the socket is gone
 * closes quietly while any other failure is an internal error closed with 1011.
 */
class ConnectionWritesTest
{
    private static final int PINGS = 5;

    @TempDir
    Path dir;

    @Test
    void shouldFlushOncePerReadBatchAndMakeNoPromisePerWrite() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b))
        {
            final EmbeddedChannel channel = server.upgraded();
            final WriteCounter counter = new WriteCounter();
            channel.pipeline().addFirst(counter);

            channel.writeInbound(EmbeddedConnection.maskedPings(PINGS));

            assertThat(counter.writes).as("a pong per ping").isEqualTo(PINGS);
            assertThat(counter.voidWrites).as("nobody listens to a pong: no promise").isEqualTo(PINGS);
            assertThat(counter.flushes).as("one read batch, one flush").isEqualTo(1);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldCloseQuietlyWhenAWriteFindsTheSocketReset() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b))
        {
            final EmbeddedChannel channel = server.upgraded();
            channel.pipeline().addFirst(new FailingWrites(new IOException("Connection reset by peer")));

            channel.writeInbound(EmbeddedConnection.maskedPings(1));

            assertThat(channel.isOpen()).as("closed").isFalse();
            assertThat(server.metrics.internalErrors()).as("not the server's fault").isZero();
            assertThat(server.metrics.closes(CloseCode.INTERNAL_ERROR)).isZero();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldCloseWith1011WhenAWriteFailsForAnyOtherReason() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b))
        {
            final EmbeddedChannel channel = server.upgraded();
            channel.pipeline().addFirst(new FailingWrites(new IllegalStateException("a bug in an encoder")));

            channel.writeInbound(EmbeddedConnection.maskedPings(1));

            assertThat(server.metrics.internalErrors()).isEqualTo(1);
            assertThat(server.metrics.closes(CloseCode.INTERNAL_ERROR)).isEqualTo(1);
            final ByteBuf close = channel.readOutbound();
            assertThat((int)close.getUnsignedByte(0)).as("a close frame").isEqualTo(0x88);
            assertThat(close.getUnsignedShort(2)).isEqualTo(1011);
            close.release();
            channel.finishAndReleaseAll();
        }
    }

    /** Fails the first write with {@code cause}, as the socket would; lets the rest through. */
    private static final class FailingWrites extends ChannelOutboundHandlerAdapter
    {
        private final Throwable cause;
        private boolean failed;

        FailingWrites(final Throwable cause)
        {
            this.cause = cause;
        }

        @Override
        public void write(final ChannelHandlerContext ctx, final Object message, final ChannelPromise promise)
        {
            if (failed)
            {
                ctx.write(message, promise);
                return;
            }
            failed = true;
            ReferenceCountUtil.release(message);
            promise.setFailure(cause);
        }
    }
}
