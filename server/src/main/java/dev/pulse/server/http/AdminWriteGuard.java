package dev.pulse.server.http;

import java.util.Locale;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslHandler;

import dev.pulse.server.ws.SelfOrigin;

/**
 * The one rule every state-changing admin request passes before its route sees it (CSRF): any
 * method but GET and HEAD under {@code /admin} or at {@code /preview}, so a route added there later
 * (a DELETE, another POST) inherits it without a line of its own.
 * <ul>
 *   <li>Refused cross-site (403): a {@code Sec-Fetch-Site} of {@code cross-site} or {@code same-site},
 *       or an {@code Origin} that is not the server's own ({@link SelfOrigin}: the scheme it speaks, the
 *       request's {@code Host}), {@code Origin: null} included. A script sends neither header and passes.</li>
 *   <li>Only {@code Authorization: Bearer} (401 otherwise): a browser resends Basic credentials, and
 *       cookies, to a site on its own, which is what a forged request rides on; a script sets the
 *       bearer header itself. Cookies are never read anywhere.</li>
 * </ul>
 * GET and HEAD (the report, the preview, the catalog, a session) change nothing and keep working
 * from a browser with Basic. Stateless.
 */
final class AdminWriteGuard
{
    private static final String BEARER = "bearer ";

    private AdminWriteGuard()
    {
    }

    /** The refusal of {@code request}, or null when it may go on to the token check and its route. */
    static FullHttpResponse refusal(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        if (HttpRoutes.isGet(request))
        {
            return null;
        }
        final String fetchSite = request.headers().get("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite))
        {
            return forbidden("refused: a state-changing admin request from another site (Sec-Fetch-Site: " +
                fetchSite.toLowerCase(Locale.ROOT) + ")");
        }
        final String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        final boolean tls = ctx.pipeline().get(SslHandler.class) != null;
        if (origin != null && !SelfOrigin.matches(origin, request.headers().get(HttpHeaderNames.HOST), tls))
        {
            return forbidden("refused: a state-changing admin request from another origin; send it from a script, without Origin");
        }
        final String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        {
            final FullHttpResponse response = HttpResponses.text(HttpResponseStatus.UNAUTHORIZED,
                "unauthorized: a state-changing admin request needs Authorization: Bearer <admin token> (Basic and cookies are not accepted)");
            // No Basic challenge: a browser must not be invited to resend its login here.
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            return response;
        }
        return null;
    }

    private static FullHttpResponse forbidden(final String body)
    {
        return HttpResponses.text(HttpResponseStatus.FORBIDDEN, body);
    }
}
