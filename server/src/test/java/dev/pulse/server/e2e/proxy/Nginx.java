package dev.pulse.server.e2e.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * nginx in front of one Pulse, with {@code deploy/nginx/pulse.conf} as it is shipped: the test
 * writes only what the file asks its includer for (docs/operations.md shows the same), an
 * {@code upstream pulse} and a {@code server} block that includes it, plus a top-level
 * configuration fit for a test (foreground, its files in the test's directory, room for
 * thousands of connections). {@link #cluster} puts {@code deploy/nginx/pulse-cluster.conf} in place
 * of the upstream, its three node addresses replaced by the test's, nothing else changed.
 */
final class Nginx extends ProxyProcess
{
    static final Path SHIPPED = ROOT.resolve("deploy/nginx/pulse.conf");
    static final Path SHIPPED_CLUSTER = ROOT.resolve("deploy/nginx/pulse-cluster.conf");
    /** The node addresses the shipped cluster file names, in its order. */
    private static final List<String> CLUSTER_NODES = List.of("127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083");

    Nginx(final Path binary, final Path dir, final int pulsePort) throws Exception
    {
        this(binary, dir, String.join("\n",
            "    upstream pulse {",
            "        server 127.0.0.1:" + pulsePort + ";",
            "        keepalive 16;",
            "    }"));
    }

    /** nginx with the shipped cluster file in front of three nodes on 127.0.0.1 at these ports. */
    static Nginx cluster(final Path binary, final Path dir, final List<Integer> nodePorts) throws Exception
    {
        String upstream = Files.readString(SHIPPED_CLUSTER);
        if (nodePorts.size() != CLUSTER_NODES.size())
        {
            throw new IllegalArgumentException("the shipped file names " + CLUSTER_NODES.size() + " nodes");
        }
        for (int i = 0; i < nodePorts.size(); i++)
        {
            if (!upstream.contains(CLUSTER_NODES.get(i)))
            {
                throw new AssertionError(SHIPPED_CLUSTER + " no longer names " + CLUSTER_NODES.get(i));
            }
            upstream = upstream.replace(CLUSTER_NODES.get(i), "127.0.0.1:" + nodePorts.get(i));
        }
        Files.createDirectories(dir);
        final Path copy = Files.writeString(dir.resolve("pulse-cluster.conf"), upstream);
        return new Nginx(binary, dir, "    include " + copy + ";");
    }

    private Nginx(final Path binary, final Path dir, final String upstream) throws Exception
    {
        super(dir);
        final Path config = dir.resolve("nginx.conf");
        Files.writeString(config, String.join("\n",
            "user " + System.getProperty("user.name") + ";",
            "daemon off;",
            "worker_processes 1;",
            "worker_rlimit_nofile 16384;",
            "pid " + dir.resolve("nginx.pid") + ";",
            "error_log stderr warn;",
            "events { worker_connections 8192; }",
            "http {",
            "    access_log off;",
            "    client_body_temp_path " + dir.resolve("body") + ";",
            "    proxy_temp_path " + dir.resolve("proxy") + ";",
            "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
            "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
            "    scgi_temp_path " + dir.resolve("scgi") + ";",
            upstream,
            "    server {",
            "        listen 127.0.0.1:" + port() + ";",
            "        include " + SHIPPED + ";",
            "    }",
            "}", ""));
        start(List.of(binary.toString(), "-p", dir.toString(), "-c", config.toString()), Map.of());
    }
}
