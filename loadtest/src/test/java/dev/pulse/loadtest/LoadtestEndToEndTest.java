package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;

/**
 * The generator against the real server, in process, serving {@code loadtest-catalog.yaml}: a few
 * seconds at a small rate over every journey come out correct (each stuck journey asked exactly
 * once, browsing never, every ack back), and the summary and histograms are written as the
 * contract says. Against a catalog that cannot ask the back-and-forth question, the same run
 * reports the missed questions and exits 1. With {@code --reconnect}, a server restart in the middle
 * of a run is ridden out: every session reconnects and resumes, and nothing is lost.
 */
class LoadtestEndToEndTest
{
    private static final Path CATALOG = Path.of("loadtest-catalog.yaml");

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void everyJourneyAgainstTheLoadtestCatalogIsCorrect() throws Exception
    {
        try (PulseServer server = start(Files.readString(CATALOG)))
        {
            final Path out = dir.resolve("out");
            final Run run = generate(server, out, "--sessions", "60", "--rate", "300", "--warmup", "1s", "--duration", "4s");

            assertThat(run.status).as(run.stdout + run.stderr).isEqualTo(LoadtestMain.EXIT_OK);
            assertThat(run.stdout).contains("correctness: OK", "send_lag", "question");
            final JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            assertThat(summary.get("ok").asBoolean()).isTrue();
            assertThat(names(summary)).containsExactly("url", "sessions", "rate", "duration_s", "warmup_s", "mix", "events_sent",
                "events_per_s", "generator", "latency_us", "correctness", "carry", "ok");
            assertThat(names(summary.get("carry"))).containsExactly("received", "hellos_with_carry", "orphaned_answers");
            assertThat(summary.get("carry").get("received").asLong()).as("no cluster key, no carry").isZero();
            // The kernel's share of the generator's CPU comes from /proc, so only where there is one.
            if (ProcessTimes.now().known())
            {
                assertThat(names(summary.get("generator")))
                    .containsExactly("cpu_us_per_event", "cpu_s", "cpu_system_share", "loops", "send_lag_us");
                assertThat(summary.get("generator").get("cpu_system_share").asDouble()).isBetween(0.0, 1.0);
                assertThat(run.stdout).contains("generator kernel:");
            }
            else
            {
                assertThat(names(summary.get("generator"))).containsExactly("cpu_us_per_event", "cpu_s", "loops", "send_lag_us");
            }
            assertThat(names(summary.get("latency_us"))).containsExactly("question", "response", "ack", "connect");
            assertThat(names(summary.get("latency_us").get("ack")))
                .containsExactly("count", "p50", "p90", "p99", "p99_9", "p99_99", "max", "mean");
            assertThat(names(summary.get("correctness"))).containsExactly("questions_expected", "questions_received", "missed",
                "unexpected", "acks_lost", "errors", "closes", "connect_failures", "reconnects", "resumed", "never_back", "reconnect_gap_us");
            // No connection was lost in this run: no gap measured, nobody left unserved.
            assertThat(summary.get("correctness").get("reconnect_gap_us").get("count").asLong()).isZero();
            assertThat(summary.get("correctness").get("never_back").asLong()).isZero();
            assertThat(summary.get("correctness").get("errors").get("rate_limited").asLong()).isZero();
            final JsonNode correctness = summary.get("correctness");
            assertThat(correctness.get("missed").asLong()).isZero();
            assertThat(correctness.get("unexpected").asLong()).isZero();
            assertThat(correctness.get("acks_lost").asLong()).isZero();
            assertThat(correctness.get("connect_failures").asLong()).isZero();
            assertThat(correctness.get("questions_received").asLong())
                .isEqualTo(correctness.get("questions_expected").asLong()).isGreaterThan(20);
            assertThat(summary.get("events_sent").asLong()).isGreaterThan(600);
            assertThat(summary.get("latency_us").get("question").get("count").asLong()).isPositive();
            assertThat(summary.get("latency_us").get("response").get("count").asLong()).isPositive();
            assertThat(summary.get("latency_us").get("ack").get("p99_99").asDouble()).isPositive();
            assertThat(summary.get("generator").get("send_lag_us").get("count").asLong())
                .isPositive().isLessThanOrEqualTo(summary.get("events_sent").asLong());
            for (final String measure : new String[] {"question", "response", "ack", "connect", "send_lag"})
            {
                assertThat(Files.readString(out.resolve(measure + ".hgrm"))).contains("Percentile");
            }
            for (final Journey journey : Journey.values())
            {
                assertThat(run.stdout).as(journey.wireName()).containsPattern(" " + journey.wireName() + " [1-9]\\d* \\(asked " +
                    (journey.asked() ? "[1-9]" : "0,"));
            }
        }
    }

    @Test
    @Timeout(60)
    void aCatalogThatCannotAskMakesMissedQuestionsAndExitOne() throws Exception
    {
        final String catalog = Files.readString(CATALOG);
        final String deaf = catalog.replace("thresholds: { backs: 3, window: 90s }", "thresholds: { backs: 4, window: 90s }");
        assertThat(deaf).isNotEqualTo(catalog);
        try (PulseServer server = start(deaf))
        {
            final Path out = dir.resolve("out");
            final Run run = generate(server, out, "--sessions", "40", "--rate", "200", "--warmup", "0s", "--duration", "3s",
                "--mix", "browse=1,back_and_forth=1", "--question-timeout", "1s");

            assertThat(run.status).as(run.stdout + run.stderr).isEqualTo(LoadtestMain.EXIT_FAILED);
            assertThat(run.stdout).contains("correctness: FAILED");
            final JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            assertThat(summary.get("ok").asBoolean()).isFalse();
            assertThat(summary.get("correctness").get("missed").asLong()).isPositive();
            assertThat(summary.get("correctness").get("questions_received").asLong()).isZero();
        }
    }

    @Test
    @Timeout(60)
    void withReconnectSessionsResumeAcrossAServerRestart() throws Exception
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = probe.getLocalPort();
        }
        final PulseServer first = start(Files.readString(CATALOG), port);
        final Path out = dir.resolve("out");
        final CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> generate(first, out, "--sessions", "20",
            "--rate", "100", "--warmup", "0s", "--duration", "6s", "--mix", "browse=1", "--reconnect"));
        Thread.sleep(2_500);
        first.close();
        try (PulseServer second = start(Files.readString(CATALOG), port))
        {
            final Run run = running.get(50, TimeUnit.SECONDS);

            assertThat(run.status).as(run.stdout + run.stderr).isEqualTo(LoadtestMain.EXIT_OK);
            final JsonNode correctness = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("correctness");
            assertThat(correctness.get("closes").get("1001").asLong()).isEqualTo(20);
            assertThat(correctness.get("reconnects").asLong()).isEqualTo(20);
            assertThat(correctness.get("resumed").asLong()).isEqualTo(20);
            assertThat(correctness.get("acks_lost").asLong()).isZero();
            assertThat(second.port()).isEqualTo(port);
        }
    }

    private static List<String> names(final JsonNode object)
    {
        final List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private PulseServer start(final String catalog) throws Exception
    {
        return start(catalog, 0);
    }

    private PulseServer start(final String catalog, final int port) throws Exception
    {
        final Path catalogFile = dir.resolve("catalog.yaml");
        Files.writeString(catalogFile, catalog);
        return PulseServer.start(ServerConfig.defaults().toBuilder()
            .bind("127.0.0.1")
            .port(port)
            .dataDir(dir.resolve("data"))
            .catalogFile(catalogFile)
            .catalogWatchMs(0)
            .expectedSessions(2_000)
            .eventLoopThreads(1)
            .fsyncPolicy(FsyncPolicy.NEVER)
            .journalBufferBytes(1024 * 1024)
            .build());
    }

    private static Run generate(final PulseServer server, final Path out, final String... options)
    {
        final String[] args = new String[options.length + 6];
        args[0] = "--url";
        args[1] = "ws://127.0.0.1:" + server.port() + "/ws?site=loadtest";
        args[2] = "--out";
        args[3] = out.toString();
        args[4] = "--loops";
        args[5] = "2";
        System.arraycopy(options, 0, args, 6, options.length);
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final int status = new LoadtestMain(new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** What a run of the command line printed and returned. */
    private record Run(int status, String stdout, String stderr)
    {
    }
}
