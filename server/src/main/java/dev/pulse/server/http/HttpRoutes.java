package dev.pulse.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.ingest.IngestRoute;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.net.ClientAddress;
import dev.pulse.server.ws.AnswerPending;

/**
 * The plain HTTP routes on the WebSocket port, last in the pipeline after the upgrade gate:
 * <pre>
 *   GET  /healthz                  200 ok (the process is alive)
 *   GET  /readyz                   200 ready | 503 not ready
 *   GET  /metrics                  Prometheus text
 *   GET  /pulse.js                 the browser snippet (gzip, ETag); /pulse.<version>.js its immutable versioned name
 *   GET  /pulse-widget.js          the widget the snippet loads on its first question; /pulse-widget.<version>.js likewise
 *   GET  /demo/...                 the demo store's pages, under a strict Content-Security-Policy (only with the demo on)
 *   POST /admin/catalog/reload     200 | 422 with the catalog's findings   (bearer token)
 *   GET  /admin/catalog            the catalog being served                 (bearer token)
 *   GET  /admin/sessions/{sid}     a session as JSON | 404                  (bearer token)
 *   DELETE /admin/sessions/{sid}   204 erased | 404 | 400                   (bearer token)
 *   GET  /admin/sessions/{sid}/export  everything held about it, JSON | 404 (bearer token)
 *   DELETE /admin/visitors/{vid}   204 its sessions erased | 404 | 400      (bearer token)
 *   GET  /admin/report             the outcome report, ?from&to&format      (bearer token)
 *   POST /v1/sites/{site}/events   a backend event: 202 | 400 | 401 | 404 | 429 | 503 (signed; only with ingest_keys_file)
 * </pre>
 * When a separate metrics listener is configured, {@code /metrics} is served there instead (404
 * here). HEAD is answered wherever GET is. An unknown path is 404, a known path with the wrong method 405
 * with {@code Allow}. Responses are written in {@code channelRead} and flushed once per read batch;
 * an exception in a route becomes a 500, never an exception out of the handler.
 *
 * <p>Stateless apart from a cache of static files: one shared instance serves every channel.
 */
@Sharable
public final class HttpRoutes extends SimpleChannelInboundHandler<FullHttpRequest>
{
    static final String GET_HEAD = "GET, HEAD";
    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);
    private static final String DEMO = "/demo";
    private static final String METRICS = "/metrics";
    /** The demo store runs under the strict policy a site would set (README, "A strict Content-Security-Policy"). */
    static final String DEMO_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:";

    private final RouteContext context;
    private final StaticFiles staticFiles = new StaticFiles("/static/");
    private final Optional<SnippetFile> widget = staticFiles.find("pulse-widget.js")
        .map(file -> new SnippetFile(SnippetFile.WIDGET, file.bytes()));
    private final Optional<SnippetFile> snippet = staticFiles.find("pulse.js")
        .map(file -> SnippetFile.pinning(file.bytes(), widget.orElseThrow(() -> new IllegalStateException("pulse.js without pulse-widget.js"))));
    private final InternalErrors internalErrors;
    private final AdminRoutes admin;
    private final boolean servesMetrics;
    private final boolean servesDemo;
    /** Null without {@code ingest_keys_file}: the ingest's paths are then 404. */
    private final IngestRoute ingest;

    /** Every route, the demo's included; catalog reloads and reports run on Netty's global executor. */
    public HttpRoutes(final RouteContext context)
    {
        this(context, GlobalEventExecutor.INSTANCE);
    }

    /**
     * @param servesMetrics false when a separate listener serves {@code /metrics}.
     * @param servesDemo    false unless the demo is on ({@code DemoSettings}): {@code /demo/} is then 404.
     */
    public HttpRoutes(final RouteContext context, final boolean servesMetrics, final boolean servesDemo)
    {
        this(context, GlobalEventExecutor.INSTANCE, servesMetrics, servesDemo, null);
    }

    /** As above, with the backend events' route ({@code POST /v1/sites/{site}/events}); {@code ingest} null: 404 there. */
    public HttpRoutes(final RouteContext context, final boolean servesMetrics, final boolean servesDemo, final IngestRoute ingest)
    {
        this(context, GlobalEventExecutor.INSTANCE, servesMetrics, servesDemo, ingest);
    }

    /**
     * Every route, the demo's included.
     *
     * @param blockingExecutor runs catalog reloads, which read the disk, off the event loop.
     */
    public HttpRoutes(final RouteContext context, final Executor blockingExecutor)
    {
        this(context, blockingExecutor, true, true, null);
    }

    private HttpRoutes(final RouteContext context, final Executor blockingExecutor, final boolean servesMetrics, final boolean servesDemo,
        final IngestRoute ingest)
    {
        this.ingest = ingest;
        this.context = context;
        this.internalErrors = new InternalErrors(context.metrics());
        this.admin = new AdminRoutes(context, blockingExecutor, internalErrors);
        this.servesMetrics = servesMetrics;
        this.servesDemo = servesDemo;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        Reply reply = Reply.to(request);
        FullHttpResponse response;
        try
        {
            if (request.decoderResult().isFailure())
            {
                reply = reply.closing();
                response = HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "bad request");
            }
            else
            {
                response = route(ctx, request, reply);
            }
        }
        catch (final Exception ex)
        {
            response = internalErrors.onException(request.method() + " " + request.uri(), ex);
        }
        if (response != null)
        {
            reply.write(ctx, response);
        }
        else
        {
            AnswerPending.mark(ctx.channel());
        }
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
        // Only what escaped the codecs, or an Error, gets here: the connection is not to be trusted.
        // A peer resetting its connection is routine; anything else is worth one warning.
        if (cause instanceof IOException)
        {
            LOG.debug("closing {} after {}", ClientAddress.describe(ctx.channel()), cause.toString());
        }
        else
        {
            context.metrics().internalError();
            LOG.warn("closing {} after an unexpected exception", ClientAddress.describe(ctx.channel()), cause);
        }
        ctx.close();
    }

    private FullHttpResponse route(final ChannelHandlerContext ctx, final FullHttpRequest request, final Reply reply)
    {
        // The raw path, never decoded: static files refuse '%' outright, so no decoding trick reaches them.
        final String path = new QueryStringDecoder(request.uri()).rawPath();
        if (servesMetrics || !path.equals(METRICS))
        {
            final FullHttpResponse probe = probe(context, path, request);
            if (probe != null)
            {
                return probe;
            }
        }
        for (final Optional<SnippetFile> script : List.of(snippet, widget))
        {
            if (script.isPresent() && script.get().serves(path))
            {
                return isGet(request) ? script.get().respond(request, path) : notGet();
            }
        }
        // Before the demo's pages: the demo's fake payment is the ingest's.
        if (ingest != null && ingest.serves(path))
        {
            return ingest.route(ctx.channel().eventLoop(), request, path, answer -> reply.writeAndFlush(ctx, answer));
        }
        if (servesDemo && (path.equals(DEMO) || path.startsWith(DEMO + "/")))
        {
            final FullHttpResponse page = staticFile(request, staticFiles.demoPage(path.substring(DEMO.length())), "no-cache");
            page.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, DEMO_POLICY);
            return page;
        }
        if (path.equals("/admin") || path.startsWith(AdminRoutes.PREFIX) || path.equals(PreviewPage.PATH))
        {
            return admin.route(ctx, request, path, reply);
        }
        return HttpResponses.notFound();
    }

    /** {@code /healthz}, {@code /readyz} and {@code /metrics}, shared with the metrics listener; null for other paths. */
    static FullHttpResponse probe(final RouteContext context, final String path, final FullHttpRequest request)
    {
        switch (path)
        {
            case "/healthz":
                return isGet(request) ? HttpResponses.text(HttpResponseStatus.OK, "ok") : notGet();
            case "/readyz":
                return isGet(request) ? readiness(context) : notGet();
            case METRICS:
                return isGet(request) ? metrics(context.metrics()) : notGet();
            default:
                return null;
        }
    }

    private static FullHttpResponse readiness(final RouteContext context)
    {
        return context.ready().getAsBoolean()
            ? HttpResponses.text(HttpResponseStatus.OK, "ready")
            : HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "not ready");
    }

    private static FullHttpResponse metrics(final Metrics metrics)
    {
        return HttpResponses.of(HttpResponseStatus.OK, HttpResponses.PROMETHEUS_TEXT,
            Unpooled.copiedBuffer(metrics.prometheusText(), StandardCharsets.UTF_8));
    }

    private static FullHttpResponse staticFile(
        final FullHttpRequest request, final Optional<StaticFiles.StaticFile> file, final String cacheControl)
    {
        if (file.isEmpty())
        {
            return HttpResponses.notFound();
        }
        if (!isGet(request))
        {
            return notGet();
        }
        final FullHttpResponse response = HttpResponses.of(
            HttpResponseStatus.OK, file.get().contentType(), Unpooled.wrappedBuffer(file.get().bytes()));
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        return response;
    }

    /** GET or HEAD: HEAD is answered as GET without the body. */
    static boolean isGet(final FullHttpRequest request)
    {
        return HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method());
    }

    private static FullHttpResponse notGet()
    {
        return HttpResponses.methodNotAllowed(GET_HEAD);
    }
}
