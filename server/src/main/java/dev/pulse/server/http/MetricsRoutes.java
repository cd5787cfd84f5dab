package dev.pulse.server.http;

import java.io.IOException;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;

/**
 * The routes of the separate metrics listener ({@code metrics_port}): {@code /metrics},
 * {@code /healthz} and {@code /readyz}, GET or HEAD, and nothing else (404), so a port opened to
 * the monitoring network reaches neither the WebSocket, the snippet nor the admin routes.
 *
 * <p>Stateless: one shared instance serves every connection of the listener.
 */
@Sharable
public final class MetricsRoutes extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private final RouteContext context;
    private final InternalErrors internalErrors;

    public MetricsRoutes(final RouteContext context)
    {
        this.context = context;
        this.internalErrors = new InternalErrors(context.metrics());
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final Reply reply = Reply.to(request);
        if (request.decoderResult().isFailure())
        {
            reply.closing().write(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "bad request"));
            return;
        }
        FullHttpResponse response;
        try
        {
            response = HttpRoutes.probe(context, new QueryStringDecoder(request.uri()).rawPath(), request);
        }
        catch (final RuntimeException ex)
        {
            response = internalErrors.onException(request.method() + " " + request.uri(), ex);
        }
        reply.write(ctx, response != null ? response : HttpResponses.notFound());
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // A silent connection timing out, or a reset, is routine; anything else escaped the codecs.
        if (!(cause instanceof ReadTimeoutException) && !(cause instanceof IOException))
        {
            context.metrics().internalError();
        }
        ctx.close();
    }
}
