package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;

import dev.pulse.catalog.CompiledCatalog;
import dev.pulse.server.metrics.Metrics;

/**
 * The door to {@code /ws}: only that exact path upgrades, and only for the catalog's site and
 * one of its origins (a missing Origin only if the operator allowed it); otherwise HTTP 403 and no
 * upgrade, or 503 at capacity. Other paths go on to the HTTP routes. It also closes connections
 * that do not finish a request within the handshake timeout (slowloris).
 */
final class UpgradeGate extends ChannelInboundHandlerAdapter
{
    static final String WS_PATH = "/ws";

    private final ServerContext server;
    private final WebSocketDecoderConfig decoderConfig;
    private ScheduledFuture<?> handshakeDeadline;

    UpgradeGate(final ServerContext server, final WebSocketDecoderConfig decoderConfig)
    {
        this.server = server;
        this.decoderConfig = decoderConfig;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        handshakeDeadline = ctx.executor().schedule(() ->
        {
            ctx.close();
        }, server.config().handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        cancelDeadline();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (!(message instanceof FullHttpRequest))
        {
            ctx.fireChannelRead(message);
            return;
        }
        cancelDeadline();
        final FullHttpRequest request = (FullHttpRequest)message;
        if (!request.decoderResult().isSuccess())
        {
            refuse(ctx, request, HttpResponseStatus.BAD_REQUEST);
            return;
        }
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        if (!WS_PATH.equals(query.rawPath()))
        {
            ctx.fireChannelRead(request);
            return;
        }
        final Metrics metrics = server.metrics();
        final CompiledCatalog catalog = server.catalog().current();
        final List<String> site = query.parameters().get("site");
        if (site == null || site.size() != 1 || !catalog.siteKey().equals(site.get(0)))
        {
            metrics.refused(Metrics.RefusalReason.UNKNOWN_SITE);
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN);
            return;
        }
        final String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null ? !server.config().allowMissingOrigin() : !catalog.allowsOrigin(origin))
        {
            metrics.refused(Metrics.RefusalReason.ORIGIN);
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN);
            return;
        }
        if (!server.accepting() || metrics.connectionsOpen() >= server.config().maxConnections())
        {
            metrics.refused(Metrics.RefusalReason.CAPACITY);
            refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE);
            return;
        }
        // This connection becomes a WebSocket: the HTTP routes and this gate step aside, and the
        // protocol handler does the RFC 6455 handshake (synchronously, on this FullHttpRequest).
        ctx.pipeline().remove(PulseChannelInitializer.ROUTES);
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request);
        if (ctx.pipeline().get("wsdecoder") != null)
        {
            ctx.pipeline().replace("wsdecoder", "wsdecoder", new StrictCloseFrameDecoder(decoderConfig));
        }
    }

    private void cancelDeadline()
    {
        if (handshakeDeadline != null)
        {
            handshakeDeadline.cancel(false);
            handshakeDeadline = null;
        }
    }

    private static void refuse(final ChannelHandlerContext ctx, final FullHttpRequest request, final HttpResponseStatus status)
    {
        final byte[] body = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(StandardCharsets.US_ASCII);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, body.length);
        request.release();
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
