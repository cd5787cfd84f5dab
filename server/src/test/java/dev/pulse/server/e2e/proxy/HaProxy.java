package dev.pulse.server.e2e.proxy;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HAProxy in front of one Pulse, with {@code deploy/haproxy/pulse.cfg} as it is shipped, its
 * addresses and PROXY protocol version given through the environment variables the file reads.
 * The test adds only a global section (the connection limit and a stats socket to read the
 * health of Pulse as HAProxy sees it). {@link #cluster} runs {@code deploy/haproxy/pulse-cluster.cfg}
 * the same way, in front of three nodes.
 */
final class HaProxy extends ProxyProcess
{
    static final Path SHIPPED = ROOT.resolve("deploy/haproxy/pulse.cfg");
    static final Path SHIPPED_CLUSTER = ROOT.resolve("deploy/haproxy/pulse-cluster.cfg");

    private final Path statsSocket;

    /** @param sendProxy {@code send-proxy-v2} or {@code send-proxy} (version 1). */
    HaProxy(final Path binary, final Path dir, final int pulsePort, final String sendProxy) throws Exception
    {
        this(binary, dir, SHIPPED, Map.of("PULSE_SERVER", "127.0.0.1:" + pulsePort, "PULSE_SEND_PROXY", sendProxy));
    }

    /** HAProxy with the shipped cluster file in front of three nodes on 127.0.0.1 at these ports (PROXY protocol version 2). */
    static HaProxy cluster(final Path binary, final Path dir, final List<Integer> nodePorts) throws Exception
    {
        final Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < nodePorts.size(); i++)
        {
            environment.put("PULSE_NODE" + (i + 1), "127.0.0.1:" + nodePorts.get(i));
        }
        return new HaProxy(binary, dir, SHIPPED_CLUSTER, environment);
    }

    private HaProxy(final Path binary, final Path dir, final Path shipped, final Map<String, String> environment) throws Exception
    {
        super(dir);
        this.statsSocket = dir.resolve("stats.sock");
        final Path global = dir.resolve("global.cfg");
        Files.writeString(global, String.join("\n",
            "global",
            "    maxconn 5000",
            "    stats socket " + statsSocket + " mode 600 level admin", ""));
        final Map<String, String> withListen = new HashMap<>(environment);
        withListen.put("PULSE_LISTEN", "127.0.0.1:" + port());
        start(List.of(binary.toString(), "-db", "-f", global.toString(), "-f", shipped.toString()), withListen);
    }

    /** The server {@code pulse/pulse1} as HAProxy's health checks see it: its {@code status} and {@code check_status}, such as "UP L7OK". */
    String pulseHealth() throws IOException
    {
        return health("pulse", "pulse1");
    }

    /** A server of a backend as HAProxy's health checks see it: its {@code status} and {@code check_status}, such as "UP L7OK". */
    String health(final String backend, final String server) throws IOException
    {
        final String[] lines = statsCommand("show stat").split("\n");
        final List<String> columns = Arrays.asList(lines[0].replaceFirst("^# ", "").split(","));
        for (final String line : lines)
        {
            final String[] fields = line.split(",", -1);
            if (fields.length > 1 && fields[0].equals(backend) && fields[1].equals(server))
            {
                return fields[columns.indexOf("status")] + " " + fields[columns.indexOf("check_status")];
            }
        }
        throw new AssertionError("no " + backend + "/" + server + " in HAProxy's stats:\n" + String.join("\n", lines));
    }

    private String statsCommand(final String command) throws IOException
    {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(statsSocket)))
        {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            final StringBuilder answer = new StringBuilder();
            final ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0)
            {
                answer.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                buffer.clear();
            }
            return answer.toString();
        }
    }
}
