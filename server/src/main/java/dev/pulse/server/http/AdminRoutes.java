package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import dev.pulse.catalog.LoadResult;

/**
 * {@code /admin/*} and {@code /preview}: catalog reload, the catalog being served, a session by id,
 * a data subject's erasure and export ({@link ErasureRoutes}), the outcome report ({@link ReportRoute}), a backup of the data
 * directory ({@link BackupRoute}), the question preview ({@link PreviewPage}). Off (404, as
 * if absent) without an admin or a report token; with one, every request needs a token
 * ({@link AdminAuth}; 401 otherwise, before anything about the path is revealed). The admin token
 * opens every route; the read-only report token opens {@link ReportRoute#PATH} alone, and any other
 * route refuses it exactly as it refuses a wrong token (401), so the people who read the report
 * cannot reload the catalog or read a session. Before any of that, a state-changing request (any
 * method but GET and HEAD) passes {@link AdminWriteGuard}: bearer only, never cross-site. A route
 * added here inherits both rules.
 */
final class AdminRoutes
{
    static final String PREFIX = "/admin/";
    private static final String CATALOG = "/admin/catalog";
    private static final String RELOAD = "/admin/catalog/reload";
    private static final String SESSIONS = "/admin/sessions/";
    private static final int MAX_SESSION_ID_LENGTH = 64;

    private final RouteContext context;
    private final AdminAuth auth;
    private final AdminAuth reportAuth;
    private final Executor blockingExecutor;
    private final InternalErrors internalErrors;
    private final ReportRoute report;
    private final ErasureRoutes erasure;
    private final BackupRoute backup;

    AdminRoutes(final RouteContext context, final Executor blockingExecutor, final InternalErrors internalErrors)
    {
        this.context = context;
        this.auth = RouteContext.isSet(context.adminToken()) ? new AdminAuth(context.adminToken()) : null;
        this.reportAuth = RouteContext.isSet(context.reportToken()) ? new AdminAuth(context.reportToken()) : null;
        this.blockingExecutor = blockingExecutor;
        this.internalErrors = internalErrors;
        this.report = new ReportRoute(context.reports(), internalErrors);
        this.erasure = new ErasureRoutes(context.subjects(), blockingExecutor, internalErrors);
        this.backup = new BackupRoute(context.backups());
    }

    /** The answer, or null when it will be written later (a reload or a report is made off the event loop). */
    FullHttpResponse route(final ChannelHandlerContext ctx, final FullHttpRequest request, final String path, final Reply reply)
    {
        if (auth == null && reportAuth == null)
        {
            return HttpResponses.notFound();
        }
        final FullHttpResponse refusal = AdminWriteGuard.refusal(ctx, request);
        if (refusal != null)
        {
            return refusal;
        }
        final String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        final boolean admin = auth != null && auth.accepts(authorization);
        if (!admin && !(path.equals(ReportRoute.PATH) && reportAuth != null && reportAuth.accepts(authorization)))
        {
            return HttpResponses.unauthorized();
        }
        if (path.equals(RELOAD))
        {
            return HttpMethod.POST.equals(request.method()) ? reload(ctx, reply) : HttpResponses.methodNotAllowed("POST");
        }
        if (path.equals(CATALOG))
        {
            return HttpRoutes.isGet(request)
                ? HttpResponses.json(HttpResponseStatus.OK, CatalogJson.summary(context.catalog().get()))
                : HttpResponses.methodNotAllowed(HttpRoutes.GET_HEAD);
        }
        if (path.equals(PreviewPage.PATH))
        {
            return HttpRoutes.isGet(request) ? preview() : HttpResponses.methodNotAllowed(HttpRoutes.GET_HEAD);
        }
        if (path.equals(ReportRoute.PATH))
        {
            return report.route(ctx, request, reply);
        }
        if (path.equals(BackupRoute.PATH))
        {
            return backup.route(ctx, request, reply);
        }
        if (path.startsWith(SESSIONS))
        {
            final String sid = path.substring(SESSIONS.length());
            if (sid.endsWith(ErasureRoutes.EXPORT))
            {
                return erasure.export(ctx, request, sid.substring(0, sid.length() - ErasureRoutes.EXPORT.length()), reply);
            }
            return HttpMethod.DELETE.equals(request.method()) ? erasure.eraseSession(ctx, sid, reply) : session(request, sid);
        }
        if (path.startsWith(ErasureRoutes.VISITORS))
        {
            return erasure.visitor(ctx, request, path.substring(ErasureRoutes.VISITORS.length()), reply);
        }
        return HttpResponses.notFound();
    }

    private FullHttpResponse preview()
    {
        final FullHttpResponse response = HttpResponses.of(HttpResponseStatus.OK, HttpResponses.HTML,
            Unpooled.copiedBuffer(PreviewPage.html(context.catalog().get()), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, PreviewPage.POLICY);
        return response;
    }

    private FullHttpResponse session(final FullHttpRequest request, final String sid)
    {
        if (!isSessionId(sid))
        {
            return HttpResponses.notFound();
        }
        if (!HttpRoutes.isGet(request))
        {
            return HttpResponses.methodNotAllowed(HttpRoutes.GET_HEAD + ", DELETE");
        }
        final String json = context.sessionJson().apply(sid);
        return json == null ? HttpResponses.notFound() : HttpResponses.json(HttpResponseStatus.OK, json);
    }

    // Reloading reads and compiles a file: never on an event loop. A client that pipelines another
    // request behind a reload may get that answer first; admin clients do not pipeline.
    private FullHttpResponse reload(final ChannelHandlerContext ctx, final Reply reply)
    {
        try
        {
            blockingExecutor.execute(() -> reply.writeAndFlush(ctx, reloadNow()));
            return null;
        }
        catch (final RejectedExecutionException ex)
        {
            return HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down");
        }
    }

    private FullHttpResponse reloadNow()
    {
        try
        {
            final LoadResult result = context.reloadCatalog().get();
            final HttpResponseStatus status = result.ok() ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY;
            return HttpResponses.json(status, CatalogJson.reloadResult(result));
        }
        catch (final RuntimeException ex)
        {
            return internalErrors.onException("POST " + RELOAD, ex);
        }
    }

    // Ids are opaque to the routes; this only keeps junk and path tricks away from the session store.
    private static boolean isSessionId(final String sid)
    {
        if (sid.isEmpty() || sid.length() > MAX_SESSION_ID_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < sid.length(); i++)
        {
            final char c = sid.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
