package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF on the admin routes: a state-changing request (any method but GET and HEAD) needs the bearer
 * header and is refused cross-site, before the token is checked or the route runs; the read-only
 * routes keep working from a browser. On the routes' {@link EmbeddedChannel}, as a browser would send.
 */
class AdminWriteGuardTest
{
    private static final String TOKEN = "s3cret-admin-token";
    private static final String REPORT_TOKEN = "read-only-report-token";
    private static final String HOST = "pulse.example:8080";
    private static final LoadResult DEMO = new CatalogLoader().loadDemo();

    private int reloads;
    private EmbeddedChannel channel = channel(TOKEN);

    @AfterEach
    void checkNothingEscaped()
    {
        channel.checkException();
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "http://pulse.example:8081", "https://pulse.example:8080", "http://pulse.example.evil:8080",
        "null", ""})
    void shouldRefuseAReloadFromAnotherOriginEvenWithTheToken(final String origin)
    {
        final FullHttpResponse response = exchange(reload("Bearer " + TOKEN, "Origin", origin));

        assertThat(response.status().code()).isEqualTo(403);
        assertThat(body(response)).contains("refused").contains("another origin");
        assertThat(reloads).as("the route never ran").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "Cross-Site"})
    void shouldRefuseAReloadABrowserSaysCameFromAnotherSite(final String fetchSite)
    {
        final FullHttpResponse response = exchange(reload("Bearer " + TOKEN, "Sec-Fetch-Site", fetchSite));

        assertThat(response.status().code()).isEqualTo(403);
        assertThat(body(response)).contains("from another site (Sec-Fetch-Site: " + fetchSite.toLowerCase(java.util.Locale.ROOT) + ")");
        assertThat(reloads).isZero();
    }

    @Test
    void shouldReloadFromAScriptOrFromTheServersOwnPages()
    {
        assertThat(exchange(reload("Bearer " + TOKEN)).status().code()).as("a script: no Origin").isEqualTo(200);
        assertThat(exchange(reload("Bearer " + TOKEN, "Origin", "http://" + HOST)).status().code()).as("own origin").isEqualTo(200);
        assertThat(exchange(reload("Bearer " + TOKEN, "Origin", "http://PULSE.example:8080")).status().code()).isEqualTo(200);
        assertThat(exchange(reload("Bearer " + TOKEN, "Sec-Fetch-Site", "same-origin")).status().code()).isEqualTo(200);
        assertThat(exchange(reload("Bearer " + TOKEN, "Sec-Fetch-Site", "none")).status().code()).as("typed in the address bar").isEqualTo(200);
        assertThat(reloads).isEqualTo(5);
    }

    /** A browser resends Basic credentials and cookies on its own: neither opens a state-changing route, even same-origin. */
    @Test
    void shouldRefuseBasicCredentialsAndCookiesOnAStateChangingRequest()
    {
        final String basic = "Basic " + Base64.getEncoder().encodeToString(("ops:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        final FullHttpResponse asBasic = exchange(reload(basic, "Origin", "http://" + HOST));
        final FullHttpRequest withCookie = reload(null, "Cookie", "pulse_admin=" + TOKEN);
        final FullHttpResponse asCookie = exchange(withCookie);

        for (final FullHttpResponse response : new FullHttpResponse[] {asBasic, asCookie})
        {
            assertThat(response.status().code()).isEqualTo(401);
            assertThat(body(response)).contains("needs Authorization: Bearer");
            assertThat(response.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE)).as("no Basic prompt").containsExactly("Bearer");
        }
        assertThat(reloads).isZero();
    }

    /** The rule is the admin routes', not the reload's: any route added under /admin with another method inherits it. */
    @Test
    void shouldRefuseEveryStateChangingAdminRequestCrossSiteWhateverItsRoute()
    {
        for (final HttpMethod method : new HttpMethod[] {HttpMethod.DELETE, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
        {
            for (final String path : new String[] {"/admin/sessions/0123456789abcdef0123456789abcdef", "/admin/visitors/v1", "/admin/anything",
                "/preview"})
            {
                final FullHttpRequest request = request(method, path, "Bearer " + TOKEN, "Origin", "http://evil.example");
                assertThat(exchange(request).status().code()).as("%s %s", method, path).isEqualTo(403);
                final FullHttpRequest basic = request(method, path, "Basic " +
                    Base64.getEncoder().encodeToString(("x:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
                assertThat(exchange(basic).status().code()).as("%s %s as Basic", method, path).isEqualTo(401);
            }
        }
    }

    /** GET and HEAD change nothing: the preview, the catalog and the report open from a browser, Basic and cross-site headers and all. */
    @Test
    void shouldKeepTheReadOnlyRoutesWorkingFromABrowser()
    {
        channel = channel(TOKEN, REPORT_TOKEN);
        final String admin = "Basic " + Base64.getEncoder().encodeToString(("copy:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        final String report = "Basic " + Base64.getEncoder().encodeToString(("product:" + REPORT_TOKEN).getBytes(StandardCharsets.UTF_8));
        for (final HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD})
        {
            assertThat(exchange(request(method, "/preview", admin, "Sec-Fetch-Site", "cross-site")).status().code()).isEqualTo(200);
            assertThat(exchange(request(method, "/admin/catalog", admin, "Origin", "http://elsewhere.example")).status().code()).isEqualTo(200);
            assertThat(exchange(request(method, ReportRoute.PATH, report, "Sec-Fetch-Site", "same-site")).status().code())
                .isNotIn(401, 403);
        }
    }

    @Test
    void shouldStillAnswer404ForAStateChangingRequestWhenTheAdminRoutesAreOff()
    {
        channel = channel(null);

        assertThat(exchange(reload("Bearer " + TOKEN, "Origin", "http://evil.example")).status().code()).isEqualTo(404);
    }

    private EmbeddedChannel channel(final String adminToken)
    {
        return channel(adminToken, null);
    }

    private EmbeddedChannel channel(final String adminToken, final String reportToken)
    {
        final RouteContext context = new RouteContext(new Metrics(), adminToken, reportToken, () -> true, () ->
        {
            reloads++;
            return DEMO;
        }, sid -> null, DEMO::catalog, new ReportWorker(Path.of("target", "no-journal"), Runnable::run, () -> { }));
        return new EmbeddedChannel(new HttpRoutes(context, Runnable::run));
    }

    private static FullHttpRequest reload(final String authorization, final String... header)
    {
        return request(HttpMethod.POST, "/admin/catalog/reload", authorization, header);
    }

    /** A request to the server at {@link #HOST}, with an Authorization (none if null) and one more header (name, value) if given. */
    private static FullHttpRequest request(final HttpMethod method, final String path, final String authorization, final String... header)
    {
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path);
        request.headers().set(HttpHeaderNames.HOST, HOST);
        if (authorization != null)
        {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        if (header.length == 2)
        {
            request.headers().set(header[0], header[1]);
        }
        return request;
    }

    private FullHttpResponse exchange(final FullHttpRequest request)
    {
        return RouteExchange.exchange(channel, request);
    }

    private static String body(final FullHttpResponse response)
    {
        return RouteExchange.body(response);
    }
}
