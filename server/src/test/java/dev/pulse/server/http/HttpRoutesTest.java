package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
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

class HttpRoutesTest
{
    private static final String TOKEN = "s3cret-admin-token";
    private static final String REPORT_TOKEN = "read-only-report-token";
    private static final String SID = "0123456789abcdef0123456789abcdef";
    /** Every admin route but the report, as (method, path): the report token opens none of them. */
    private static final String[][] ADMIN_ONLY = {
        {"POST", "/admin/catalog/reload"}, {"GET", "/admin/catalog"}, {"GET", "/admin/sessions/" + SID}, {"GET", "/preview"},
        {"GET", "/admin/secrets"}};
    private static final LoadResult DEMO = new CatalogLoader().loadDemo();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** No test here reads the journal (the report route has its own tests): a directory that is not there. */
    /** Reports of a journal that does not exist, made on the calling thread. */
    private static final ReportWorker NO_REPORTS = new ReportWorker(Path.of("target", "no-journal"), Runnable::run, () -> { });

    private final Metrics metrics = new Metrics();
    private final Map<String, String> sessions = new HashMap<>(Map.of(SID, "{\"sid\":\"" + SID + "\"}"));
    private final List<Runnable> blockingTasks = new ArrayList<>();
    private boolean ready = true;
    private LoadResult reloadResult = DEMO;
    private RuntimeException reloadFailure;
    private EmbeddedChannel channel = channel(TOKEN);

    @AfterEach
    void checkNothingEscaped()
    {
        channel.checkException();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldAnswerHealthzOk()
    {
        final FullHttpResponse response = get("/healthz");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("ok");
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void shouldAnswerReadyzByTheReadinessFlag()
    {
        assertThat(body(get("/readyz"))).isEqualTo("ready");

        ready = false;
        final FullHttpResponse notReady = get("/readyz");

        assertThat(notReady.status().code()).isEqualTo(503);
        assertThat(body(notReady)).isEqualTo("not ready");
    }

    @Test
    void shouldServeMetricsAsPrometheusText()
    {
        final FullHttpResponse response = get("/metrics");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain; version=0.0.4");
        assertThat(body(response)).contains("pulse_connections_total");
    }

    @Test
    void shouldServeTheSnippetWithACacheHeaderOr404WhileItIsNotBuilt()
    {
        final FullHttpResponse response = get("/pulse.js");

        if (HttpRoutes.class.getResource("/static/pulse.js") == null)
        {
            assertThat(response.status().code()).isEqualTo(404);
        }
        else
        {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/javascript; charset=utf-8");
            assertThat(response.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("public, max-age=300");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo", "/demo/", "/demo/index.html", "/demo/?utm=x"})
    void shouldServeTheDemoHomePage(final String path)
    {
        final FullHttpResponse response = get(path);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(body(response)).contains("Hearth &amp; Co.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo", "/demo/", "/demo/index.html", "/demo/products", "/demo/style.css"})
    void shouldAnswer404ForEveryDemoPageWhenTheDemoIsOff(final String path)
    {
        final RouteContext context = new RouteContext(metrics, TOKEN, null, () -> true, () -> DEMO, sid -> null, DEMO::catalog, NO_REPORTS);
        channel.finishAndReleaseAll();
        channel = new EmbeddedChannel(new HttpRoutes(context, true, false));

        assertThat(get(path).status().code()).isEqualTo(404);
        assertThat(get("/healthz").status().code()).isEqualTo(200);
    }

    @Test
    void shouldServeEachDemoPageFromItsHtmlFile()
    {
        assertThat(body(get("/demo/products"))).contains("<h1>All products</h1>");
        assertThat(body(get("/demo/product/2"))).contains("<h1>Stoneware mug set</h1>");
        assertThat(body(get("/demo/search"))).contains("data-results=");
        assertThat(body(get("/demo/thank-you"))).contains("HC-10482");
    }

    @Test
    void shouldServeDemoAssetsByExtension()
    {
        assertThat(get("/demo/style.css").headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/css; charset=utf-8");
        assertThat(get("/demo/shop.js").headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/javascript; charset=utf-8");
        assertThat(get("/demo/img/lamp.svg").headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("image/svg+xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/demo/../pom.xml", "/demo/%2e%2e/%2e%2e/pom.xml", "/demo/%2E%2E/index.html", "/demo/..%2findex.html",
        "/demo/..\\..\\index.html", "/demo/product\\1", "/demo//index.html", "/demo/./index.html", "/demo/.hidden",
        "/demo/product/../index.html", "/demo/index.html%00", "/demo/product", "/demo/nope", "/demo/product/9",
        "/demox", "/demo/index.txt", "/demo/%69ndex.html", "/demo/META-INF/MANIFEST.MF", "/static/demo/index.html"})
    void shouldAnswer404ForMissingPagesAndEveryEscapeAttempt(final String path)
    {
        assertThat(get(path).status().code()).isEqualTo(404);
    }

    @Test
    void shouldAnswer404ForAnUnknownPath()
    {
        assertThat(get("/").status().code()).isEqualTo(404);
        assertThat(get("/nope").status().code()).isEqualTo(404);
    }

    @Test
    void shouldAnswer405WithAllowForAWrongMethodOnAKnownPath()
    {
        for (final String path : List.of("/healthz", "/readyz", "/metrics", "/demo/", "/demo/products"))
        {
            final FullHttpResponse response = exchange(request(HttpMethod.POST, path));

            assertThat(response.status().code()).as(path).isEqualTo(405);
            assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD");
        }
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBody()
    {
        final FullHttpResponse response = exchange(request(HttpMethod.HEAD, "/healthz"));

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(2);
        assertThat(response.content().readableBytes()).isZero();
    }

    @Test
    void shouldTurnAdminRoutesOffWithoutAToken()
    {
        channel = channel(null);

        assertThat(exchange(admin(HttpMethod.POST, "/admin/catalog/reload", TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/sessions/" + SID, TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/catalog", "")).status().code()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer wrong", "Bearer " + TOKEN + "x", "Bearer s3cret", "Basic " + TOKEN, TOKEN})
    void shouldRefuseAMissingOrWrongBearerToken(final String authorization)
    {
        final FullHttpRequest request = request(HttpMethod.GET, "/admin/sessions/" + SID);
        if (!authorization.isEmpty())
        {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }

        final FullHttpResponse response = exchange(request);

        assertThat(response.status().code()).isEqualTo(401);
        assertThat(response.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE))
            .containsExactly("Bearer", "Basic realm=\"Pulse admin\", charset=\"UTF-8\"");
    }

    @Test
    void shouldServeThePreviewToTheAdminTokenGivenAsBasicPassword()
    {
        final FullHttpRequest browser = request(HttpMethod.GET, "/preview");
        browser.headers().set(HttpHeaderNames.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString(("copy-team:" + TOKEN).getBytes(StandardCharsets.UTF_8)));

        final FullHttpResponse preview = exchange(browser);

        assertThat(preview.status().code()).isEqualTo(200);
        assertThat(preview.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(preview.headers().get(HttpHeaderNames.CONTENT_SECURITY_POLICY)).startsWith("default-src 'none'; script-src 'self';");
        assertThat(preview.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(body(preview)).contains("data-pulse-render=");
        assertThat(exchange(request(HttpMethod.GET, "/preview")).status().code()).isEqualTo(401);
        assertThat(exchange(admin(HttpMethod.POST, "/preview", TOKEN)).status().code()).isEqualTo(405);
        channel = channel(null);
        assertThat(exchange(admin(HttpMethod.GET, "/preview", TOKEN)).status().code()).as("admin off").isEqualTo(404);
    }

    @Test
    void shouldOpenOnlyTheReportToTheReportTokenAndRefuseItElsewhereAsAWrongToken()
    {
        channel = channel(TOKEN, REPORT_TOKEN, Runnable::run);
        for (final String[] route : ADMIN_ONLY)
        {
            final HttpMethod method = HttpMethod.valueOf(route[0]);
            final FullHttpResponse asReport = exchange(admin(method, route[1], REPORT_TOKEN));
            final FullHttpResponse asWrong = exchange(admin(method, route[1], "wrong"));
            assertThat(asReport.status().code()).as("report token on %s %s", route[0], route[1]).isEqualTo(401);
            assertThat(asReport.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE))
                .isEqualTo(asWrong.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE));
            assertThat(body(asReport)).isEqualTo(body(asWrong));
            assertThat(exchange(admin(method, route[1], TOKEN)).status().code()).as("admin token on %s", route[1]).isNotEqualTo(401);
        }
        assertThat(exchange(admin(HttpMethod.GET, ReportRoute.PATH, REPORT_TOKEN)).status().code()).isNotEqualTo(401);
        assertThat(exchange(admin(HttpMethod.GET, ReportRoute.PATH, TOKEN)).status().code()).as("the admin token too").isNotEqualTo(401);
        assertThat(exchange(admin(HttpMethod.GET, ReportRoute.PATH, "wrong")).status().code()).isEqualTo(401);
        final FullHttpRequest browser = request(HttpMethod.GET, ReportRoute.PATH);
        browser.headers().set(HttpHeaderNames.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString(("product:" + REPORT_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(exchange(browser).status().code()).as("as a browser's password").isNotEqualTo(401);
    }

    @Test
    void shouldServeTheReportToAReportTokenAloneAndNothingElse()
    {
        channel = channel(null, REPORT_TOKEN, Runnable::run);
        assertThat(exchange(admin(HttpMethod.GET, ReportRoute.PATH, REPORT_TOKEN)).status().code()).isNotEqualTo(401);
        for (final String[] route : ADMIN_ONLY)
        {
            assertThat(exchange(admin(HttpMethod.valueOf(route[0]), route[1], REPORT_TOKEN)).status().code()).as(route[1]).isEqualTo(401);
        }
    }

    @Test
    void shouldRefuseUnknownAdminPathsWith401BeforeRevealingThem()
    {
        assertThat(exchange(admin(HttpMethod.GET, "/admin/secrets", "wrong")).status().code()).isEqualTo(401);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/secrets", TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin", TOKEN)).status().code()).isEqualTo(404);
    }

    @Test
    void shouldAcceptTheSchemeInAnyCase()
    {
        final FullHttpRequest request = request(HttpMethod.GET, "/admin/sessions/" + SID);
        request.headers().set(HttpHeaderNames.AUTHORIZATION, "bearer " + TOKEN);

        assertThat(exchange(request).status().code()).isEqualTo(200);
    }

    @Test
    void shouldReloadTheCatalogAndAnswerItsVersionHashAndWarnings() throws Exception
    {
        final FullHttpResponse response = exchange(admin(HttpMethod.POST, "/admin/catalog/reload", TOKEN));

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        final JsonNode json = MAPPER.readTree(body(response));
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("version").asText()).isEqualTo(DEMO.catalog().version());
        assertThat(json.get("hash").asText()).isEqualTo(DEMO.catalog().versionHashHex());
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void shouldAnswer422WithEveryErrorOfARejectedCatalog() throws Exception
    {
        reloadResult = new CatalogLoader().load("bad.yaml", "version: 1\nsite: { key: demo }\npolicy: { cooldown: soon }\n");
        assertThat(reloadResult.ok()).isFalse();

        final FullHttpResponse response = exchange(admin(HttpMethod.POST, "/admin/catalog/reload", TOKEN));

        assertThat(response.status().code()).isEqualTo(422);
        final JsonNode json = MAPPER.readTree(body(response));
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("errors")).hasSize(reloadResult.errors().size());
        final JsonNode first = json.get("errors").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("file", "line", "column", "path", "message", "hint");
        assertThat(first.get("file").asText()).isEqualTo("bad.yaml");
        assertThat(first.get("message").asText()).isEqualTo(reloadResult.errors().get(0).message());
    }

    @Test
    void shouldReloadOffTheEventLoopAndAnswerWhenDone()
    {
        channel = channel(TOKEN, blockingTasks::add);

        channel.writeInbound(admin(HttpMethod.POST, "/admin/catalog/reload", TOKEN));
        final Object notYet = channel.readOutbound();
        assertThat(notYet).isNull();
        blockingTasks.forEach(Runnable::run);
        channel.runPendingTasks();

        final FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(200);
        checkCommonHeaders(response);
        response.release();
    }

    @Test
    void shouldAnswer405ForAReloadThatIsNotAPost()
    {
        final FullHttpResponse response = exchange(admin(HttpMethod.GET, "/admin/catalog/reload", TOKEN));

        assertThat(response.status().code()).isEqualTo(405);
        assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("POST");
    }

    @Test
    void shouldAnswer500AndCountItWhenAReloadThrows()
    {
        reloadFailure = new IllegalStateException("disk on fire");

        final FullHttpResponse response = exchange(admin(HttpMethod.POST, "/admin/catalog/reload", TOKEN));

        assertThat(response.status().code()).isEqualTo(500);
        assertThat(body(response)).doesNotContain("disk on fire");
        assertThat(metrics.internalErrors()).isEqualTo(1);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void shouldAnswerASessionAsJsonOr404()
    {
        final FullHttpResponse found = exchange(admin(HttpMethod.GET, "/admin/sessions/" + SID, TOKEN));

        assertThat(found.status().code()).isEqualTo(200);
        assertThat(found.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(found.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(body(found)).isEqualTo("{\"sid\":\"" + SID + "\"}");
        assertThat(exchange(admin(HttpMethod.GET, "/admin/sessions/ffffffffffffffffffffffffffffffff", TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/sessions/", TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/sessions/a%2Fb", TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/sessions/" + SID + "/x", TOKEN)).status().code()).isEqualTo(404);
        final FullHttpResponse put = exchange(admin(HttpMethod.PUT, "/admin/sessions/" + SID, TOKEN));
        assertThat(put.status().code()).isEqualTo(405);
        assertThat(put.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD, DELETE");
    }

    @Test
    void shouldAnswerTheErasureRoutesFromTheDataSubjectRequests()
    {
        channel = new EmbeddedChannel(new HttpRoutes(new RouteContext(metrics, TOKEN, null, () -> true, () -> DEMO, sid -> null,
            DEMO::catalog, NO_REPORTS, new DataSubjectRequests()
            {
                @Override
                public Outcome eraseSession(final String sid)
                {
                    return sid.equals(SID) ? Outcome.DONE : sid.equals("busy") ? Outcome.UNAVAILABLE : Outcome.MALFORMED;
                }

                @Override
                public Outcome eraseVisitor(final String vid)
                {
                    return vid.equals("v1") ? Outcome.DONE : Outcome.UNKNOWN;
                }

                @Override
                public String export(final String sid)
                {
                    return sid.equals(SID) ? "{\"sid\":\"" + SID + "\"}" : null;
                }
            }), Runnable::run));

        final FullHttpResponse erased = exchange(admin(HttpMethod.DELETE, "/admin/sessions/" + SID, TOKEN));
        assertThat(erased.status().code()).isEqualTo(204);
        assertThat(erased.headers().contains(HttpHeaderNames.CONTENT_LENGTH)).as("a 204 has no Content-Length").isFalse();
        assertThat(exchange(admin(HttpMethod.DELETE, "/admin/sessions/x", TOKEN)).status().code()).isEqualTo(400);
        assertThat(exchange(admin(HttpMethod.DELETE, "/admin/sessions/busy", TOKEN)).status().code()).isEqualTo(503);
        assertThat(exchange(admin(HttpMethod.DELETE, "/admin/visitors/v1", TOKEN)).status().code()).isEqualTo(204);
        assertThat(exchange(admin(HttpMethod.DELETE, "/admin/visitors/v2", TOKEN)).status().code()).isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.GET, "/admin/visitors/v1", TOKEN)).status().code()).isEqualTo(405);
        final FullHttpResponse export = exchange(admin(HttpMethod.GET, "/admin/sessions/" + SID + "/export", TOKEN));
        assertThat(export.status().code()).isEqualTo(200);
        assertThat(body(export)).isEqualTo("{\"sid\":\"" + SID + "\"}");
        assertThat(export.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(exchange(admin(HttpMethod.GET, "/admin/sessions/ffffffffffffffffffffffffffffffff/export", TOKEN)).status().code())
            .isEqualTo(404);
        assertThat(exchange(admin(HttpMethod.DELETE, "/admin/sessions/" + SID + "/export", TOKEN)).status().code()).isEqualTo(405);
        assertThat(exchange(admin(HttpMethod.DELETE, "/admin/visitors/v1", "wrong")).status().code()).isEqualTo(401);
    }

    @Test
    void shouldDescribeTheCatalogBeingServed() throws Exception
    {
        final JsonNode json = MAPPER.readTree(body(exchange(admin(HttpMethod.GET, "/admin/catalog", TOKEN))));

        assertThat(json.get("site").asText()).isEqualTo("demo");
        assertThat(json.get("hash").asText()).isEqualTo(DEMO.catalog().versionHashHex());
    }

    @Test
    void shouldKeepAnHttp11ConnectionOpenAndCloseWhenAskedTo()
    {
        final FullHttpResponse kept = get("/healthz");
        assertThat(kept.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
        assertThat(channel.isOpen()).isTrue();

        final FullHttpRequest closing = request(HttpMethod.GET, "/healthz");
        closing.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        final FullHttpResponse closed = exchange(closing);

        assertThat(closed.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void shouldHonourHttp10KeepAlive()
    {
        final FullHttpRequest keepAlive = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/healthz");
        keepAlive.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);

        final FullHttpResponse kept = exchange(keepAlive);

        assertThat(kept.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_0);
        assertThat(kept.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("keep-alive");
        assertThat(channel.isOpen()).isTrue();

        exchange(new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/healthz"));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void shouldTurnAnExceptionInARouteInto500()
    {
        channel = new EmbeddedChannel(new HttpRoutes(new RouteContext(metrics, TOKEN, null, () ->
        {
            throw new IllegalStateException("boom");
        }, () -> reloadResult, sessions::get, DEMO::catalog, NO_REPORTS), Runnable::run));

        final FullHttpResponse response = get("/readyz");

        assertThat(response.status().code()).isEqualTo(500);
        assertThat(metrics.internalErrors()).isEqualTo(1);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void shouldAnswer400AndCloseForARequestTheCodecCouldNotRead()
    {
        final FullHttpRequest request = request(HttpMethod.GET, "/healthz");
        request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad header")));

        final FullHttpResponse response = exchange(request);

        assertThat(response.status().code()).isEqualTo(400);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void shouldBeSharableAcrossChannels()
    {
        final HttpRoutes routes = new HttpRoutes(new RouteContext(metrics, null, null, () -> true, () -> DEMO, sid -> null, DEMO::catalog, NO_REPORTS));
        final EmbeddedChannel first = new EmbeddedChannel(routes);
        final EmbeddedChannel second = new EmbeddedChannel(routes);

        first.writeInbound(request(HttpMethod.GET, "/healthz"));
        second.writeInbound(request(HttpMethod.GET, "/healthz"));

        assertThat(((FullHttpResponse)first.readOutbound()).release()).isTrue();
        assertThat(((FullHttpResponse)second.readOutbound()).release()).isTrue();
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }

    private EmbeddedChannel channel(final String adminToken)
    {
        return channel(adminToken, null, Runnable::run);
    }

    private EmbeddedChannel channel(final String adminToken, final Executor executor)
    {
        return channel(adminToken, null, executor);
    }

    private EmbeddedChannel channel(final String adminToken, final String reportToken, final Executor executor)
    {
        final RouteContext context = new RouteContext(metrics, adminToken, reportToken, () -> ready, () ->
        {
            if (reloadFailure != null)
            {
                throw reloadFailure;
            }
            return reloadResult;
        }, sessions::get, () -> DEMO.catalog(), NO_REPORTS);
        return new EmbeddedChannel(new HttpRoutes(context, executor));
    }

    private FullHttpResponse get(final String path)
    {
        return exchange(request(HttpMethod.GET, path));
    }

    private static FullHttpRequest request(final HttpMethod method, final String path)
    {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path);
    }

    private static FullHttpRequest admin(final HttpMethod method, final String path, final String token)
    {
        final FullHttpRequest request = request(method, path);
        request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        return request;
    }

    /** Sends one request and returns its response, whose body is copied out and the buffer released. */
    private FullHttpResponse exchange(final FullHttpRequest request)
    {
        channel.writeInbound(request);
        final FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("a response to " + request.uri()).isNotNull();
        checkCommonHeaders(response);
        final FullHttpResponse copy = response.copy();
        response.release();
        return copy;
    }

    private static void checkCommonHeaders(final FullHttpResponse response)
    {
        assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        // Every answer says its length, except a 204, which RFC 9110 forbids to.
        assertThat(response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(response.status().code() != 204);
    }

    private static String body(final FullHttpResponse response)
    {
        return response.content().toString(StandardCharsets.UTF_8);
    }
}
