package dev.pulse.server.ws;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Backpressure on a channel whose writes back up: the pending-bytes cap, the write stall check, the held-back pong. */
class WriteStallGuardTest
{
    private static final int LOW_WATER_BYTES = 16;
    private static final int HIGH_WATER_BYTES = 32;
    private static final long STALL_TIMEOUT_MS = 1_000;
    /** Above the high water mark: each pending write also counts Netty's entry overhead (96 bytes by default). */
    private static final long MAX_PENDING_BYTES = 1_000;

    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private int stalls;
    private final WriteStallGuard guard = new WriteStallGuard(STALL_TIMEOUT_MS, MAX_PENDING_BYTES, () -> stalls++);

    @BeforeEach
    void attach()
    {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LOW_WATER_BYTES, HIGH_WATER_BYTES));
        channel.freezeTime();
        final ChannelHandlerContext ctx = channel.pipeline().firstContext();
        guard.attach(ctx);
    }

    @AfterEach
    void close()
    {
        guard.close();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldAnswerAPingAtOnceWhileTheClientReads()
    {
        final PingWebSocketFrame ping = ping(1);

        guard.answer(ping);
        ping.release();
        channel.flush();

        final PongWebSocketFrame pong = channel.readOutbound();
        assertThat(pong.content().getByte(0)).isEqualTo((byte)1);
        pong.release();
    }

    @Test
    void shouldAnswerOnlyTheLatestPingOnceTheClientReadsAgain()
    {
        backUpWrites(HIGH_WATER_BYTES + 1);
        final PingWebSocketFrame first = ping(1);
        final ByteBuf firstPayload = first.content();
        final PingWebSocketFrame second = ping(2);

        guard.answer(first);
        guard.answer(second);
        first.release();
        second.release();
        assertThat(firstPayload.refCnt()).as("the older ping is let go").isZero();
        guard.writeHeldBackPong();
        channel.flush();
        releaseOutbound(1);

        final PongWebSocketFrame pong = channel.readOutbound();
        assertThat(pong.content().getByte(0)).isEqualTo((byte)2);
        pong.release();
        guard.writeHeldBackPong();
        channel.flush();
        assertThat(channel.<Object>readOutbound()).as("answered once").isNull();
    }

    @Test
    void shouldCloseAClientStillNotReadingAfterTheStallTimeout()
    {
        backUpWrites(HIGH_WATER_BYTES + 1);

        assertThat(guard.writabilityChanged()).isFalse();
        assertThat(guard.writabilityChanged()).isFalse(); // one check, not two
        channel.advanceTimeBy(STALL_TIMEOUT_MS - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(stalls).isZero();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(stalls).isEqualTo(1);
        channel.advanceTimeBy(STALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(stalls).isEqualTo(1);
    }

    @Test
    void shouldLeaveAClientThatReadAgainBeforeTheStallTimeout()
    {
        backUpWrites(HIGH_WATER_BYTES + 1);
        assertThat(guard.writabilityChanged()).isFalse();

        channel.flush();
        releaseOutbound(1);
        assertThat(guard.writabilityChanged()).as("writable again: write what was held back").isTrue();
        channel.advanceTimeBy(STALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(stalls).isZero();
    }

    @Test
    void shouldCallTheCheckOffWhenTheConnectionEnds()
    {
        backUpWrites(HIGH_WATER_BYTES + 1);
        guard.writabilityChanged();
        final PingWebSocketFrame ping = ping(1);
        final ByteBuf payload = ping.content();
        guard.answer(ping);
        ping.release();

        guard.close();
        assertThat(payload.refCnt()).as("the held-back ping is let go").isZero();
        channel.advanceTimeBy(STALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(stalls).isZero();
    }

    @Test
    void shouldCloseOnlyOverThePendingBytesCap()
    {
        backUpWrites(HIGH_WATER_BYTES + 1);
        assertThat(guard.pendingWriteBytes()).isLessThan(MAX_PENDING_BYTES);
        guard.closeIfOverCap();
        assertThat(guard.isOverCap()).isFalse();
        assertThat(stalls).as("unwritable, but within the cap").isZero();

        backUpWrites((int)MAX_PENDING_BYTES);
        assertThat(guard.pendingWriteBytes()).isGreaterThan(MAX_PENDING_BYTES);
        guard.closeIfOverCap();
        assertThat(stalls).isEqualTo(1);
    }

    @Test
    void shouldNeverCountPendingBytesOfAWritableChannelAsOverTheCap()
    {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(10_000, 20_000));
        backUpWrites((int)MAX_PENDING_BYTES + 1);

        assertThat(guard.pendingWriteBytes()).isGreaterThan(MAX_PENDING_BYTES);
        guard.closeIfOverCap();
        assertThat(stalls).isZero();
    }

    /** Writes {@code bytes} without flushing: they stay pending, as with a client that does not read. */
    private void backUpWrites(final int bytes)
    {
        channel.write(Unpooled.wrappedBuffer(new byte[bytes]));
    }

    private void releaseOutbound(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final ByteBuf written = channel.readOutbound();
            written.release();
        }
    }

    private static PingWebSocketFrame ping(final int payload)
    {
        return new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte)payload}));
    }
}
