package dev.pulse.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import dev.pulse.server.ws.AnswerPending;

/**
 * How to answer one request, captured from it before it is released: its HTTP version, whether
 * the connection stays open, whether it was a HEAD. Writing adds what every response carries:
 * Content-Length, {@code X-Content-Type-Options: nosniff} and the keep-alive decision.
 */
record Reply(HttpVersion version, boolean keepAlive, boolean head)
{
    static Reply to(final FullHttpRequest request)
    {
        return new Reply(request.protocolVersion(), HttpUtil.isKeepAlive(request), HttpMethod.HEAD.equals(request.method()));
    }

    /** The same reply on a connection that closes after it (the request could not be trusted). */
    Reply closing()
    {
        return new Reply(version, false, head);
    }

    /** Writes without flushing: the handler flushes once per read batch. */
    void write(final ChannelHandlerContext ctx, final FullHttpResponse response)
    {
        send(ctx, response, false);
    }

    /** Writes and flushes: for answers that complete outside a read (off the event loop); the connection is then no longer waiting. */
    void writeAndFlush(final ChannelHandlerContext ctx, final FullHttpResponse response)
    {
        // On the loop, in one step: the read timeout, also on the loop, never finds the mark gone and the answer not yet written.
        if (ctx.executor().inEventLoop())
        {
            AnswerPending.clear(ctx.channel());
            send(ctx, response, true);
        }
        else
        {
            ctx.executor().execute(() -> writeAndFlush(ctx, response));
        }
    }

    private void send(final ChannelHandlerContext ctx, final FullHttpResponse response, final boolean flush)
    {
        FullHttpResponse out = response.setProtocolVersion(version);
        out.headers()
            .setInt(HttpHeaderNames.CONTENT_LENGTH, out.content().readableBytes())
            .set(HttpResponses.X_CONTENT_TYPE_OPTIONS, HttpResponses.NOSNIFF);
        if (out.status().code() == HttpResponseStatus.NO_CONTENT.code())
        {
            // RFC 9110 8.6: a 204 carries no Content-Length.
            out.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        HttpUtil.setKeepAlive(out, keepAlive);
        if (head)
        {
            // A HEAD answer has the GET answer's headers, Content-Length included, and no body.
            out = out.replace(Unpooled.EMPTY_BUFFER);
            response.release();
        }
        if (flush)
        {
            ctx.writeAndFlush(out).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        }
        else
        {
            ctx.write(out).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        }
    }
}
