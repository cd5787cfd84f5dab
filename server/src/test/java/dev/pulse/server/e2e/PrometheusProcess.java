package dev.pulse.server.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pulse.server.tools.ExternalTool;

/**
 * A real Prometheus (Debian's package) for a test: a generated configuration that scrapes one
 * Pulse every second under job {@code pulse} and loads rule files, its own storage under the
 * test's directory, a port picked free on 127.0.0.1, and its HTTP API. {@link #close()} stops it
 * (SIGTERM, then SIGKILL), so nothing outlives the test, also when it fails.
 */
final class PrometheusProcess implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long DEADLINE_SECONDS = 120;

    private final Process process;
    private final Path log;
    private final int port;

    private PrometheusProcess(final Process process, final Path log, final int port)
    {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code target} ({@code host:port}) with {@code ruleFiles}; returns once it answers ready. */
    static PrometheusProcess start(final Path dir, final String target, final Path... ruleFiles) throws Exception
    {
        final Path prometheus = ExternalTool.require("prometheus", "/usr/bin/prometheus");
        Files.createDirectories(dir);
        final StringBuilder config = new StringBuilder()
            .append("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n")
            .append("rule_files:\n");
        for (final Path rules : ruleFiles)
        {
            config.append("  - '").append(rules.toAbsolutePath()).append("'\n");
        }
        config.append("scrape_configs:\n  - job_name: pulse\n    static_configs:\n      - targets: ['").append(target).append("']\n");
        final Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config.toString());
        final int port = freePort();
        final Path log = dir.resolve("prometheus.log");
        final Process process = new ProcessBuilder(prometheus.toString(), "--config.file=" + configFile,
            "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final PrometheusProcess started = new PrometheusProcess(process, log, port);
        try
        {
            started.await("Prometheus ready", () -> started.status("/-/ready") == 200);
            return started;
        }
        catch (final Exception | AssertionError ex)
        {
            started.close();
            throw ex;
        }
    }

    /** GET {@code /api/v1/<path>}; the {@code data} of a successful answer (fails the test on any other). */
    JsonNode api(final String path) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/" + path)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
        final JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText()))
        {
            throw new AssertionError("Prometheus " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return body.get("data");
    }

    /** The result of an instant query. */
    JsonNode query(final String promQl) throws Exception
    {
        return api("query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)).get("result");
    }

    /** Polls {@code api} until {@code done} holds of its data; returns that data. Fails after two minutes. */
    JsonNode awaitApi(final String what, final String path, final Predicate<JsonNode> done) throws Exception
    {
        final JsonNode[] last = new JsonNode[1];
        await(what + " (last: " + path + ")", () ->
        {
            last[0] = api(path);
            return done.test(last[0]);
        });
        return last[0];
    }

    /** Prometheus's own log, for a failure's message. */
    String log() throws IOException
    {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor();
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private int status(final String path)
    {
        try
        {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (final IOException ex)
        {
            return -1;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void await(final String what, final Condition condition) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.holds())
        {
            if (!process.isAlive())
            {
                throw new AssertionError("Prometheus exited (" + process.exitValue() + ") waiting for " + what + ":\n" + log());
            }
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no " + what + " within " + DEADLINE_SECONDS + " s; Prometheus's log:\n" + log());
            }
            Thread.sleep(250);
        }
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /** A check that may call the API. */
    @FunctionalInterface
    private interface Condition
    {
        boolean holds() throws Exception;
    }
}
