package dev.pulse.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;

/**
 * The ingest benchmark's client against the real server, in process, at a small rate: in question
 * mode with the benchmark's catalog every measured event ends in its question read on the socket
 * (none missed, none unexplained) and sessions roll after their eighth; in applied mode with the
 * load test's catalog every event is answered 202 applied and asks nothing. Counts only: the
 * latencies are the benchmark's business, not a test's.
 */
class IngestLoadEndToEndTest
{
    private static final String SECRET = "ingest-benchmark-test-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyEventAsksItsQuestionAndSessionsRollAfterTheirCap() throws Exception
    {
        try (PulseServer server = start(IngestCatalogTest.CATALOG, "ingest"))
        {
            final JsonNode summary = run(server, "question", "ingest");

            final long measured = summary.get("measured").asLong();
            assertThat(summary.get("mode").asText()).isEqualTo("question");
            assertThat(measured).as(summary.toString()).isPositive();
            assertThat(summary.get("no_question").size()).as(summary.toString()).isZero();
            assertThat(summary.get("questions").asLong()).as(summary.toString()).isEqualTo(measured);
            assertThat(summary.get("question_ms").get("count").asLong()).isEqualTo(measured);
            assertThat(summary.get("applied_202").asLong()).isEqualTo(measured);
            assertThat(summary.get("ready_wait_ms").get("count").asLong()).isEqualTo(measured);
            assertThat(summary.get("failed").asLong()).isZero();
            assertThat(summary.get("unexpected_questions").asLong()).isZero();
            assertThat(summary.get("connect_failures").asLong()).isZero();
            // Each session retires after its eighth question and is replaced: at 4 events a second each, about 20 times.
            assertThat(summary.get("sessions_opened").asLong()).isGreaterThanOrEqualTo(summary.get("sent_total").asLong() / 8);
            assertThat(summary.get("server_signals").get("shown").asLong())
                .as("the server showed a question for every event sent").isEqualTo(summary.get("sent_total").asLong());
        }
    }

    @Test
    @Timeout(120)
    void theAppliedModeAnswers202WithoutAskingAsTheFirstRunsDid() throws Exception
    {
        try (PulseServer server = start(Path.of("../loadtest/loadtest-catalog.yaml"), "loadtest"))
        {
            final JsonNode summary = run(server, "applied", "loadtest");

            final long measured = summary.get("measured").asLong();
            assertThat(summary.get("mode").asText()).isEqualTo("applied");
            assertThat(measured).as(summary.toString()).isPositive();
            assertThat(summary.get("applied_202").asLong()).as(summary.toString()).isEqualTo(measured);
            assertThat(summary.get("applied_ms").get("count").asLong()).isEqualTo(measured);
            assertThat(summary.get("questions").asLong()).isZero();
            assertThat(summary.get("no_question").size()).as(summary.toString()).isZero();
            assertThat(summary.get("sessions_opened").asLong()).as("no session rolls").isEqualTo(10);
        }
    }

    private JsonNode run(final PulseServer server, final String mode, final String site) throws Exception
    {
        final Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(server.port()));
        env.put("MODE", mode);
        env.put("SITE", site);
        env.put("KEY_ID", "bench");
        env.put("SECRET", SECRET);
        env.put("SESSIONS", "10");
        env.put("RATE", "40");
        env.put("WARMUP_S", "1");
        env.put("DURATION_S", "3");
        env.put("IN_FLIGHT", "8");
        env.put("QUESTION_TIMEOUT_S", "20");
        return new ObjectMapper().readTree(new IngestLoad(IngestSettings.from(env)).run());
    }

    private PulseServer start(final Path catalog, final String site) throws Exception
    {
        final Path keys = Files.writeString(dir.resolve("ingest.keys"), site + " bench " + SECRET + "\n", StandardCharsets.UTF_8);
        return PulseServer.start(ServerConfig.defaults().toBuilder()
            .bind("127.0.0.1")
            .port(0)
            .dataDir(dir.resolve("data"))
            .catalogFile(catalog.toAbsolutePath())
            .catalogWatchMs(0)
            .ingestKeysFile(keys)
            .ingestRatePerKey(1000)
            .expectedSessions(2_000)
            .eventLoopThreads(1)
            .fsyncPolicy(FsyncPolicy.NEVER)
            .build());
    }
}
