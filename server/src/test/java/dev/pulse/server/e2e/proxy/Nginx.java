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
 * thousands of connections).
 */
final class Nginx extends ProxyProcess
{
    static final Path SHIPPED = ROOT.resolve("deploy/nginx/pulse.conf");

    Nginx(final Path binary, final Path dir, final int pulsePort) throws Exception
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
            "    upstream pulse {",
            "        server 127.0.0.1:" + pulsePort + ";",
            "        keepalive 16;",
            "    }",
            "    server {",
            "        listen 127.0.0.1:" + port() + ";",
            "        include " + SHIPPED + ";",
            "    }",
            "}", ""));
        start(List.of(binary.toString(), "-p", dir.toString(), "-c", config.toString()), Map.of());
    }
}
