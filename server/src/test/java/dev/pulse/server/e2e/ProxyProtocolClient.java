package dev.pulse.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A client that speaks for a proxy: opens a socket from a chosen local address, writes a PROXY
 * protocol header (version 1 text or version 2 binary, or none) and then, in the clear or inside
 * TLS begun after the header, one HTTP request; reads the status of the answer. The socket stays
 * open (a WebSocket keeps its slot) until closed.
 */
final class ProxyProtocolClient implements AutoCloseable
{
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private final Socket socket;
    private final int status;

    private ProxyProtocolClient(final Socket socket, final int status)
    {
        this.socket = socket;
        this.status = status;
    }

    /** A version 1 header for a TCP client at {@code source} ({@code TCP4} or {@code TCP6} by its kind). */
    static byte[] v1(final String source)
    {
        final String family = source.contains(":") ? "TCP6" : "TCP4";
        final String destination = source.contains(":") ? "::1" : "127.0.0.1";
        return ("PROXY " + family + " " + source + " " + destination + " 51234 443\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A version 2 PROXY command for a TCP client at the IPv4 address {@code source}. */
    static byte[] v2(final String source) throws IOException
    {
        final ByteBuffer header = ByteBuffer.allocate(V2_SIGNATURE.length + 4 + 12);
        header.put(V2_SIGNATURE).put((byte)0x21).put((byte)0x11).putShort((short)12);
        header.put(InetAddress.getByName(source).getAddress()).put(InetAddress.getLoopbackAddress().getAddress());
        header.putShort((short)51234).putShort((short)443);
        return header.array();
    }

    /** A version 2 LOCAL command: the proxy speaks for itself (its health checks). */
    static byte[] v2Local()
    {
        return ByteBuffer.allocate(V2_SIGNATURE.length + 4).put(V2_SIGNATURE).put((byte)0x20).put((byte)0x00).putShort((short)0).array();
    }

    /** The WebSocket upgrade of the e2e site with its origin. */
    static String upgrade(final int port)
    {
        return "GET /ws?site=test HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://localhost\r\n\r\n";
    }

    /**
     * Connects from {@code local} to 127.0.0.1:{@code port}, writes {@code header} (none: empty),
     * then {@code request}, through TLS begun after the header when {@code tls} is not null.
     */
    static ProxyProtocolClient send(final InetAddress local, final int port, final byte[] header, final String request,
        final SSLContext tls) throws IOException
    {
        final Socket plain = new Socket();
        plain.bind(new InetSocketAddress(local, 0));
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        plain.setSoTimeout(10_000);
        plain.getOutputStream().write(header);
        plain.getOutputStream().flush();
        Socket socket = plain;
        if (tls != null)
        {
            final SSLSocket secure = (SSLSocket)tls.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
            secure.startHandshake();
            socket = secure;
        }
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new ProxyProtocolClient(socket, readStatus(socket.getInputStream()));
    }

    /** The status of the answer; -1 when the server closed without one. */
    int status()
    {
        return status;
    }

    private static int readStatus(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        try
        {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read())
            {
                line.write(b);
            }
        }
        catch (final IOException reset)
        {
            // A reset instead of an answer is no answer.
        }
        final String[] parts = line.toString(StandardCharsets.US_ASCII).split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
