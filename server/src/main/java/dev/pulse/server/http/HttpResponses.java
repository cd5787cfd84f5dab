package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/** The responses the routes give, built complete; {@link Reply} adds the headers every response shares. */
final class HttpResponses
{
    static final AsciiString X_CONTENT_TYPE_OPTIONS = AsciiString.cached("x-content-type-options");
    static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";

    private HttpResponses()
    {
    }

    static FullHttpResponse text(final HttpResponseStatus status, final String body)
    {
        return of(status, TEXT_PLAIN, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    static FullHttpResponse json(final HttpResponseStatus status, final String body)
    {
        final FullHttpResponse response = of(status, JSON, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        // Admin answers describe sessions and catalogs: no proxy or browser should keep them.
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    static FullHttpResponse of(final HttpResponseStatus status, final String contentType, final ByteBuf content)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return response;
    }

    /** 204: done, nothing to say. */
    static FullHttpResponse noContent()
    {
        return of(HttpResponseStatus.NO_CONTENT, TEXT_PLAIN, Unpooled.EMPTY_BUFFER);
    }

    static FullHttpResponse notFound()
    {
        return text(HttpResponseStatus.NOT_FOUND, "not found");
    }

    static FullHttpResponse methodNotAllowed(final String allow)
    {
        final FullHttpResponse response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        return response;
    }

    static FullHttpResponse unauthorized()
    {
        final FullHttpResponse response = text(HttpResponseStatus.UNAUTHORIZED, "unauthorized");
        // Bearer for scripts; Basic so that a browser opening the report or the preview asks for the token.
        response.headers().add(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        response.headers().add(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"Pulse admin\", charset=\"UTF-8\"");
        return response;
    }

    static FullHttpResponse internalError()
    {
        return text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
}
