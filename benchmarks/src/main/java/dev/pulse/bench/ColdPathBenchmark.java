package dev.pulse.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.floor.FloorPath;
import dev.pulse.server.ws.PerEventPath;

/**
 * Pulse's per-event path and the floor server's, each as it runs in the server, where the caches
 * are cold (issue 20): in a JMH loop an event finds its code and data in L1 and L2, left there by
 * the event before; in the server the kernel's network stack and the load generator run between
 * two events of a loop and leave little of them. Before each op, untimed (JMH's per-invocation
 * setup), {@link Caches} disturbs the caches as {@code sweep} says:
 * <ul>
 * <li>{@code none}: nothing, the hot loop (as {@code PerEventPathBenchmark}, with the same per-op timing as the others);
 * <li>{@code data}: reads 2 MiB, one load per 64-byte line, more than a core's L2 (1.25 MiB here), so
 *     the path's data then comes from L3 and memory; its code mostly stays in the instruction cache;
 * <li>{@code loopback}: 128 bytes there and back over a TCP connection on 127.0.0.1, so the
 *     kernel's network stack runs between two ops, as it does between two events of a loop in the
 *     server (its own path for one small message turned out to leave L1 and L2 mostly as they
 *     were: BENCHMARKS.md, issue 20 round 6).
 * </ul>
 */
public class ColdPathBenchmark extends HotPathBenchmark
{
    /** What runs before each op, outside its time. */
    @State(Scope.Thread)
    public static class Caches
    {
        private static final int DATA_BYTES = 2 * 1024 * 1024;
        private static final int LONGS_PER_LINE = 8;
        private static final int ROUND_TRIP_BYTES = 128;

        @Param({"none", "data", "loopback"})
        public String sweep;

        private long[] lines = new long[0];
        private final byte[] roundTrip = new byte[ROUND_TRIP_BYTES];
        private ServerSocket listener;
        private Socket client;
        private Socket server;
        /** What the data sweeps read, kept so that the JIT cannot drop them. */
        public long sink;

        @Setup(Level.Trial)
        public void open() throws IOException
        {
            if (sweep.equals("data"))
            {
                lines = new long[DATA_BYTES / Long.BYTES];
            }
            else if (sweep.equals("loopback"))
            {
                listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                server = listener.accept();
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
            }
            else if (!sweep.equals("none"))
            {
                throw new IllegalArgumentException("sweep is none, data or loopback, not " + sweep);
            }
        }

        @Setup(Level.Invocation)
        public void sweep() throws IOException
        {
            long sum = 0;
            for (int i = 0; i < lines.length; i += LONGS_PER_LINE)
            {
                sum += lines[i];
            }
            sink += sum;
            if (client != null)
            {
                client.getOutputStream().write(roundTrip);
                server.getInputStream().readNBytes(roundTrip, 0, ROUND_TRIP_BYTES);
                server.getOutputStream().write(roundTrip);
                client.getInputStream().readNBytes(roundTrip, 0, ROUND_TRIP_BYTES);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException
        {
            if (client != null)
            {
                client.close();
                server.close();
                listener.close();
            }
        }
    }

    /** Pulse's path ({@link PerEventPath}): decode, session record, detectors, governor, journal hand-off, frames. */
    @Benchmark
    public long pulse(final Caches caches, final PerEventPath.Trial pulse)
    {
        return pulse.path.onMessage();
    }

    /** The floor's path ({@link FloorPath}) over as many sessions: its few fields read, its session's entry updated. */
    @Benchmark
    public long floor(final Caches caches, final FloorPath.Trial floor)
    {
        return floor.path.onMessage();
    }

    /** Pulse's decode alone (Jackson's streaming parser and the protocol's fields): its share of {@link #pulse}. */
    @Benchmark
    public long pulseDecode(final Caches caches, final PerEventPath.Trial pulse)
    {
        return pulse.path.decode();
    }

    /** The floor's read alone: its share of {@link #floor}. */
    @Benchmark
    public long floorRead(final Caches caches, final FloorPath.Trial floor)
    {
        return floor.path.read();
    }
}
