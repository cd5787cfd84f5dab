package dev.pulse.loadtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The WebSocket opening handshake (RFC 6455 4.1), written by hand so the connection needs no HTTP
 * codec in its pipeline: the request bytes are built once per run, and the response is checked
 * for status 101 and the {@code Sec-WebSocket-Accept} that matches the key. Every connection of a
 * run sends the same key; the RFC asks a fresh one of browsers, and the server cannot tell.
 *
 * <p>A virtual user's request also carries its routing key ({@code route=K}, docs/protocol.md,
 * "Routing key"), the same on every reconnect, so that a balancer hashing on it (the cluster drill
 * sends its load through nginx) keeps each user on one node: the bytes around the key are built
 * once, the key is written between them per connection.
 */
final class UpgradeRequest
{
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String KEY = "cHVsc2UtbG9hZHRlc3QhIQ==";
    /** Responses longer than this are refused: Pulse's is about 150 bytes. */
    static final int MAX_RESPONSE_BYTES = 8_192;

    /** The routing key's length: 32 lower-case hex characters, 128 random bits, as the snippet mints. */
    static final int ROUTE_KEY_LENGTH = 32;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] request;
    private final byte[] beforeRouteKey;
    private final byte[] afterRouteKey;
    private final String expectedAccept;

    UpgradeRequest(final LoopbackUrl url, final String origin)
    {
        final String afterTarget = " HTTP/1.1\r\n" +
            "Host: " + url.hostAndPort() + "\r\n" +
            "Upgrade: websocket\r\n" +
            "Connection: Upgrade\r\n" +
            "Sec-WebSocket-Key: " + KEY + "\r\n" +
            "Sec-WebSocket-Version: 13\r\n" +
            "Origin: " + origin + "\r\n" +
            "\r\n";
        final String target = url.pathAndQuery();
        this.request = ("GET " + target + afterTarget).getBytes(StandardCharsets.US_ASCII);
        this.beforeRouteKey = ("GET " + target + (target.indexOf('?') < 0 ? "?" : "&") + "route=").getBytes(StandardCharsets.US_ASCII);
        this.afterRouteKey = afterTarget.getBytes(StandardCharsets.US_ASCII);
        this.expectedAccept = accept(KEY);
    }

    /** The request without a routing key (the kill -9 loop's single server needs none). */
    byte[] bytes()
    {
        return request;
    }

    /** The request with {@code route=} this key appended to the URL's query, in a buffer of {@code alloc}. */
    ByteBuf withRouteKey(final ByteBufAllocator alloc, final byte[] routeKey)
    {
        return alloc.buffer(beforeRouteKey.length + routeKey.length + afterRouteKey.length)
            .writeBytes(beforeRouteKey).writeBytes(routeKey).writeBytes(afterRouteKey);
    }

    /** A virtual user's routing key: {@link #ROUTE_KEY_LENGTH} hex characters, random in every run and process. */
    static byte[] newRouteKey()
    {
        final byte[] key = new byte[ROUTE_KEY_LENGTH];
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < key.length; i++)
        {
            key[i] = HEX[random.nextInt(HEX.length)];
        }
        return key;
    }

    /**
     * The end of the response head (just past the blank line) in {@code head[0, length)}, or -1 if
     * it has not all arrived.
     */
    static int headEnd(final byte[] head, final int length)
    {
        for (int i = 3; i < length; i++)
        {
            if (head[i] == '\n' && head[i - 1] == '\r' && head[i - 2] == '\n' && head[i - 3] == '\r')
            {
                return i + 1;
            }
        }
        return -1;
    }

    /** Null when the response head accepts the upgrade; else what is wrong, for the report. */
    String refusal(final byte[] head, final int length)
    {
        final String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        final int lineEnd = text.indexOf("\r\n");
        final String status = lineEnd < 0 ? text : text.substring(0, lineEnd);
        if (!status.startsWith("HTTP/1.1 101"))
        {
            return "the server answered the upgrade with " + status;
        }
        for (final String line : text.split("\r\n"))
        {
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept"))
            {
                return line.substring(colon + 1).trim().equals(expectedAccept) ? null : "wrong Sec-WebSocket-Accept";
            }
        }
        return "no Sec-WebSocket-Accept in the upgrade response";
    }

    static String accept(final String key)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java runtime has SHA-1", ex);
        }
    }
}
