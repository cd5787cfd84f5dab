package dev.pulse.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One TLS connection held open, with HTTP/1.1 requests sent on it one after another (keep-alive):
 * a test sees that a connection opened before a certificate reload keeps working, and keeps the
 * session and certificate of its own handshake, while a new connection gets the new certificate.
 */
final class TlsConnection implements AutoCloseable
{
    private static final int TIMEOUT_MS = 10_000;

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private TlsConnection(final SSLSocket socket) throws IOException
    {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port} and completes the handshake, trusting what {@code trust} trusts. */
    static TlsConnection open(final SSLContext trust, final int port) throws IOException
    {
        final SSLSocket socket = (SSLSocket)trust.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.startHandshake();
        return new TlsConnection(socket);
    }

    /** The certificate a new connection is shown (the connection closed again). */
    static X509Certificate certificateOfNew(final SSLContext trust, final int port) throws IOException
    {
        try (TlsConnection connection = open(trust, port))
        {
            return connection.peerCertificate();
        }
    }

    /** The certificate the server showed in this connection's handshake. */
    X509Certificate peerCertificate() throws IOException
    {
        return (X509Certificate)socket.getSession().getPeerCertificates()[0];
    }

    /** The TLS session's id: the same id after a reload is the same session. */
    byte[] sessionId()
    {
        return socket.getSession().getId();
    }

    /** Sends {@code GET path} on this connection, keeping it open, and returns the response's status code. */
    int get(final String path) throws IOException
    {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final String status = line();
        int contentLength = 0;
        for (String header = line(); !header.isEmpty(); header = line())
        {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:"))
            {
                contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(contentLength);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private String line() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read())
        {
            if (b < 0)
            {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r')
            {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
