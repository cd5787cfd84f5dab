package dev.pulse.server.e2e.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** The end of one driver connection's pipeline: hands the session its frames, its close code and its loss. */
final class DriverHandler extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DriverSession session;
    private final LoadDriver driver;

    DriverHandler(final DriverSession session, final LoadDriver driver)
    {
        this.session = session;
        this.driver = driver;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
        {
            session.onOpen(ctx.channel());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame) throws Exception
    {
        if (frame instanceof TextWebSocketFrame)
        {
            session.onMessage(JSON.readTree(((TextWebSocketFrame)frame).text()));
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            session.onClose(((CloseWebSocketFrame)frame).statusCode());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        session.onLost();
        driver.lost(session);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // A failed handshake or a reset by a dying server: the connection is lost, channelInactive follows.
        ctx.close();
    }
}
