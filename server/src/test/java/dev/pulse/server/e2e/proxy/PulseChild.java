package dev.pulse.server.e2e.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.pulse.server.testing.ChildJvm;

/**
 * {@code pulse serve --config FILE} in a child JVM on an ephemeral port of 127.0.0.1, with the
 * e2e catalog (site {@code test}, origin {@code http://localhost}), the settings a test gives as
 * YAML lines, and its output (logs included) kept for the test to read. Stopped by SIGTERM with
 * no drain (drain_delay and close_spread 0), forcibly if it lingers.
 */
final class PulseChild implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^:]+:(\\d+)/");

    private final StringBuffer output = new StringBuffer();
    private final Process process;
    private final int port;

    /** @param settings YAML lines such as {@code trusted_proxies: 127.0.0.1}. */
    PulseChild(final Path dir, final String... settings) throws Exception
    {
        Files.createDirectories(dir);
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = PulseChild.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        final Path config = dir.resolve("pulse.yaml");
        Files.writeString(config, String.join("\n", "bind: 127.0.0.1", "port: 0", "data_dir: " + dir.resolve("data"),
            "catalog_file: " + catalog, "expected_sessions: 5000", "drain_delay: 0", "close_spread: 0", String.join("\n", settings)) + "\n");
        final List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        process = new ProcessBuilder(ChildJvm.command(jvm, "dev.pulse.server.PulseMain", List.of("serve", "--config", config.toString())))
            .redirectErrorStream(true).start();
        try
        {
            port = Integer.parseInt(ChildJvm.awaitLine(process, LISTENING, output, "the server exited without listening").group(1));
        }
        catch (final Exception | AssertionError ex)
        {
            close();
            throw ex;
        }
    }

    int port()
    {
        return port;
    }

    /** Everything the server printed so far. */
    String output()
    {
        return output.toString();
    }

    /** Waits until the output holds {@code text} (a log line is written a moment after what it tells); fails after 20 s. */
    void awaitOutput(final String text) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!output().contains(text))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no \"" + text + "\" in the server's output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /**
     * The value of one sample of its /metrics: {@code pulse_connections_open},
     * {@code pulse_x_total{reason="y"}}. Asked from 127.0.0.254, a client no test trusts as a proxy:
     * a trusted address must open with a PROXY header under {@code client_address: proxy_protocol}.
     */
    long metric(final String sample) throws IOException
    {
        final String text;
        try (Socket socket = new Socket())
        {
            socket.bind(new InetSocketAddress("127.0.0.254", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /metrics HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        for (final String line : text.split("\n"))
        {
            if (line.startsWith(sample + " "))
            {
                return (long)Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + sample + " in /metrics:\n" + text);
    }

    @Override
    public void close()
    {
        ProxyProcess.stop(process);
    }
}
