package dev.pulse.server.ws;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.net.ClientAddress;
import dev.pulse.server.timer.TimerTarget;

/**
 * The door to {@code /ws}: only that exact path upgrades, and only for the catalog's site and
 * one of its origins, or the server's own origin where the catalog lists {@code self}
 * ({@link SelfOrigin}; a missing Origin only if the operator allowed it); otherwise HTTP 403 and no
 * upgrade; 503 at capacity or over the server's handshake rate, 429 when the client's address
 * holds its cap of connections (each refusal with {@code Retry-After}, and counted; the latter also
 * logged with the address: 5 lines at once, then one per 10 s). The address is the client's real one: each
 * request first lets the {@code ClientAddressPolicy} read what a trusted proxy forwarded. Other paths
 * go on to the HTTP routes. The routing key ({@code route}) a balancer hashes on is never a reason to
 * refuse: {@link RouteKeys}. It also closes connections that do not send a whole request within
 * the handshake timeout of opening or of their last response (slowloris), and counts them; that
 * deadline is a timer on the loop's wheel (no Netty task per connection).
 */
final class UpgradeGate extends ChannelDuplexHandler implements TimerTarget, ChannelFutureListener
{
    private static final long NO_TIMER = -1;

    static final String WS_PATH = "/ws";
    /** Seconds a client refused for the handshake rate should wait: the budget refills each second. */
    private static final int RETRY_AFTER_RATE_S = 1;
    /** Seconds a client refused at a connection cap should wait: connections must close first. */
    private static final int RETRY_AFTER_CAPACITY_S = 5;
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeGate.class);

    private final ServerContext server;
    private final WebSocketDecoderConfig decoderConfig;
    private final boolean tls;
    private ChannelHandlerContext ctx;
    private LoopContext loop;
    private long deadlineTimerId = NO_TIMER;

    /** @param tls whether this port speaks TLS: the scheme of the server's own origin is then https. */
    UpgradeGate(final ServerContext server, final WebSocketDecoderConfig decoderConfig, final boolean tls)
    {
        this.server = server;
        this.decoderConfig = decoderConfig;
        this.tls = tls;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        this.loop = server.loop(ctx.channel().eventLoop());
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        cancelDeadline();
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        armDeadline();
        ctx.fireChannelActive();
    }

    /**
     * After each HTTP response, the client has the handshake timeout again to send its next
     * request: a kept-alive connection cannot be held by dribbling a request either.
     */
    @Override
    public void write(final ChannelHandlerContext ctx, final Object message, final ChannelPromise promise)
    {
        if (message instanceof LastHttpContent)
        {
            final ChannelPromise written = promise.unvoid();
            written.addListener(this);
            ctx.write(message, written);
            return;
        }
        ctx.write(message, promise);
    }

    /** A response was written: the deadline is armed again (this gate listens itself, so no listener is made per response). */
    @Override
    public void operationComplete(final ChannelFuture written)
    {
        armDeadline();
    }

    private void armDeadline()
    {
        cancelDeadline();
        if (!ctx.channel().isActive() || ctx.isRemoved())
        {
            return;
        }
        deadlineTimerId = loop.timers.schedule(this, loop.clock.monotonicMs() + server.config().handshakeTimeoutMs());
    }

    /** The handshake timeout passed without a whole request. */
    @Override
    public void onTimer(final long timerId, final long nowMs)
    {
        if (timerId != deadlineTimerId)
        {
            return;
        }
        deadlineTimerId = NO_TIMER;
        server.metrics().refused(Metrics.RefusalReason.HANDSHAKE_TIMEOUT);
        ctx.close();
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
            server.metrics().refused(Metrics.RefusalReason.BAD_REQUEST);
            refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, 0);
            return;
        }
        server.clientAddresses().onRequest(ctx.channel(), request.headers());
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
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN, 0);
            return;
        }
        final String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null ? !server.config().allowMissingOrigin() : !allowsOrigin(catalog, origin, request))
        {
            metrics.refused(Metrics.RefusalReason.ORIGIN);
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN, 0);
            return;
        }
        if (!server.accepting() || metrics.connectionsOpen() >= server.config().maxConnections())
        {
            metrics.refused(Metrics.RefusalReason.CAPACITY);
            refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, RETRY_AFTER_CAPACITY_S);
            return;
        }
        // The address's slot first, so that one busy address cannot spend the server's handshakes.
        final ConnectionsPerAddress perAddress = server.connectionsPerAddress();
        final InetAddress address = perAddress.keyOf(ClientAddress.of(ctx.channel()));
        if (address != null && !perAddress.tryAcquire(address))
        {
            metrics.refused(Metrics.RefusalReason.PER_ADDRESS);
            logPerAddressRefusal(ctx);
            refuse(ctx, request, HttpResponseStatus.TOO_MANY_REQUESTS, RETRY_AFTER_CAPACITY_S);
            return;
        }
        if (!server.tryHandshake(System.nanoTime()))
        {
            if (address != null)
            {
                perAddress.release(address);
            }
            metrics.refused(Metrics.RefusalReason.RATE);
            refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, RETRY_AFTER_RATE_S);
            return;
        }
        if (address != null)
        {
            ctx.channel().closeFuture().addListener(closed -> perAddress.release(address));
        }
        // Never a reason to refuse (RouteKeys says why): only counted when unusable.
        server.routeKeys().onAccepted(query.parameters().get(RouteKeys.PARAMETER));
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

    private void logPerAddressRefusal(final ChannelHandlerContext ctx)
    {
        final long unlogged = server.perAddressRefusals().take(System.nanoTime());
        if (unlogged != LogThrottle.QUIET)
        {
            LOG.warn("refused a WebSocket handshake from {} with 429: that address holds max_connections_per_address ({}) " +
                "connections; {} more such refusals since the last such line", ClientAddress.describe(ctx.channel()),
                server.config().maxConnectionsPerAddress(), unlogged);
        }
    }

    /** One of the catalog's origins, or the server's own where the catalog lists {@code self}. */
    private boolean allowsOrigin(final CompiledCatalog catalog, final String origin, final FullHttpRequest request)
    {
        return catalog.allowsOrigin(origin)
            || catalog.allowsSelfOrigin() && SelfOrigin.matches(origin, request.headers().get(HttpHeaderNames.HOST), tls);
    }

    private void cancelDeadline()
    {
        if (deadlineTimerId != NO_TIMER)
        {
            loop.timers.cancel(deadlineTimerId);
            deadlineTimerId = NO_TIMER;
        }
    }

    /** Answers {@code status} and closes; {@code retryAfterS} above 0 adds a {@code Retry-After} header. */
    private static void refuse(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final HttpResponseStatus status, final int retryAfterS)
    {
        final byte[] body = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(StandardCharsets.US_ASCII);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (retryAfterS > 0)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfterS);
        }
        HttpUtil.setContentLength(response, body.length);
        request.release();
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
