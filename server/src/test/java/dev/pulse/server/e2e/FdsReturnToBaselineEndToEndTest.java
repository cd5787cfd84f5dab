package dev.pulse.server.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections leave nothing open behind them: a {@code pulse serve} child's open files
 * ({@code /proc/PID/fd}) grow by one per WebSocket and come back to where they were once the
 * connections close, whether they close with a close frame or just drop. 2,000 connections over
 * loopback, from four client addresses (the per-address cap is 1,000); the same at 19,000 is the
 * connections benchmark ({@code benchmarks/run-e2e.sh} with {@code MODE=connections}, BENCHMARKS.md).
 */
@EnabledOnOs(OS.LINUX)
@Timeout(180)
class FdsReturnToBaselineEndToEndTest
{
    private static final int CONNECTIONS = 2_000;
    private static final int CLIENT_ADDRESSES = 4;
    /** Files the server may open on its own meanwhile (a log, a class file, a journal segment). */
    private static final int TOLERANCE = 20;
    private static final String HELLO = "{\"t\":\"hello\",\"v\":1,\"url\":\"/\",\"ctx\":{\"device\":\"desktop\"}}";

    @TempDir
    Path dir;

    @Test
    void shouldCloseEveryFileOfEveryClosedConnection() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("pulse.yaml"), "handshakes_per_second: 0\n");
        final Process server = ServerProcess.start(dir.resolve("data"), "--config", config.toString());
        try
        {
            final int port = ServerProcess.awaitPort(server);
            final Path fds = Path.of("/proc", Long.toString(server.pid()), "fd");
            // Warm up: every event loop has served a session (its per-loop resources are open for good).
            closeAll(open(port, 32));
            final long baseline = settledCount(fds);

            final List<RawWebSocket> connections = open(port, CONNECTIONS);
            // A file the server had open at the baseline may have closed meanwhile (a class jar, a log), hence the tolerance.
            assertThat(count(fds)).as("one file per open connection").isGreaterThanOrEqualTo(baseline + CONNECTIONS - TOLERANCE);
            closeAll(connections);

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long now = count(fds);
            while (now > baseline + TOLERANCE && System.nanoTime() < deadline)
            {
                Thread.sleep(100);
                now = count(fds);
            }
            assertThat(now).as("open files after %d connections closed (baseline %d)", CONNECTIONS, baseline)
                .isLessThanOrEqualTo(baseline + TOLERANCE);
        }
        finally
        {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS))
            {
                server.destroyForcibly();
            }
        }
    }

    /** {@code count} welcomed sessions, spread over 127.0.0.1 to 127.0.0.{@value #CLIENT_ADDRESSES}. */
    private static List<RawWebSocket> open(final int port, final int count) throws IOException
    {
        final List<RawWebSocket> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte)(1 + i % CLIENT_ADDRESSES)});
            final RawWebSocket connection = RawWebSocket.connectFrom(from, port, "/ws?site=demo", "Origin: http://127.0.0.1:" + port);
            connections.add(connection);
            assertThat(connection.handshakeStatus()).as("connection %d", i).isEqualTo(101);
            connection.text(HELLO);
            assertThat(connection.nextText("welcome")).as("welcome %d", i).isNotNull();
        }
        return connections;
    }

    /** Half say goodbye with a close frame, half just drop the socket. */
    private static void closeAll(final List<RawWebSocket> connections) throws IOException
    {
        for (int i = 0; i < connections.size(); i++)
        {
            final RawWebSocket connection = connections.get(i);
            if (i % 2 == 0)
            {
                connection.frame(true, 0, RawWebSocket.OP_CLOSE, new byte[] {0x03, (byte)0xE8}, true);
            }
            connection.close();
        }
    }

    /** The count once it has held still for a second (or after 20 s). */
    private static long settledCount(final Path fds) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = count(fds);
        int same = 0;
        while (same < 10 && System.nanoTime() < deadline)
        {
            Thread.sleep(100);
            final long now = count(fds);
            same = now == last ? same + 1 : 0;
            last = now;
        }
        return last;
    }

    private static long count(final Path fds) throws IOException
    {
        try (Stream<Path> files = Files.list(fds))
        {
            return files.count();
        }
    }
}
