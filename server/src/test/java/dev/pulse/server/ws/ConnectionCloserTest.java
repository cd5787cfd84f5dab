package dev.pulse.server.ws;

import java.io.IOException;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.Test;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection closes once, with its exact code, and its channel ends even if the client never reads. */
class ConnectionCloserTest
{
    private final Metrics metrics = new Metrics();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final ConnectionCloser closer = new ConnectionCloser(metrics);

    ConnectionCloserTest()
    {
        closer.attach(channel.pipeline().firstContext());
    }

    @Test
    void shouldSendTheCloseFrameWithItsCodeAndEndTheChannel()
    {
        closer.closeWith(CloseCode.SLOW_CONSUMER);

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCode.SLOW_CONSUMER.code());
        assertThat(close.reasonText()).isEqualTo(CloseCode.SLOW_CONSUMER.reason());
        close.release();
        assertThat(closer.isClosing()).isTrue();
        assertThat(metrics.closes(CloseCode.SLOW_CONSUMER)).isEqualTo(1);
        assertThat(channel.isOpen()).as("not a duplex channel: closed at once rather than half-closed").isFalse();
    }

    @Test
    void shouldCloseOnlyOnce()
    {
        closer.closeWith(CloseCode.IDLE);
        closer.closeWith(CloseCode.POLICY_VIOLATION);

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCode.IDLE.code());
        close.release();
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(metrics.closes(CloseCode.IDLE)).isEqualTo(1);
        assertThat(metrics.closes(CloseCode.POLICY_VIOLATION)).isZero();
    }

    @Test
    void shouldCountTheCodeNettysDecoderClosedWith()
    {
        assertThat(closer.closedFor(corrupted(WebSocketCloseStatus.INVALID_PAYLOAD_DATA))).isTrue();

        assertThat(closer.isClosing()).isTrue();
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.closes(CloseCode.INVALID_PAYLOAD)).isEqualTo(1);
        closer.closeWith(CloseCode.GOING_AWAY);
        assertThat(channel.<Object>readOutbound()).as("the decoder sent the close frame").isNull();
    }

    @Test
    void shouldCountAnyOtherDecoderCloseAsAProtocolError()
    {
        final EmbeddedChannel tooBig = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        final ConnectionCloser tooBigCloser = new ConnectionCloser(metrics);
        tooBigCloser.attach(tooBig.pipeline().firstContext());

        tooBigCloser.closedFor(corrupted(WebSocketCloseStatus.MESSAGE_TOO_BIG));
        closer.closedFor(corrupted(WebSocketCloseStatus.PROTOCOL_ERROR));

        assertThat(metrics.closes(CloseCode.MESSAGE_TOO_BIG)).isEqualTo(1);
        assertThat(metrics.closes(CloseCode.PROTOCOL_ERROR)).isEqualTo(1);
    }

    @Test
    void shouldCloseWithoutACloseFrameForAPeerGoneAway()
    {
        assertThat(closer.closedFor(new IOException("Connection reset by peer"))).isTrue();

        assertThat(channel.isOpen()).isFalse();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void shouldLeaveAnythingElseToTheInternalErrorPath()
    {
        assertThat(closer.closedFor(new IllegalStateException("a bug"))).isFalse();

        assertThat(channel.isOpen()).isTrue();
        assertThat(closer.isClosing()).isFalse();
    }

    private static CorruptedWebSocketFrameException corrupted(final WebSocketCloseStatus status)
    {
        return new CorruptedWebSocketFrameException(status, "test");
    }
}
