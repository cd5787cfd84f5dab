package dev.pulse.server.ws;

import java.io.IOException;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.pulse.server.config.LogFormat;
import dev.pulse.server.config.LogLevel;
import dev.pulse.server.logging.LogFields;
import dev.pulse.server.logging.Logs;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.session.SessionId;
import dev.pulse.server.testing.CapturedStderr;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection closes once, with its exact code, and its channel ends even if the client never
 * reads; each close is one log line naming the connection and its session.
 */
class ConnectionCloserTest
{
    private final Metrics metrics = new Metrics();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final ConnectionCloser closer = new ConnectionCloser(metrics);
    private final ConnectionState connection = new ConnectionState();

    ConnectionCloserTest()
    {
        closer.attach(channel.pipeline().firstContext(), connection);
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
        tooBigCloser.attach(tooBig.pipeline().firstContext(), new ConnectionState());

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

    @Test
    void shouldLogABrokenRuleAtInfoNamingTheConnectionAndItsSession() throws Exception
    {
        connection.id = 7;
        connection.helloed = true;
        connection.sidHi = 0x0123456789abcdefL;
        connection.sidLo = 0x7edcba9876543210L;
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.JSON, LogLevel.INFO);
            closer.closeWith(CloseCode.POLICY_VIOLATION, "over messages_per_second for rate_limit_close_ms");
            releaseOutbound();

            final JsonNode record = new ObjectMapper().readTree(stderr.linesWith(ConnectionCloser.class.getName()).get(0));
            assertThat(record.get("level").asText()).isEqualTo("INFO");
            assertThat(record.get("message").asText()).isEqualTo("closing with 1008: over messages_per_second for rate_limit_close_ms");
            assertThat(record.get(LogFields.CONNECTION).asText()).isEqualTo("7");
            assertThat(record.get(LogFields.SESSION).asText()).isEqualTo(SessionId.toString(connection.sidHi, connection.sidLo));
        }
    }

    @Test
    void shouldLogARoutineCloseOnlyAtDebugAndWithoutASessionBeforeHello()
    {
        connection.id = 8;
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.TEXT, LogLevel.INFO);
            closer.closeWith(CloseCode.IDLE);
            releaseOutbound();
            assertThat(stderr.linesWith("ConnectionCloser")).isEmpty();

            final ConnectionCloser second = new ConnectionCloser(metrics);
            second.attach(new EmbeddedChannel(new ChannelInboundHandlerAdapter()).pipeline().firstContext(), connection);
            Logs.apply(LogFormat.TEXT, LogLevel.DEBUG);
            second.closeWith(CloseCode.IDLE);

            assertThat(stderr.linesWith("ConnectionCloser")).singleElement().asString()
                .contains(" DEBUG ").endsWith("ConnectionCloser: closing with 1000: idle connection=8");
        }
    }

    @Test
    void shouldLogTheCodeTheDecoderClosedWith()
    {
        connection.id = 9;
        try (CapturedStderr stderr = new CapturedStderr())
        {
            closer.closedFor(corrupted(WebSocketCloseStatus.INVALID_PAYLOAD_DATA));

            assertThat(stderr.linesWith("ConnectionCloser")).singleElement().asString()
                .contains(" INFO ").contains("closing with 1007: ").endsWith(" connection=9");
        }
    }

    private void releaseOutbound()
    {
        final CloseWebSocketFrame close = channel.readOutbound();
        close.release();
    }
}
