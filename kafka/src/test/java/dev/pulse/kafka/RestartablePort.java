package dev.pulse.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server a test kills and starts again on the same port. Not one from
 * {@code new ServerSocket(0)}: those lie in the kernel's ephemeral range, and while the server is
 * down a client's (or a proxy's) outgoing connection can take the same number as its source port,
 * so the restarted server's bind fails with "Address already in use". A port below that range is
 * never handed out as a source port. For the test broker ({@link KafkaBroker}, stopped and started
 * again while producers keep dialling it) and the server's tests that kill and restart a node.
 */
public final class RestartablePort
{
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private RestartablePort()
    {
    }

    /** A port below the ephemeral range (from 10,000) that nothing listens on now. */
    public static int pick() throws IOException
    {
        final int below = ephemeralLowerBound();
        for (int attempt = 0; attempt < 1_000; attempt++)
        {
            final int candidate = 10_000 + ThreadLocalRandom.current().nextInt(below - 10_000);
            try (ServerSocket probe = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress()))
            {
                return probe.getLocalPort();
            }
            catch (final IOException taken)
            {
                // Taken: try another.
            }
        }
        throw new IOException("no free port between 10000 and " + below);
    }

    private static int ephemeralLowerBound()
    {
        try
        {
            // readAllLines, not readString: a /proc file says its size is 0, and readString then reads a few bytes only.
            final int lower = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
            return lower > 11_000 ? lower : 32_768;
        }
        catch (final IOException | RuntimeException ex)
        {
            return 32_768; // Linux's default
        }
    }
}
