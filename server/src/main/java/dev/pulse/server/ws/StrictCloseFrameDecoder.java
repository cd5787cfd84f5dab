package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;

/**
 * Netty's frame decoder with a strict check of close frames. Netty 4.2.18 reads the close code
 * as a signed short (so 5000 to 65535 pass) and, on a bad code or a reason that is not UTF-8,
 * drops the connection without a close frame. RFC 6455 wants 1002 (1007 for a reason that is not
 * UTF-8): this sends it.
 */
final class StrictCloseFrameDecoder extends WebSocket13FrameDecoder
{
    StrictCloseFrameDecoder(final WebSocketDecoderConfig config)
    {
        super(config);
    }

    @Override
    protected void checkCloseFrameBody(final ChannelHandlerContext ctx, final ByteBuf buffer)
    {
        if (buffer == null || !buffer.isReadable())
        {
            return;
        }
        final int index = buffer.readerIndex();
        final int length = buffer.readableBytes();
        final int code = buffer.getUnsignedShort(index);
        String problem = null;
        WebSocketCloseStatus status = WebSocketCloseStatus.PROTOCOL_ERROR;
        if (length == 1)
        {
            problem = "a close body of one byte";
        }
        else if (!validCode(code))
        {
            problem = "invalid close code " + code;
        }
        else if (length > 2 && !ByteBufUtil.isText(buffer, index + 2, length - 2, StandardCharsets.UTF_8))
        {
            // Bytes that should be UTF-8 and are not close with 1007, wherever they are (RFC 6455 8.1).
            problem = "close reason is not UTF-8";
            status = WebSocketCloseStatus.INVALID_PAYLOAD_DATA;
        }
        if (problem != null)
        {
            ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), problem)).addListener(ChannelFutureListener.CLOSE);
            throw new CorruptedWebSocketFrameException(status, problem);
        }
    }

    /** The codes a peer may send (RFC 6455 section 7.4). */
    static boolean validCode(final int code)
    {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
