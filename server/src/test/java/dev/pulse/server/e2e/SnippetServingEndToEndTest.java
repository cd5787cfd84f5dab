package dev.pulse.server.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.browser.DemoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pulse.js} as a site's pages load it: gzip when asked for, a strong ETag per encoding and
 * 304 on a match, a versioned immutable URL, and an advertised SHA-384 that the served bytes have
 * (what a script tag's {@code integrity=} checks); demo pages carry the strict policy.
 */
@Timeout(60)
class SnippetServingEndToEndTest
{
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private DemoServer demo;
    private static final String WIDGET_LINE = "var WIDGET = ['/pulse-widget.js', ''];";

    private byte[] source;
    private byte[] widgetSource;
    private String widgetIntegrity;

    @BeforeEach
    void start() throws Exception
    {
        demo = DemoServer.start(dir);
        widgetSource = resource("/static/pulse-widget.js");
        // As served: the line naming the widget rewritten with its versioned path and integrity, computed here again.
        final byte[] widgetSha384 = MessageDigest.getInstance("SHA-384").digest(widgetSource);
        final String widgetPath = "/pulse-widget." + HexFormat.of().formatHex(widgetSha384).substring(0, 16) + ".js";
        widgetIntegrity = "sha384-" + Base64.getEncoder().encodeToString(widgetSha384);
        final String text = new String(resource("/static/pulse.js"), StandardCharsets.UTF_8);
        assertThat(text).contains(WIDGET_LINE);
        source = text.replace(WIDGET_LINE, "var WIDGET = ['" + widgetPath + "', '" + widgetIntegrity + "'];")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(final String name) throws Exception
    {
        try (InputStream in = SnippetServingEndToEndTest.class.getResourceAsStream(name))
        {
            return in.readAllBytes();
        }
    }

    @AfterEach
    void stop()
    {
        demo.close();
    }

    @Test
    void shouldServeGzipWhenAcceptedAndThePlainBytesOtherwise() throws Exception
    {
        final HttpResponse<byte[]> gzipped = get("/pulse.js", "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("vary")).hasValue("accept-encoding");
        assertThat(gzipped.body().length).isLessThan(source.length / 2);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes()).isEqualTo(source);

        for (final String refused : new String[] {"identity", "gzip;q=0", "br"})
        {
            final HttpResponse<byte[]> plain = get("/pulse.js", "Accept-Encoding", refused);
            assertThat(plain.headers().firstValue("content-encoding")).as(refused).isEmpty();
            assertThat(plain.body()).as(refused).isEqualTo(source);
        }
    }

    @Test
    void shouldAnswer304ToAMatchingStrongEtagOfTheSameEncoding() throws Exception
    {
        final HttpResponse<byte[]> first = get("/pulse.js", "Accept-Encoding", "gzip");
        final String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{16}-gzip\"");
        final String plainEtag = get("/pulse.js", "Accept-Encoding", "identity").headers().firstValue("etag").orElseThrow();
        assertThat(plainEtag).matches("\"[0-9a-f]{16}\"");

        final HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri("/pulse.js"))
            .header("Accept-Encoding", "gzip").header("If-None-Match", "\"old\", " + etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("etag")).hasValue(etag);
        assertThat(send(HttpRequest.newBuilder(uri("/pulse.js")).header("Accept-Encoding", "gzip")
            .header("If-None-Match", plainEtag).build()).statusCode()).as("another encoding's tag").isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/pulse.js")).header("If-None-Match", "\"0000000000000000\"").build()).statusCode())
            .isEqualTo(200);
    }

    @Test
    void shouldServeAVersionedImmutableUrlWhoseBytesHaveTheAdvertisedSha384() throws Exception
    {
        final HttpResponse<byte[]> current = get("/pulse.js", "Accept-Encoding", "identity");
        assertThat(current.headers().firstValue("cache-control")).hasValue("public, max-age=300");
        final String versioned = current.headers().firstValue("pulse-snippet-url").orElseThrow();
        final String integrity = current.headers().firstValue("pulse-snippet-integrity").orElseThrow();
        assertThat(versioned).matches("/pulse\\.[0-9a-f]{16}\\.js");

        final HttpResponse<byte[]> pinned = get(versioned, "Accept-Encoding", "identity");
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(pinned.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(integrity).isEqualTo("sha384-" + Base64.getEncoder().encodeToString(
            MessageDigest.getInstance("SHA-384").digest(pinned.body())));
        assertThat(pinned.body()).isEqualTo(source);
        assertThat(pinned.headers().firstValue("access-control-allow-origin")).as("integrity= needs CORS").hasValue("*");
        assertThat(get("/pulse.0123456789abcdef.js", "Accept-Encoding", "identity").statusCode()).as("another version").isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri(versioned)).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode())
            .isEqualTo(405);
    }

    @Test
    void shouldServeTheWidgetAtTheVersionedPathAndIntegrityTheSnippetNames() throws Exception
    {
        final String snippet = new String(get("/pulse.js", "Accept-Encoding", "identity").body(), StandardCharsets.UTF_8);
        final Matcher named = Pattern.compile("var WIDGET = \\['(/pulse-widget\\.[0-9a-f]{16}\\.js)', '(sha384-[A-Za-z0-9+/=]+)'\\];")
            .matcher(snippet);
        assertThat(named.find()).as("the snippet names its widget").isTrue();
        assertThat(named.group(2)).isEqualTo(widgetIntegrity);

        final HttpResponse<byte[]> pinned = get(named.group(1), "Accept-Encoding", "identity");
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(pinned.body()).isEqualTo(widgetSource);
        assertThat(pinned.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(pinned.headers().firstValue("content-type")).hasValue("application/javascript; charset=utf-8");
        assertThat(pinned.headers().firstValue("access-control-allow-origin")).as("integrity= needs CORS").hasValue("*");
        final HttpResponse<byte[]> current = get("/pulse-widget.js", "Accept-Encoding", "gzip");
        assertThat(current.headers().firstValue("cache-control")).hasValue("public, max-age=300");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(current.body())).readAllBytes()).isEqualTo(widgetSource);
        assertThat(get("/pulse-widget.0123456789abcdef.js", "Accept-Encoding", "identity").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeTheDemoUnderTheStrictPolicy() throws Exception
    {
        assertThat(get("/demo/", "Accept", "text/html").headers().firstValue("content-security-policy"))
            .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:");
    }

    private HttpResponse<byte[]> get(final String path, final String header, final String value) throws IOException, InterruptedException
    {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).build());
    }

    private HttpResponse<byte[]> send(final HttpRequest request) throws IOException, InterruptedException
    {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(final String path)
    {
        return URI.create(demo.url(path));
    }
}
