package dev.pulse.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client from a raw socket, for what a polite client never sends: unmasked frames,
 * reserved bits, bad opcodes, invalid UTF-8, broken close frames. It reads the server's frames
 * and reports the close code.
 */
final class RawWebSocket implements AutoCloseable
{
    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final String handshakeResponse;

    private RawWebSocket(final Socket socket, final String handshakeResponse) throws IOException
    {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        this.handshakeResponse = handshakeResponse;
    }

    /** Opens a socket and sends the upgrade request with these extra header lines. */
    static RawWebSocket connect(final int port, final String pathAndQuery, final String... headers) throws IOException
    {
        return connect(port, 0, pathAndQuery, headers);
    }

    /** A WebSocket to the test site, upgraded and not yet helloed. */
    static RawWebSocket open(final int port) throws IOException
    {
        return connect(port, "/ws?site=test", "Origin: http://localhost");
    }

    /**
     * Like {@link #connect(int, String, String...)} with the socket's receive buffer shrunk to
     * {@code receiveBufferBytes} (0: the system's default), for a client that reads slowly or never.
     */
    static RawWebSocket connect(final int port, final int receiveBufferBytes, final String pathAndQuery, final String... headers)
        throws IOException
    {
        return connect(null, port, receiveBufferBytes, pathAndQuery, headers);
    }

    /** Like {@link #connect(int, String, String...)} from this local address (another 127.x.y.z: another client address). */
    static RawWebSocket connectFrom(final InetAddress local, final int port, final String pathAndQuery, final String... headers)
        throws IOException
    {
        return connect(local, port, 0, pathAndQuery, headers);
    }

    private static RawWebSocket connect(
        final InetAddress local, final int port, final int receiveBufferBytes, final String pathAndQuery, final String... headers)
        throws IOException
    {
        final Socket socket = new Socket();
        if (receiveBufferBytes > 0)
        {
            // Before connect, so the TCP window is negotiated small.
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        if (local != null)
        {
            socket.bind(new InetSocketAddress(local, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(5_000);
        final byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        final StringBuilder request = new StringBuilder()
            .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1:").append(port).append("\r\n")
            .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
            .append("Sec-WebSocket-Version: 13\r\n");
        for (final String header : headers)
        {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        return new RawWebSocket(socket, readHead(socket.getInputStream()));
    }

    private static String readHead(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A)
        {
            final int b = in.read();
            if (b < 0)
            {
                break;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The status line and headers of the handshake response. */
    String handshakeResponse()
    {
        return handshakeResponse;
    }

    int handshakeStatus()
    {
        final String[] parts = handshakeResponse.split(" ", 3);
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    /** Writes these bytes as they are: for frames no encoder would produce. */
    void bytes(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    void text(final String text) throws IOException
    {
        frame(true, 0, OP_TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Writes one frame: FIN flag, the three reserved bits, opcode, payload, masked or not. */
    void frame(final boolean fin, final int reservedBits, final int opcode, final byte[] payload, final boolean masked) throws IOException
    {
        final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | ((reservedBits & 0x7) << 4) | (opcode & 0xF));
        final int mask = masked ? 0x80 : 0;
        if (payload.length < 126)
        {
            frame.write(mask | payload.length);
        }
        else if (payload.length < 65_536)
        {
            frame.write(mask | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        else
        {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                frame.write((int)((long)payload.length >>> shift) & 0xFF);
            }
        }
        final byte[] key = new byte[4];
        if (masked)
        {
            ThreadLocalRandom.current().nextBytes(key);
            frame.write(key);
        }
        for (int i = 0; i < payload.length; i++)
        {
            frame.write(masked ? payload[i] ^ key[i & 3] : payload[i]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** One frame from the server. */
    record Frame(int opcode, byte[] payload)
    {
        String text()
        {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The next frame from the server, or null if the socket ended or stayed silent for its timeout. */
    Frame next() throws IOException
    {
        try
        {
            final int first = in.readUnsignedByte();
            final int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126)
            {
                length = in.readUnsignedShort();
            }
            else if (length == 127)
            {
                length = in.readLong();
            }
            final byte[] payload = new byte[(int)length];
            in.readFully(payload);
            return new Frame(first & 0xF, payload);
        }
        catch (final EOFException | SocketTimeoutException | SocketException ex)
        {
            return null;
        }
    }

    /** The next text frame whose text contains {@code part}, skipping others; null if none came before the socket ended or went silent. */
    String nextText(final String part) throws IOException
    {
        for (Frame frame = next(); frame != null; frame = next())
        {
            if (frame.opcode() == OP_TEXT && frame.text().contains(part))
            {
                return frame.text();
            }
        }
        return null;
    }

    /** Reads frames until a close frame; returns its code (1005 if it had none), or -1 if the socket ended without one. */
    int awaitClose() throws IOException
    {
        for (Frame frame = next(); frame != null; frame = next())
        {
            if (frame.opcode() == OP_CLOSE)
            {
                final byte[] payload = frame.payload();
                return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
            }
        }
        return -1;
    }

    /** Whether the server closed the TCP connection (read returns end of stream) within the socket timeout. */
    boolean closedByServer() throws IOException
    {
        try
        {
            while (in.read() >= 0)
            {
                // drain whatever is left
            }
            return true;
        }
        catch (final SocketTimeoutException ex)
        {
            return false;
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    void soTimeout(final int millis) throws IOException
    {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
