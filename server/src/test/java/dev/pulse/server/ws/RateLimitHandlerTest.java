package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit in a connection's pipeline: what passes to the connection, what is dropped and
 * reported, when it closes. The bucket holds a burst of 2 and refills at 1 a second, so messages
 * sent within the test's few milliseconds are over it from the third on.
 */
class RateLimitHandlerTest
{
    private final Metrics metrics = new Metrics();
    private final List<WebSocketFrame> passed = new ArrayList<>();
    private EmbeddedChannel channel;
    private ConnectionCloser closer;

    @AfterEach
    void release()
    {
        passed.forEach(WebSocketFrame::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldPassMessagesWithinTheBurst()
    {
        connect(60_000);

        channel.writeInbound(text(), text());

        assertThat(passed).hasSize(2);
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void shouldDropWhatIsOverTheRateAndTellTheClientOnce()
    {
        connect(60_000);
        final TextWebSocketFrame third = text();
        final TextWebSocketFrame fourth = text();

        channel.writeInbound(text(), text(), third, fourth);

        assertThat(passed).hasSize(2);
        assertThat(third.refCnt()).as("dropped and released").isZero();
        assertThat(fourth.refCnt()).isZero();
        channel.flush(); // the connection flushes at the end of the read batch
        final TextWebSocketFrame error = channel.readOutbound();
        assertThat(error.text()).contains("rate_limited");
        error.release();
        assertThat(channel.<Object>readOutbound()).as("one rate_limited error a second").isNull();
        assertThat(metrics.errors(ErrorCode.RATE_LIMITED)).isEqualTo(1);
        assertThat(closer.isClosing()).isFalse();
    }

    @Test
    void shouldCloseAConnectionThatStaysOverTheRate()
    {
        connect(0);

        channel.writeInbound(text(), text(), text());

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
        close.release();
        assertThat(metrics.closes(CloseCode.POLICY_VIOLATION)).isEqualTo(1);
        assertThat(closer.isClosing()).isTrue();
    }

    @Test
    void shouldTakeATokenForAPing()
    {
        connect(60_000);
        final PingWebSocketFrame ping = new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1}));

        channel.writeInbound(ping, text(), text());

        assertThat(passed).hasSize(2);
        assertThat(passed.get(0)).isSameAs(ping);
        assertThat(metrics.errors(ErrorCode.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void shouldPassOtherFramesWithoutATokenUntouched()
    {
        connect(60_000);

        channel.writeInbound(new BinaryWebSocketFrame(), text(), text());

        assertThat(passed).hasSize(3);
        assertThat(metrics.errors(ErrorCode.RATE_LIMITED)).isZero();
    }

    @Test
    void shouldPassTheFramesOfAClosingConnectionUntouched()
    {
        connect(60_000, new ChannelOutboundHandlerAdapter()
        {
            @Override
            public void write(final ChannelHandlerContext ctx, final Object message, final ChannelPromise promise)
            {
                // A client that does not read: the close frame is never written, and the channel stays open.
                ReferenceCountUtil.release(message);
            }
        });
        closer.closeWith(CloseCode.GOING_AWAY);

        channel.writeInbound(text(), text(), text(), text());

        assertThat(passed).as("the connection drops them").hasSize(4);
        assertThat(metrics.errors(ErrorCode.RATE_LIMITED)).isZero();
        assertThat(metrics.closes(CloseCode.POLICY_VIOLATION)).isZero();
    }

    /** A pipeline past the handshake: the rate limit, then what the connection would get. */
    private void connect(final long rateLimitCloseMs)
    {
        connect(rateLimitCloseMs, new ChannelOutboundHandlerAdapter());
    }

    private void connect(final long rateLimitCloseMs, final ChannelOutboundHandler network)
    {
        final ServerConfig config = ServerConfig.defaults().toBuilder().messagesPerSecond(1).messageBurst(2)
            .rateLimitCloseMs(rateLimitCloseMs).build();
        closer = new ConnectionCloser(metrics);
        final WriteStallGuard writeStall = new WriteStallGuard(60_000, Long.MAX_VALUE, () -> closer.closeWith(CloseCode.SLOW_CONSUMER));
        channel = new EmbeddedChannel(network, new RateLimitHandler(config, metrics, closer, writeStall), new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object message)
            {
                passed.add((WebSocketFrame)message);
            }
        });
        closer.attach(channel.pipeline().lastContext(), new ConnectionState());
        writeStall.attach(channel.pipeline().lastContext());
        channel.freezeTime();
        channel.pipeline().fireUserEventTriggered(new WebSocketServerProtocolHandler.HandshakeComplete("/ws", EmptyHttpHeaders.INSTANCE, null));
    }

    private static TextWebSocketFrame text()
    {
        return new TextWebSocketFrame("{\"t\":\"active\"}");
    }
}
