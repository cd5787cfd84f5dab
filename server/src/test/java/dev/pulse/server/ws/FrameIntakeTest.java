package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's frames before they are messages, in the connection's read: the rate limit (a
 * burst of 2 refilling at 1 a second, so frames sent within the test's few milliseconds are over it
 * from the third on), fragments joined and the limit counted after joining (1009 one byte over),
 * pings answered, binary frames closed. Each frame is released as the connection releases it.
 */
class FrameIntakeTest
{
    private static final int MAX_MESSAGE_BYTES = 100;

    private final Metrics metrics = new Metrics();
    private final List<String> handled = new ArrayList<>();
    private EmbeddedChannel channel;
    private ConnectionCloser closer;
    private FrameIntake intake;

    @AfterEach
    void release()
    {
        intake.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldHandleMessagesWithinTheBurst()
    {
        connect(60_000);

        channel.writeInbound(text("a"), text("b"));

        assertThat(handled).containsExactly("a", "b");
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void shouldDropWhatIsOverTheRateAndTellTheClientOnce()
    {
        connect(60_000);
        final TextWebSocketFrame third = text("c");

        channel.writeInbound(text("a"), text("b"), third, text("d"));

        assertThat(handled).containsExactly("a", "b");
        assertThat(third.refCnt()).as("dropped and released").isZero();
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

        channel.writeInbound(text("a"), text("b"), text("c"));

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
        close.release();
        assertThat(metrics.closes(CloseCode.POLICY_VIOLATION)).isEqualTo(1);
        assertThat(closer.isClosing()).isTrue();
    }

    @Test
    void shouldTakeATokenForAPingAndAnswerIt()
    {
        connect(60_000);

        channel.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})), text("a"), text("b"));

        final PongWebSocketFrame pong = channel.readOutbound();
        assertThat(pong.content().getByte(0)).isEqualTo((byte)1);
        pong.release();
        assertThat(handled).containsExactly("a");
        assertThat(metrics.errors(ErrorCode.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void shouldJoinAFragmentedMessageAndTakeOneTokenForIt()
    {
        connect(60_000);

        channel.writeInbound(new TextWebSocketFrame(false, 0, "{\"t\":"), new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {2})),
            new ContinuationWebSocketFrame(false, 0, "\"act"), new ContinuationWebSocketFrame(true, 0, "ive\"}"), text("b"));

        assertThat(handled).as("a ping between fragments, then one message for three fragments").containsExactly("{\"t\":\"active\"}");
        ReferenceCountUtil.release(channel.readOutbound());
        assertThat(metrics.errors(ErrorCode.RATE_LIMITED)).as("the ping and the joined message took the burst").isEqualTo(1);
    }

    @Test
    void shouldAcceptAJoinedMessageAtTheLimitAndCloseOneByteOverWith1009()
    {
        connect(60_000);

        channel.writeInbound(new TextWebSocketFrame(false, 0, "x".repeat(60)), new ContinuationWebSocketFrame(true, 0, "y".repeat(40)));
        assertThat(handled).hasSize(1);
        assertThat(handled.get(0)).hasSize(MAX_MESSAGE_BYTES);

        final ContinuationWebSocketFrame over = new ContinuationWebSocketFrame(false, 0, "y".repeat(41));
        channel.writeInbound(new TextWebSocketFrame(false, 0, "x".repeat(60)), over);

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1009);
        assertThat(close.reasonText()).isEqualTo("message too big");
        close.release();
        assertThat(over.refCnt()).isZero();
        assertThat(metrics.closes(CloseCode.MESSAGE_TOO_BIG)).isEqualTo(1);
        assertThat(closer.isClosing()).isTrue();
        assertThat(channel.isOpen()).as("closed once the close frame is written").isFalse();
        assertThat(handled).hasSize(1);
    }

    @Test
    void shouldCloseABinaryFrameWith1003()
    {
        connect(60_000);

        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCode.UNSUPPORTED_DATA.code());
        close.release();
        assertThat(handled).isEmpty();
    }

    @Test
    void shouldDropAMessageStillBeingJoinedWhenTheConnectionEnds()
    {
        connect(60_000);
        final TextWebSocketFrame first = new TextWebSocketFrame(false, 0, "{\"t\":");
        final ByteBuf content = first.content().retain();

        channel.writeInbound(first);
        intake.release();

        assertThat(content.refCnt()).as("only the test's own reference is left").isEqualTo(1);
        content.release();
    }

    /** A connection's pipeline reduced to its read: the intake, as the connection calls it on a connection not closing. */
    private void connect(final long rateLimitCloseMs)
    {
        final ServerConfig config = ServerConfig.defaults().toBuilder().messagesPerSecond(1).messageBurst(2)
            .rateLimitCloseMs(rateLimitCloseMs).maxMessageBytes(MAX_MESSAGE_BYTES).build();
        closer = new ConnectionCloser(metrics);
        final WriteStallGuard writeStall = new WriteStallGuard(60_000, Long.MAX_VALUE, () -> closer.closeWith(CloseCode.SLOW_CONSUMER));
        final MessageRate rate = new MessageRate(config, metrics, closer);
        intake = new FrameIntake(rate, new FragmentJoiner(MAX_MESSAGE_BYTES, closer), writeStall, closer,
            (text, nowNanos) -> handled.add(text.toString(StandardCharsets.UTF_8)));
        channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object message)
            {
                try
                {
                    if (!closer.isClosing())
                    {
                        intake.read(ctx, (WebSocketFrame)message, System.nanoTime());
                    }
                }
                finally
                {
                    ReferenceCountUtil.release(message);
                }
            }

            @Override
            public void channelReadComplete(final ChannelHandlerContext ctx)
            {
                ctx.flush();
            }
        });
        closer.attach(channel.pipeline().firstContext(), new ConnectionState());
        writeStall.attach(channel.pipeline().firstContext());
        rate.attach(channel.pipeline().firstContext());
        rate.start(System.nanoTime());
    }

    private static TextWebSocketFrame text(final String text)
    {
        return new TextWebSocketFrame(text);
    }
}
