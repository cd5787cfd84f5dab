package dev.pulse.server.ws;

import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Netty's WebSocket protocol handler (handshake, close frames), except that pings go on down the
 * pipeline instead of being answered here: the {@link ConnectionHandler} counts them against the
 * connection's message rate ({@link MessageRate}) and answers them through its
 * {@link WriteStallGuard}, so a client that does not read gets one pong for its latest ping rather
 * than a pong per ping piling up (RFC 6455 5.5.3 allows that).
 */
final class PingPassingProtocolHandler extends WebSocketServerProtocolHandler
{
    PingPassingProtocolHandler(final WebSocketServerProtocolConfig config)
    {
        super(config);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final WebSocketFrame frame, final List<Object> out) throws Exception
    {
        if (frame instanceof PingWebSocketFrame)
        {
            out.add(frame.retain());
            return;
        }
        super.decode(ctx, frame, out);
    }
}
