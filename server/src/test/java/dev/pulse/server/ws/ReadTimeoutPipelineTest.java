package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.protocol.CloseCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read timeout of whole connections (the real pipeline, a fake clock, the loop's wheel): an
 * upgraded connection that sends nothing is closed with 1000 {@code idle} once silent for
 * {@code read_timeout_ms} and not before; one sending only pings stays open; a plain HTTP
 * connection that sends nothing after its answer is closed; an ended connection leaves no timer.
 */
class ReadTimeoutPipelineTest
{
    private static final long READ_TIMEOUT_MS = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldCloseASilentWebSocketWithIdleOnceSilentForTheTimeout() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b.readTimeoutMs(READ_TIMEOUT_MS)))
        {
            final EmbeddedChannel channel = server.upgraded();

            server.advanceMs(channel, READ_TIMEOUT_MS - 10);
            assertThat(channel.<Object>readOutbound()).as("not before the timeout").isNull();
            server.advanceMs(channel, 10 + LoopContext.TICK_PERIOD_MS); // the wheel fires in the tick after the deadline's

            final ByteBuf close = channel.readOutbound();
            assertThat((int)close.getUnsignedByte(0)).as("a close frame").isEqualTo(0x88);
            assertThat(close.getUnsignedShort(2)).isEqualTo(1000);
            assertThat(close.toString(4, close.readableBytes() - 4, StandardCharsets.UTF_8)).isEqualTo("idle");
            close.release();
            assertThat(server.metrics.closes(CloseCode.IDLE)).isEqualTo(1);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldKeepAConnectionThatSendsOnlyPingsOpen() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b.readTimeoutMs(READ_TIMEOUT_MS)))
        {
            final EmbeddedChannel channel = server.upgraded();

            for (int i = 0; i < 10; i++)
            {
                server.advanceMs(channel, READ_TIMEOUT_MS / 2);
                channel.writeInbound(EmbeddedConnection.maskedPings(1));
                final ByteBuf pong = channel.readOutbound();
                assertThat((int)pong.getUnsignedByte(0)).as("a pong, not a close").isEqualTo(0x8A);
                pong.release();
            }

            assertThat(server.metrics.closes(CloseCode.IDLE)).isZero();
            assertThat(channel.isActive()).isTrue();
            server.advanceMs(channel, READ_TIMEOUT_MS + LoopContext.TICK_PERIOD_MS);
            final ByteBuf close = channel.readOutbound();
            assertThat(close.getUnsignedShort(2)).as("then silent: closed").isEqualTo(1000);
            close.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldCloseASilentHttpConnectionAfterItsAnswer() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b.readTimeoutMs(READ_TIMEOUT_MS).handshakeTimeoutMs(60_000)))
        {
            final EmbeddedChannel channel = server.open();
            channel.writeInbound(EmbeddedConnection.ascii("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            final ByteBuf answer = channel.readOutbound();
            assertThat(answer.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            answer.release();

            server.advanceMs(channel, READ_TIMEOUT_MS - 10);
            assertThat(channel.isActive()).as("kept alive, not yet silent for the timeout").isTrue();
            server.advanceMs(channel, 10 + LoopContext.TICK_PERIOD_MS); // the wheel fires in the tick after the deadline's
            assertThat(channel.isActive()).isFalse();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldLeaveNoTimerOfAnEndedConnection() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b.readTimeoutMs(READ_TIMEOUT_MS)))
        {
            final EmbeddedChannel first = server.open();
            final EmbeddedChannel second = server.upgraded();
            final LoopContext loop = server.server.loop(first.eventLoop());
            assertThat(loop.timers.armed()).as("two read timeouts and the handshake deadline of the one not upgraded").isEqualTo(3);

            first.close();
            second.close();
            first.runPendingTasks();
            second.runPendingTasks();

            assertThat(loop.timers.armed()).isZero();
            first.finishAndReleaseAll();
            second.finishAndReleaseAll();
        }
    }
}
