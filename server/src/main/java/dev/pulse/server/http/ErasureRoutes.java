package dev.pulse.server.http;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A data subject's requests, behind the admin token ({@link AdminRoutes} checks it first, so these
 * state-changing routes share its rules):
 * <pre>
 *   DELETE /admin/sessions/{sid}          204 erased | 404 unknown | 400 not a session id | 503 ask again
 *   DELETE /admin/visitors/{vid}          204 every session of the visitor erased | 404 | 400 | 503
 *   GET    /admin/sessions/{sid}/export   200 everything held about the session, as JSON | 404 unknown or erased
 * </pre>
 * Each answer is made off the event loop ({@link DataSubjectRequests} reads the journal and waits for
 * the disk) and written when it is ready.
 */
final class ErasureRoutes
{
    static final String VISITORS = "/admin/visitors/";
    static final String EXPORT = "/export";

    private final DataSubjectRequests subjects;
    private final Executor blockingExecutor;
    private final InternalErrors internalErrors;

    ErasureRoutes(final DataSubjectRequests subjects, final Executor blockingExecutor, final InternalErrors internalErrors)
    {
        this.subjects = subjects;
        this.blockingExecutor = blockingExecutor;
        this.internalErrors = internalErrors;
    }

    /** {@code DELETE /admin/sessions/{sid}}. */
    FullHttpResponse eraseSession(final ChannelHandlerContext ctx, final String sid, final Reply reply)
    {
        return offLoop(ctx, reply, "DELETE session", () -> answer(subjects.eraseSession(sid)));
    }

    /** {@code /admin/visitors/{vid}}: DELETE only. */
    FullHttpResponse visitor(final ChannelHandlerContext ctx, final FullHttpRequest request, final String vid, final Reply reply)
    {
        if (!HttpMethod.DELETE.equals(request.method()))
        {
            return HttpResponses.methodNotAllowed("DELETE");
        }
        return offLoop(ctx, reply, "DELETE visitor", () -> answer(subjects.eraseVisitor(vid)));
    }

    /** {@code /admin/sessions/{sid}/export}: GET (or HEAD) only. */
    FullHttpResponse export(final ChannelHandlerContext ctx, final FullHttpRequest request, final String sid, final Reply reply)
    {
        if (!HttpRoutes.isGet(request))
        {
            return HttpResponses.methodNotAllowed(HttpRoutes.GET_HEAD);
        }
        return offLoop(ctx, reply, "GET export", () ->
        {
            final String json = subjects.export(sid);
            return json == null ? HttpResponses.notFound() : HttpResponses.json(HttpResponseStatus.OK, json);
        });
    }

    private static FullHttpResponse answer(final DataSubjectRequests.Outcome outcome)
    {
        return switch (outcome)
        {
            case DONE -> HttpResponses.noContent();
            case UNKNOWN -> HttpResponses.notFound();
            case MALFORMED -> HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "not a session or visitor id");
            case UNAVAILABLE -> HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the journal cannot record the erasure now: retry");
        };
    }

    private FullHttpResponse offLoop(final ChannelHandlerContext ctx, final Reply reply, final String what,
        final Supplier<FullHttpResponse> answer)
    {
        try
        {
            blockingExecutor.execute(() ->
            {
                FullHttpResponse response;
                try
                {
                    response = answer.get();
                }
                catch (final RuntimeException ex)
                {
                    response = internalErrors.onException(what, ex);
                }
                reply.writeAndFlush(ctx, response);
            });
            return null;
        }
        catch (final RejectedExecutionException ex)
        {
            return HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down");
        }
    }
}
