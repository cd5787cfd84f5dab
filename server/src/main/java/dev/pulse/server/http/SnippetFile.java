package dev.pulse.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A script of the browser's as served: the snippet {@code /pulse.js} and the widget
 * {@code /pulse-widget.js} (each revalidated every 5 minutes) and their versioned names
 * {@code /pulse.<version>.js}, {@code /pulse-widget.<version>.js} (cached for a year, immutable),
 * where the version is the first 16 hex digits of the file's SHA-384, so a page can pin it with
 * Subresource Integrity. The snippet loads the widget by the versioned name and integrity
 * {@link #pinning} wrote into it, so pinning the snippet pins the widget too. Both answers carry
 * {@code Pulse-Snippet-Url} and {@code Pulse-Snippet-Integrity} (the file's versioned path and its
 * {@code sha384-} value for {@code integrity=}), a strong ETag per encoding (304 on a matching
 * If-None-Match), gzip when the request accepts it, {@code Vary: Accept-Encoding}, and
 * {@code Access-Control-Allow-Origin: *} (a cross-origin script checked by integrity is fetched in CORS mode).
 *
 * <p>Made once from the bytes at start (the files are fixed at build time): no request compresses
 * or hashes anything. Immutable, so thread-safe.
 */
final class SnippetFile
{
    static final String SNIPPET = "pulse";
    static final String WIDGET = "pulse-widget";
    static final String CONTENT_TYPE = "application/javascript; charset=utf-8";
    static final String URL_HEADER = "pulse-snippet-url";
    static final String INTEGRITY_HEADER = "pulse-snippet-integrity";
    /** Where the snippet names the widget's file: the line the server rewrites with the versioned path and integrity. */
    static final String WIDGET_PLACEHOLDER = "var WIDGET = ['/pulse-widget.js', ''];";
    private static final String REVALIDATED = "public, max-age=300";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final int VERSION_HEX_DIGITS = 16;

    private final String path;
    private final byte[] plain;
    private final byte[] gzipped;
    private final String versionedPath;
    private final String integrity;
    private final String plainEtag;
    private final String gzipEtag;

    /** The file {@code /<name>.js} with these bytes. */
    SnippetFile(final String name, final byte[] plain)
    {
        this.path = "/" + name + ".js";
        this.plain = plain.clone();
        this.gzipped = gzip(plain);
        final byte[] sha384 = sha384(plain);
        final String version = HexFormat.of().formatHex(sha384).substring(0, VERSION_HEX_DIGITS);
        this.versionedPath = "/" + name + "." + version + ".js";
        this.integrity = "sha384-" + Base64.getEncoder().encodeToString(sha384);
        this.plainEtag = '"' + version + '"';
        this.gzipEtag = '"' + version + "-gzip\"";
    }

    /**
     * The snippet, its {@link #WIDGET_PLACEHOLDER} line naming {@code widget}'s versioned path and integrity.
     *
     * @throws IllegalStateException if the snippet has no such line (a build that would draw no question).
     */
    static SnippetFile pinning(final byte[] snippet, final SnippetFile widget)
    {
        final String text = new String(snippet, StandardCharsets.UTF_8);
        if (!text.contains(WIDGET_PLACEHOLDER))
        {
            throw new IllegalStateException("pulse.js does not name its widget with the line " + WIDGET_PLACEHOLDER);
        }
        final String pinned = text.replace(WIDGET_PLACEHOLDER,
            "var WIDGET = ['" + widget.versionedPath() + "', '" + widget.integrity() + "'];");
        return new SnippetFile(SNIPPET, pinned.getBytes(StandardCharsets.UTF_8));
    }

    /** The versioned path, {@code /<name>.<16 hex digits>.js}. */
    String versionedPath()
    {
        return versionedPath;
    }

    /** The value for a script tag's {@code integrity} attribute. */
    String integrity()
    {
        return integrity;
    }

    /** True for {@code /<name>.js} and this file's versioned path (another version's is 404). */
    boolean serves(final String requested)
    {
        return requested.equals(path) || requested.equals(versionedPath);
    }

    /** The answer to a GET or HEAD of a path {@link #serves} accepts. */
    FullHttpResponse respond(final FullHttpRequest request, final String requested)
    {
        final boolean gzip = AcceptEncoding.acceptsGzip(request.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
        final String etag = gzip ? gzipEtag : plainEtag;
        final boolean notModified = EntityTags.anyMatches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), etag);
        final FullHttpResponse response = notModified
            ? HttpResponses.of(HttpResponseStatus.NOT_MODIFIED, CONTENT_TYPE, Unpooled.EMPTY_BUFFER)
            : HttpResponses.of(HttpResponseStatus.OK, CONTENT_TYPE, Unpooled.wrappedBuffer(gzip ? gzipped : plain));
        if (notModified)
        {
            response.headers().remove(HttpHeaderNames.CONTENT_TYPE);
        }
        else if (gzip)
        {
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        response.headers()
            .set(HttpHeaderNames.ETAG, etag)
            .set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING)
            .set(HttpHeaderNames.CACHE_CONTROL, requested.equals(path) ? REVALIDATED : IMMUTABLE)
            // Public bytes, no credentials: any page may fetch them in CORS mode, which a
            // cross-origin script tag with integrity= (crossorigin="anonymous") needs.
            .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
            .set(URL_HEADER, versionedPath)
            .set(INTEGRITY_HEADER, integrity);
        return response;
    }

    private static byte[] gzip(final byte[] bytes)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)
        {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        })
        {
            gzip.write(bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static byte[] sha384(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-384").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-384", ex);
        }
    }
}
