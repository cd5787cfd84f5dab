package dev.pulse.server.e2e;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.SessionStateDescriptor;
import dev.pulse.server.logging.LogFields;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs of the shaded binary, {@code java -jar pulse.jar}, run as a child process: Log4j finds
 * its JSON layout there only if the build merged the plugin caches of its jars. One run per
 * format, each with what an operator meets: a rate-limit close, a rejected catalog reload (a
 * message of many lines), a stop by SIGTERM, and in JSON an internal error with its stack trace
 * (the text layout's is LogsTest's). Every record is one line of stderr; stdout carries only the
 * line saying where the server listens.
 */
@Timeout(300)
class ShadedJarLogsIT
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT_LINE_START = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (ERROR|WARN |INFO |DEBUG|TRACE) \\[.*";

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryRecordAsOneJsonObjectPerLineFromTheEnvironmentsSettings() throws Exception
    {
        final Map<String, String> environment = withTestSettings(Map.of("PULSE_LOG_FORMAT", "json", "PULSE_LOG_LEVEL", "info"));
        final List<JsonNode> records = new ArrayList<>();
        try (PulseJarProcess server = PulseJarProcess.serve(dir, environment, "--catalog", catalog().toString()))
        {
            final String rateLimitedSid = floodUntilClosed(server);
            final String brokenSid = breakASession(server);
            rejectACatalog(server);
            assertThat(server.stop()).isZero();

            for (final String line : server.stderrLines())
            {
                records.add(JSON.readTree(line));
            }
            assertThat(server.stdout()).hasLineCount(1).startsWith("Pulse listening on http://127.0.0.1:" + server.port() + "/");

            assertThat(records).allSatisfy(record ->
            {
                assertThat(record.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
                assertThat(record.get("level").asText()).isIn("ERROR", "WARN", "INFO");
                assertThat(record.get("logger").asText()).startsWith("dev.pulse.");
                assertThat(record.get("thread").asText()).isNotEmpty();
                assertThat(record.get("message").asText()).isNotEmpty();
            });
            final JsonNode rateLimitClose = onlyRecord(records, "closing with 1008");
            assertThat(rateLimitClose.get("level").asText()).isEqualTo("INFO");
            assertThat(rateLimitClose.get("message").asText()).isEqualTo("closing with 1008: over messages_per_second for rate_limit_close_ms");
            assertThat(rateLimitClose.get(LogFields.CONNECTION).asText()).matches("\\d+");
            assertThat(rateLimitClose.get(LogFields.SESSION).asText()).isEqualTo(rateLimitedSid);

            final JsonNode internalError = onlyRecord(records, "internal error on connection");
            assertThat(internalError.get("level").asText()).isEqualTo("ERROR");
            assertThat(internalError.get(LogFields.SESSION).asText()).isEqualTo(brokenSid);
            assertThat(internalError.get(LogFields.CONNECTION).asText()).isNotEqualTo(rateLimitClose.get(LogFields.CONNECTION).asText());
            assertThat(internalError.get("exception").asText()).contains("Exception").contains("\n\tat dev.pulse.");

            final JsonNode rejected = onlyRecord(records, "catalog reload rejected");
            assertThat(rejected.get("level").asText()).isEqualTo("WARN");
            assertThat(rejected.get("message").asText()).contains("\n").contains("error");

            assertThat(records).as("the sessions closed by the stop are DEBUG lines, not written at info")
                .noneMatch(record -> record.get("message").asText().startsWith("closing with 1001"));
            assertThat(records.get(records.size() - 1).get("message").asText()).isEqualTo("Pulse stopped cleanly");
        }
    }

    @Test
    void shouldWriteEveryRecordAsOneTextLineFromTheConfigFilesSettings() throws Exception
    {
        final Path config = dir.resolve("pulse.yaml");
        Files.writeString(config, "log_format: text\nlog_level: debug\n");
        try (PulseJarProcess server = PulseJarProcess.serve(dir, withTestSettings(Map.of()), "--catalog", catalog().toString(),
            "--config", config.toString()))
        {
            final String rateLimitedSid = floodUntilClosed(server);
            rejectACatalog(server);
            try (TestClient open = TestClient.connect(server.port(), "test", "http://localhost"))
            {
                final String openSid = open.hello(null).get("sid").asText();
                assertThat(server.stop()).isZero();

                final List<String> lines = server.stderrLines();
                assertThat(lines).allSatisfy(line -> assertThat(line).matches(TEXT_LINE_START));
                assertThat(onlyLine(lines, "closing with 1008"))
                    .endsWith("ConnectionCloser: closing with 1008: over messages_per_second for rate_limit_close_ms connection=" +
                        connectionOf(onlyLine(lines, "closing with 1008")) + " session=" + rateLimitedSid);
                assertThat(onlyLine(lines, "catalog reload rejected")).contains(" WARN ").contains("keeps serving:\\n");
                assertThat(onlyLine(lines, "closing with 1001")).as("at debug, the stop's closes are written")
                    .contains(" DEBUG ").endsWith("session=" + openSid);
            }
        }
    }

    /** Floods the server from one client until it closes the connection 1008 (over the rate); returns the client's session. */
    private static String floodUntilClosed(final PulseJarProcess server) throws Exception
    {
        try (TestClient flooder = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            final String sid = flooder.hello(null).get("sid").asText();
            // Far over one message a second: the first message past the burst closes it (rate_limit_close_ms 0).
            for (int i = 0; i < 20 && !flooder.closed(); i++)
            {
                try
                {
                    flooder.send("active");
                }
                catch (final Exception closedMeanwhile)
                {
                    break;
                }
            }
            assertThat(flooder.awaitClose()).isEqualTo(1008);
            return sid;
        }
    }

    /** Damages a live session's record under its connection, whose next message meets it: 1011, an exception; returns the session. */
    private String breakASession(final PulseJarProcess server) throws Exception
    {
        try (TestClient victim = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            final String sid = victim.hello(null).get("sid").asText();
            damageSessionRecord(sid);
            victim.send("active");
            assertThat(victim.awaitClose()).isEqualTo(1011);
            return sid;
        }
    }

    /** Replaces the catalog file with an invalid one: the watcher's reload is rejected with every error, one per line. */
    private void rejectACatalog(final PulseJarProcess server) throws Exception
    {
        Files.writeString(catalog(), "version: broken\nsite:\n  key: test\n  origins: [nowhere]\n");
        server.awaitStderrLine(line -> line.contains("catalog reload rejected"));
    }

    /** As a stray process could: scribbles on the layout version of the session's record in the server's live map. */
    private void damageSessionRecord(final String sid) throws Exception
    {
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("data").resolve("sessions.dat"), 1_000, false))
        {
            final SessionId id = new SessionId();
            assertThat(id.parse(sid.toCharArray(), 0, sid.length())).isTrue();
            final SessionAccess access = store.newAccess();
            assertThat(access.open(id.hi(), id.lo())).isTrue();
            access.state().buffer().putByte(access.state().offset() + SessionStateDescriptor.VERSION_OFFSET, (byte)99);
            access.close();
        }
    }

    /** The e2e catalog, copied where the server watches it. */
    private Path catalog() throws Exception
    {
        final Path file = dir.resolve("catalog.yaml");
        if (!Files.exists(file))
        {
            try (InputStream in = ShadedJarLogsIT.class.getResourceAsStream("/e2e/catalog.yaml"))
            {
                Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    /**
     * The settings the scenario needs beside {@code more}: a rate that one message over closes, a
     * session map the test can open beside the server's, a quick catalog watch, and no drain at stop.
     */
    private static Map<String, String> withTestSettings(final Map<String, String> more)
    {
        final Map<String, String> environment = new HashMap<>(Map.of(
            "PULSE_MESSAGES_PER_SECOND", "1",
            "PULSE_MESSAGE_BURST", "2",
            "PULSE_RATE_LIMIT_CLOSE_MS", "0",
            "PULSE_EXPECTED_SESSIONS", "1000",
            "PULSE_CATALOG_WATCH_MS", "100",
            "PULSE_DRAIN_DELAY", "0",
            "PULSE_CLOSE_SPREAD", "0"));
        environment.putAll(more);
        return environment;
    }

    private static JsonNode onlyRecord(final List<JsonNode> records, final String messageStart)
    {
        return records.stream().filter(record -> record.get("message").asText().startsWith(messageStart))
            .reduce((a, b) -> { throw new AssertionError("more than one record starts with " + messageStart); })
            .orElseThrow(() -> new AssertionError("no record starts with " + messageStart + " in " + records));
    }

    private static String onlyLine(final List<String> lines, final String text)
    {
        final List<String> matching = lines.stream().filter(line -> line.contains(text)).toList();
        assertThat(matching).as("lines with " + text + " in\n" + String.join("\n", lines)).hasSize(1);
        return matching.get(0);
    }

    private static String connectionOf(final String line)
    {
        final int at = line.indexOf(" connection=") + " connection=".length();
        return line.substring(at, line.indexOf(' ', at));
    }
}
