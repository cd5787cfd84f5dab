package dev.pulse.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's limits at the handshake, from raw sockets: connections in total (503) and per
 * client address (429), handshakes per second (503), each refusal with {@code Retry-After} and
 * counted; and slowloris, a connection that sends no request or dribbles it byte by byte, closed
 * at the handshake timeout. Each time a session opened before keeps being served. Other client
 * addresses are other 127.x.y.z addresses, which Linux routes to the loopback.
 */
@Timeout(60)
class ServerLimitsEndToEndTest
{
    private static final String WS = "/ws?site=test";
    private static final String ORIGIN = "Origin: http://localhost";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseConnectionsOverTheTotalCapWith503UntilOneCloses() throws Exception
    {
        // The bystander holds one of the three.
        try (TestServer server = new TestServer(dir, builder -> builder.maxConnections(3)); TestClient bystander = server.connect();
             RawWebSocket second = RawWebSocket.connectFrom(address(2), server.port(), WS, ORIGIN))
        {
            bystander.hello(null);
            // Not a resource of the try: the test closes it to free its slot.
            final RawWebSocket first = RawWebSocket.connectFrom(address(1), server.port(), WS, ORIGIN);
            assertThat(first.handshakeStatus()).isEqualTo(101);
            assertThat(second.handshakeStatus()).isEqualTo(101);
            // A connection counts once its event loop has handled the upgrade, just after the 101 went out.
            awaitOpenConnections(server, 3);
            try (RawWebSocket refused = RawWebSocket.connectFrom(address(3), server.port(), WS, ORIGIN))
            {
                assertThat(refused.handshakeStatus()).as("a new address too: the cap is the server's").isEqualTo(503);
                assertThat(refused.handshakeResponse()).contains("retry-after: 5");
                assertThat(refused.closedByServer()).isTrue();
            }
            assertThat(server.metric("pulse_connections_refused_total{reason=\"capacity\"}")).isEqualTo(1);
            first.close();
            assertThat(awaitStatus(() -> RawWebSocket.connectFrom(address(3), server.port(), WS, ORIGIN))).as("a slot freed").isEqualTo(101);
            assertServing(server, bystander);
        }
    }

    @Test
    void shouldRefuseConnectionsOverTheCapOfOneAddressWith429() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.maxConnectionsPerAddress(2)); TestClient bystander = server.connect();
             RawWebSocket second = RawWebSocket.connectFrom(address(1), server.port(), WS, ORIGIN))
        {
            bystander.hello(null);
            // Not a resource of the try: the test closes it to free its slot.
            final RawWebSocket first = RawWebSocket.connectFrom(address(1), server.port(), WS, ORIGIN);
            assertThat(first.handshakeStatus()).isEqualTo(101);
            assertThat(second.handshakeStatus()).isEqualTo(101);
            try (RawWebSocket refused = RawWebSocket.connectFrom(address(1), server.port(), WS, ORIGIN))
            {
                assertThat(refused.handshakeStatus()).isEqualTo(429);
                assertThat(refused.handshakeResponse()).contains("retry-after: 5");
                assertThat(refused.closedByServer()).isTrue();
            }
            try (RawWebSocket other = RawWebSocket.connectFrom(address(2), server.port(), WS, ORIGIN))
            {
                assertThat(other.handshakeStatus()).as("another address has its own cap").isEqualTo(101);
            }
            assertThat(server.metric("pulse_connections_refused_total{reason=\"per_address\"}")).isEqualTo(1);
            first.close();
            assertThat(awaitStatus(() -> RawWebSocket.connectFrom(address(1), server.port(), WS, ORIGIN)))
                .as("the address's slot is given back when its connection closes").isEqualTo(101);
            assertServing(server, bystander);
        }
    }

    @Test
    void shouldRefuseHandshakesOverTheRateWith503() throws Exception
    {
        // One handshake a second: the bystander's takes this second's.
        try (TestServer server = new TestServer(dir, builder -> builder.handshakesPerSecond(1)); TestClient bystander = server.connect())
        {
            bystander.hello(null);
            try (RawWebSocket refused = RawWebSocket.connect(server.port(), WS, ORIGIN))
            {
                assertThat(refused.handshakeStatus()).isEqualTo(503);
                assertThat(refused.handshakeResponse()).contains("retry-after: 1");
            }
            assertThat(server.metric("pulse_connections_refused_total{reason=\"rate\"}")).isGreaterThanOrEqualTo(1);
            assertThat(awaitStatus(() -> RawWebSocket.connect(server.port(), WS, ORIGIN))).as("the next second's handshake").isEqualTo(101);
            assertServing(server, bystander);
        }
    }

    @Test
    void shouldCloseAConnectionThatSendsNoRequestAtTheHandshakeTimeout() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.handshakeTimeoutMs(300)); TestClient bystander = server.connect())
        {
            bystander.hello(null);
            try (Socket silent = open(server))
            {
                assertThat(silent.getInputStream().read()).as("closed, without a response").isEqualTo(-1);
            }
            assertThat(server.metric("pulse_connections_refused_total{reason=\"handshake_timeout\"}")).isEqualTo(1);
            assertServing(server, bystander);
        }
    }

    @Test
    void shouldCloseAConnectionThatDribblesItsRequestAtTheHandshakeTimeout() throws Exception
    {
        final byte[] request = ("GET " + WS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + ORIGIN + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        try (TestServer server = new TestServer(dir, builder -> builder.handshakeTimeoutMs(500)); TestClient bystander = server.connect())
        {
            bystander.hello(null);
            final Socket slow = open(server);
            final OutputStream out = slow.getOutputStream();
            final InputStream in = slow.getInputStream();
            slow.setSoTimeout(20);
            int sent = 0;
            boolean closed = false;
            try
            {
                // A byte every 20 ms takes almost 4 s for the whole request; the server gives 500 ms from the start.
                for (; sent < request.length && !closed; sent++)
                {
                    out.write(request[sent]);
                    out.flush();
                    closed = readsEnd(in);
                }
            }
            catch (final IOException ex)
            {
                closed = true; // written to a socket the server had closed: reset
            }
            slow.close();
            System.out.printf("slowloris: closed after %d of %d bytes%n", sent, request.length);
            assertThat(closed).as("closed before the request was whole").isTrue();
            assertThat(sent).as("bytes arriving do not put the deadline off").isGreaterThan(1).isLessThan(request.length);
            assertThat(server.metric("pulse_connections_refused_total{reason=\"handshake_timeout\"}")).isEqualTo(1);
            assertServing(server, bystander);
        }
    }

    /** Waits up to 10 s for the server's count of open connections to reach {@code open}. */
    private static void awaitOpenConnections(final TestServer server, final long open) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.metric("pulse_connections_open") != open && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertThat(server.metric("pulse_connections_open")).isEqualTo(open);
    }

    /** A client address other than 127.0.0.1: 127.0.1.{@code n}. */
    private static InetAddress address(final int n) throws IOException
    {
        return InetAddress.getByAddress(new byte[] {127, 0, 1, (byte)n});
    }

    private static Socket open(final TestServer server) throws IOException
    {
        final Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Whether the server ended the stream; false if it stayed silent for the socket's timeout. */
    private static boolean readsEnd(final InputStream in) throws IOException
    {
        try
        {
            return in.read() < 0;
        }
        catch (final SocketTimeoutException ex)
        {
            return false;
        }
    }

    /** Handshakes again (closing each socket) until one is not refused, for at most 10 s; its status. */
    private static int awaitStatus(final Callable<RawWebSocket> handshake) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true)
        {
            try (RawWebSocket raw = handshake.call())
            {
                if (raw.handshakeStatus() == 101 || System.nanoTime() > deadline)
                {
                    return raw.handshakeStatus();
                }
            }
            Thread.sleep(50);
        }
    }

    private static void assertServing(final TestServer server, final TestClient bystander) throws Exception
    {
        bystander.awaitAck(bystander.send("active"));
        assertThat(bystander.closed()).as("the session opened before is unaffected").isFalse();
        assertThat(server.server().metrics().internalErrors()).isZero();
    }
}
