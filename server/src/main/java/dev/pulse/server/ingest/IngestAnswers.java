package dev.pulse.server.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The ingest route's answers, JSON always: {@code 202 {"status":"applied"|"kept"|"duplicate","id":...}}
 * when taken, else {@code {"error":"<code>","detail":"..."}} with the status the code has
 * (docs/protocol.md, "Backend events"). Never cached.
 */
final class IngestAnswers
{
    /** Why a request was refused: its code in the body and its status. */
    enum Refusal
    {
        UNKNOWN_KEY(HttpResponseStatus.UNAUTHORIZED),
        BAD_SIGNATURE(HttpResponseStatus.UNAUTHORIZED),
        STALE_TIMESTAMP(HttpResponseStatus.UNAUTHORIZED),
        UNKNOWN_SESSION(HttpResponseStatus.NOT_FOUND),
        NOT_FOUND(HttpResponseStatus.NOT_FOUND),
        TOO_LARGE(HttpResponseStatus.BAD_REQUEST),
        MALFORMED(HttpResponseStatus.BAD_REQUEST),
        METHOD_NOT_ALLOWED(HttpResponseStatus.METHOD_NOT_ALLOWED),
        RATE_LIMITED(HttpResponseStatus.TOO_MANY_REQUESTS),
        OVERLOADED(HttpResponseStatus.SERVICE_UNAVAILABLE);

        final HttpResponseStatus status;

        Refusal(final HttpResponseStatus status)
        {
            this.status = status;
        }

        /** The code as the body names it: {@code bad_signature}. */
        String code()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private IngestAnswers()
    {
    }

    /** 202: taken; {@code status} is applied, kept or duplicate. */
    static FullHttpResponse taken(final String status, final String eventId)
    {
        return json(HttpResponseStatus.ACCEPTED, "{\"status\":\"" + status + "\",\"id\":\"" + escape(eventId) + "\"}");
    }

    static FullHttpResponse refused(final Refusal refusal, final String detail)
    {
        final FullHttpResponse response = json(refusal.status, "{\"error\":\"" + refusal.code() + "\",\"detail\":\"" + escape(detail) + "\"}");
        if (refusal == Refusal.METHOD_NOT_ALLOWED)
        {
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
        }
        else if (refusal == Refusal.RATE_LIMITED || refusal == Refusal.OVERLOADED)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        return response;
    }

    /** A JSON answer, never cached (the demo's payments answer with it too). */
    static FullHttpResponse json(final HttpResponseStatus status, final String body)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    /** Ids and details are printable ASCII already; quotes and backslashes are escaped, anything else replaced. */
    private static String escape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else
            {
                out.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return out.toString();
    }
}
