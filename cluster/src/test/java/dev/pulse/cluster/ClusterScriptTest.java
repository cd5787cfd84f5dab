package dev.pulse.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.tools.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/cluster.sh} as an operator runs it on a built clone: start (the broker's class path
 * resolved by the script itself, through Maven), the demo page and a WebSocket welcome through
 * nginx, status, stop, and then nothing of it left: every process it started gone, every port free.
 * And what it refuses before starting anything.
 */
class ClusterScriptTest
{
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void shouldServeTheDemoThroughNginxAndLeaveNothingRunningAfterStop() throws Exception
    {
        ExternalTool.require("nginx", "/usr/sbin/nginx");
        final int port = freePort();
        final List<ProcessHandle> started = new ArrayList<>();
        final List<Integer> ports = new ArrayList<>();
        try (ClusterScript cluster = new ClusterScript(ROOT, dir.resolve("cluster")))
        {
            cluster.start(port, null);
            assertThat(cluster.output()).contains("cluster: Pulse at http://127.0.0.1:" + port + "/demo/");
            for (final String name : List.of("kafka", "node-1", "node-2", "node-3", "nginx"))
            {
                started.add(ProcessHandle.of(Long.parseLong(Files.readString(cluster.work().resolve(name + ".pid")).trim())).orElseThrow());
            }
            for (final String name : List.of("kafka", "node-1", "node-2", "node-3", "balancer"))
            {
                ports.add(cluster.port(name));
            }
            assertThat(cluster.status()).as(cluster.output()).isZero();

            final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            final HttpResponse<String> demo = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/demo/"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(demo.statusCode()).isEqualTo(200);
            assertThat(demo.body()).contains("pulse.js");
            assertThat(welcome(http, port)).contains("\"t\":\"welcome\"").contains("\"resumed\":false");

            assertThat(cluster.stop()).as(cluster.output()).isZero();
            assertThat(cluster.status()).isEqualTo(3);
        }
        for (final ProcessHandle process : started)
        {
            assertThat(process.isAlive()).as("pid %d after stop", process.pid()).isFalse();
        }
        for (final int used : ports)
        {
            assertThat(listening(used)).as("port %d after stop", used).isFalse();
        }
    }

    @Test
    void shouldRefuseBadUsageAndATakenPortBeforeStartingAnything() throws Exception
    {
        assertThat(script("start", "--port", "0").status).isEqualTo(2);
        assertThat(script("start", "--partitions", "none").status).isEqualTo(2);
        assertThat(script("kill", "node-9").output).contains("no node node-9");
        assertThat(script("kill", "node-9").status).isEqualTo(2);
        assertThat(script("frobnicate").status).isEqualTo(2);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))
        {
            final Run run = script("start", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.status).isEqualTo(1);
            assertThat(run.output).contains("port " + taken.getLocalPort() + " is taken");
        }
        assertThat(Files.exists(dir.resolve("cluster/kafka.pid"))).isFalse();
        assertThat(script("status").status).isEqualTo(3);
    }

    /** A hello through nginx; returns the first message back. */
    private static String welcome(final HttpClient http, final int port) throws Exception
    {
        final CompletableFuture<String> first = new CompletableFuture<>();
        final WebSocket socket = http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + port)
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?site=demo"), new WebSocket.Listener()
            {
                @Override
                public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
                {
                    first.complete(data.toString());
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        socket.sendText("{\"t\":\"hello\",\"v\":1,\"url\":\"/demo/\"}", true);
        try
        {
            return first.get(30, TimeUnit.SECONDS);
        }
        finally
        {
            socket.abort();
        }
    }

    private record Run(int status, String output)
    {
    }

    private Run script(final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(ROOT.resolve("scripts/cluster.sh").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--work", dir.resolve("cluster").toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean listening(final int port)
    {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            return socket.isConnected();
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
