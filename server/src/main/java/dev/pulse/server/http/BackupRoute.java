package dev.pulse.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code POST /admin/backup}: takes a backup of the data directory into
 * {@code <data_dir>/backups/<UTC time>/} and answers once it is complete, with what it holds as
 * JSON (200); 503 while another is being taken (with {@code Retry-After}) or the server stops, 507
 * when the disk cannot take it, 500 when it failed, each with the reason. Behind the admin token and
 * the state-changing guard, as every admin route that is not a GET.
 */
final class BackupRoute
{
    static final String PATH = "/admin/backup";
    /** Seconds a refused request is told to wait: a backup copies the whole journal. */
    private static final String RETRY_AFTER_SECONDS = "30";
    private static final HttpResponseStatus INSUFFICIENT_STORAGE = HttpResponseStatus.valueOf(507);

    private final BackupRequests backups;

    BackupRoute(final BackupRequests backups)
    {
        this.backups = backups;
    }

    /** The answer now (a refusal), or null when the backup thread will write it. */
    FullHttpResponse route(final ChannelHandlerContext ctx, final FullHttpRequest request, final Reply reply)
    {
        if (!HttpMethod.POST.equals(request.method()))
        {
            return HttpResponses.methodNotAllowed("POST");
        }
        final BackupRequests.Result refused = backups.start(result -> reply.writeAndFlush(ctx, response(result)));
        return refused == null ? null : response(refused);
    }

    private static FullHttpResponse response(final BackupRequests.Result result)
    {
        switch (result.status())
        {
            case DONE:
                return HttpResponses.json(HttpResponseStatus.OK, result.body());
            case BUSY:
                final FullHttpResponse busy = HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, result.body());
                busy.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
                return busy;
            case STOPPING:
                return HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, result.body());
            case NO_SPACE:
                return HttpResponses.text(INSUFFICIENT_STORAGE, result.body());
            default:
                return HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, result.body());
        }
    }
}
