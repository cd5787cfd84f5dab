package dev.pulse.server.http;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.report.JournalReportReader;
import dev.pulse.report.Report;
import dev.pulse.report.ReportFormat;
import dev.pulse.report.ReportRange;

/**
 * {@code GET /admin/report[?from=DATE&to=DATE&format=html|json|csv]}: the outcome report of the
 * live journal, as {@code pulse report} writes it (dates as there: ISO days in UTC, {@code to}
 * inclusive, or ISO instants). Bad parameters are 400 with what is wrong. Reading the journal
 * blocks on disk, so the report is made on the blocking executor, never on the event loop; a
 * damaged journal is 500 with the reason (admins need it; the route is behind the admin token).
 */
final class ReportRoute
{
    static final String PATH = "/admin/report";
    private static final Logger LOG = LoggerFactory.getLogger(ReportRoute.class);
    /** The HTML page has no script and loads nothing: a policy that says so, should journal text ever slip through. */
    private static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'";

    /** Seconds a refused request is told to wait: most reports take less. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ReportWorker worker;
    private final InternalErrors internalErrors;

    ReportRoute(final ReportWorker worker, final InternalErrors internalErrors)
    {
        this.worker = worker;
        this.internalErrors = internalErrors;
    }

    /** The answer now (a refusal), or null when the report will be written from the report worker. */
    FullHttpResponse route(final ChannelHandlerContext ctx, final FullHttpRequest request, final Reply reply)
    {
        if (!HttpRoutes.isGet(request))
        {
            return HttpResponses.methodNotAllowed(HttpRoutes.GET_HEAD);
        }
        final ReportRange range;
        final ReportFormat format;
        try
        {
            final Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
            range = ReportRange.parse(single(parameters, "from"), single(parameters, "to"));
            format = ReportFormat.parse(single(parameters, "format"));
        }
        catch (final IllegalArgumentException ex)
        {
            return HttpResponses.text(HttpResponseStatus.BAD_REQUEST, ex.getMessage());
        }
        if (worker.tryStart(() -> reply.writeAndFlush(ctx, reportNow(range, format))))
        {
            return null;
        }
        if (worker.closed())
        {
            return HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down");
        }
        final FullHttpResponse busy = HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE,
            "a report is being made; one runs at a time, try again shortly");
        busy.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return busy;
    }

    private FullHttpResponse reportNow(final ReportRange range, final ReportFormat format)
    {
        try
        {
            final Report report = JournalReportReader.read(worker.journalDir(), range, System.currentTimeMillis());
            final StringWriter body = new StringWriter(64 * 1024);
            format.write(report, body);
            final FullHttpResponse response = HttpResponses.of(HttpResponseStatus.OK, format.contentType(),
                Unpooled.copiedBuffer(body.toString(), StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            if (format == ReportFormat.HTML)
            {
                response.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, HTML_POLICY);
            }
            if (format == ReportFormat.CSV)
            {
                response.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + format.fileName() + "\"");
            }
            return response;
        }
        catch (final IOException ex)
        {
            LOG.warn("GET {}: the journal could not be read: {}", PATH, ex.getMessage());
            return HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the journal could not be read: " + ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            return internalErrors.onException("GET " + PATH, ex);
        }
    }

    /** The parameter's one value, null when absent; given twice is a bad request. */
    private static String single(final Map<String, List<String>> parameters, final String name)
    {
        final List<String> values = parameters.get(name);
        if (values == null || values.isEmpty())
        {
            return null;
        }
        if (values.size() > 1)
        {
            throw new IllegalArgumentException(name + ": given more than once");
        }
        return values.get(0);
    }
}
