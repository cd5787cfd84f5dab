package dev.pulse.server.e2e.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.pulse.report.JournalReportReader;
import dev.pulse.report.ReportFormat;
import dev.pulse.report.ReportRange;
import dev.pulse.server.PulseMain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken while serving restores to a working server (docs/operations.md, "Back up and
 * restore"). 200 sessions send without pause and are asked questions; the backup is requested as
 * the operator does ({@code POST /admin/backup}); traffic goes on, then the machine dies (SIGKILL) and
 * its data directory is lost. The backup is checked and restored ({@code pulse backup verify},
 * {@code pulse backup restore}) into a new data directory at the same place, and the server starts
 * on it (no exit 4). Then:
 * <ul>
 *   <li>the restored journal reads clean to its end, byte for byte the lost journal up to the backup
 *   point, with every message acknowledged before the backup was requested, and the report over it
 *   is the report of the lost journal cut at the point;</li>
 *   <li>every session resumes (same sid, {@code resumed: true}) at least at the seq acknowledged
 *   before the request;</li>
 *   <li>no session is asked a question twice: none it saw before the request, and, over the restored
 *   server's whole journal, no question id twice for one session.</li>
 * </ul>
 */
@Timeout(240)
class BackupRestoreEndToEndTest
{
    private static final int SESSIONS = 200;
    private static final long SEND_PERIOD_MS = 200;
    private static final Map<String, String> ENVIRONMENT = Map.of("PULSE_EXPECTED_SESSIONS", "2000", "PULSE_DRAIN_DELAY", "0",
        "PULSE_CLOSE_SPREAD", "0");

    @TempDir
    Path dir;

    @Test
    void shouldRestoreABackupTakenWhileServingToAServerThatKeepsItsPromises() throws Exception
    {
        try (ChildServer server = new ChildServer(dir, ENVIRONMENT); LoadDriver driver = new LoadDriver(server.port(), SESSIONS, true))
        {
            server.start();
            driver.reconnect(true);
            driver.connectAll(30_000);
            driver.startSending(SEND_PERIOD_MS);
            // About two of each session's eight questions before the backup, so the restored server has questions left to ask.
            Thread.sleep(1_800);

            final Map<String, Long> ackedBefore = new HashMap<>();
            final Map<String, Set<String>> askedBefore = new HashMap<>();
            for (final DriverSession session : driver.sessions())
            {
                ackedBefore.put(session.sid(), session.ackedSeq());
                askedBefore.put(session.sid(), new HashSet<>(session.questionIds()));
            }
            final JsonNode backup = takeBackup(server.port());
            final long questionsAtBackup = driver.tally().questions.sum();
            Thread.sleep(1_500);
            server.kill();
            driver.awaitAll(session -> !session.welcomed(), 10_000, "told of the lost connection");
            final Map<String, Integer> askedUntilKill = new HashMap<>();
            driver.sessions().forEach(session -> askedUntilKill.put(session.sid(), session.questionIds().size()));

            // The disk is lost: the data directory goes aside, the backup is restored where it was.
            final Path data = dir.resolve("data");
            final Path lost = dir.resolve("lost-data");
            Files.move(data, lost);
            final Path copy = lost.resolve("backups").resolve(backup.get("backup").asText());
            assertThat(pulse("backup", "verify", copy.toString())).as("pulse backup verify").isZero();
            assertThat(pulse("backup", "restore", copy.toString(), "--data", data.toString())).as("pulse backup restore").isZero();

            final JournalScan restored = JournalScan.read(data.resolve("journal"));
            final long lastSegment = backup.at("/journal/last_segment").asLong();
            final long lastSegmentBytes = backup.at("/journal/last_segment_bytes").asLong();
            assertThat((long)restored.records).as("records in the restored journal").isEqualTo(backup.at("/journal/records").asLong());
            assertPrefixOfLostJournal(data.resolve("journal"), lost.resolve("journal"), lastSegment, lastSegmentBytes);
            assertThat(report(data.resolve("journal"))).as("the report over the restored journal")
                .isEqualTo(report(cutAt(lost, lastSegment, lastSegmentBytes)));
            final List<String> missing = new ArrayList<>();
            ackedBefore.forEach((sid, acked) ->
            {
                for (long seq = 1; seq <= acked; seq++)
                {
                    if (!restored.capturedSeqs.getOrDefault(sid, Set.of()).contains(seq))
                    {
                        missing.add(sid + "/" + seq);
                    }
                }
            });
            assertThat(missing).as("messages acknowledged before the backup was requested, not in it").isEmpty();

            server.start();
            driver.awaitAll(DriverSession::welcomed, 60_000, "resumed on the restored server");
            final List<String> resumedBelowAcked = new ArrayList<>();
            for (final DriverSession session : driver.sessions())
            {
                if (session.welcomeSeq() < ackedBefore.get(session.sid()))
                {
                    resumedBelowAcked.add(session.sid() + ": " + session.welcomeSeq() + " < " + ackedBefore.get(session.sid()));
                }
            }
            Thread.sleep(3_000);
            driver.stopSending();
            driver.awaitAll(DriverSession::allAcked, 30_000, "acked on the restored server");
            assertThat(server.terminate()).as("exit status of the restored server").isZero();

            final JournalScan after = JournalScan.read(server.journalDir());
            final List<String> askedTwice = new ArrayList<>();
            final List<String> askedAgain = new ArrayList<>();
            long askedAfterRestore = 0;
            for (final DriverSession session : driver.sessions())
            {
                final List<String> inJournal = after.questionIdsBySid.getOrDefault(session.sid(), List.of());
                if (new HashSet<>(inJournal).size() != inJournal.size())
                {
                    askedTwice.add(session.sid() + " " + inJournal);
                }
                final List<String> seen = session.questionIds();
                final List<String> sinceRestore = seen.subList(askedUntilKill.get(session.sid()), seen.size());
                askedAfterRestore += sinceRestore.size();
                for (final String qid : sinceRestore)
                {
                    if (askedBefore.get(session.sid()).contains(qid))
                    {
                        askedAgain.add(session.sid() + " " + qid);
                    }
                }
            }
            System.out.printf("backup %s: %d sessions, journal %d segments, %d bytes, %d records (up to segment %d byte %d) in %d ms; "
                    + "questions before the backup %d, asked after the restore %d; driver %s%n", backup.get("backup").asText(),
                backup.get("sessions").asLong(), backup.at("/journal/segments").asLong(), backup.at("/journal/bytes").asLong(),
                restored.records, lastSegment, lastSegmentBytes, backup.get("took_ms").asLong(), questionsAtBackup, askedAfterRestore,
                driver.tally());

            assertThat(backup.get("sessions").asLong()).as("sessions in the backup").isEqualTo(SESSIONS);
            assertThat(driver.tally().notResumed.sum()).as("sessions not resumed on the restored server").isZero();
            assertThat(resumedBelowAcked).as("sessions resumed below what was acknowledged before the backup").isEmpty();
            assertThat(askedAfterRestore).as("questions asked by the restored server").isPositive();
            assertThat(askedAgain).as("questions seen before the backup asked again after the restore").isEmpty();
            assertThat(askedTwice).as("sessions with a question id twice in the restored server's journal").isEmpty();
        }
    }

    /** {@code POST /admin/backup} as docs/operations.md says; returns its JSON. */
    private static JsonNode takeBackup(final int port) throws Exception
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/admin/backup"))
            .header("Authorization", "Bearer " + ChildServer.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST /admin/backup: %s", response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** Runs the {@code pulse} command line in this JVM; returns its exit status, its output printed. */
    private static int pulse(final String... args)
    {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = PulseMain.commandLine(config -> null, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        final int status = PulseMain.execute(commandLine, args);
        System.out.printf("pulse %s -> %d: %s", String.join(" ", args), status, out);
        return status;
    }

    /** Each restored segment is the lost one's bytes, whole up to the last, which ends at the backup point. */
    private static void assertPrefixOfLostJournal(final Path restored, final Path lost, final long lastSegment, final long lastSegmentBytes)
        throws IOException
    {
        try (var segments = Files.list(restored))
        {
            for (final Path segment : (Iterable<Path>)segments.filter(path -> path.toString().endsWith(".journal")).sorted()::iterator)
            {
                final byte[] bytes = Files.readAllBytes(segment);
                final byte[] original = Files.readAllBytes(lost.resolve(segment.getFileName()));
                final boolean last = segment.getFileName().toString().equals(String.format("segment-%020d.journal", lastSegment));
                assertThat((long)bytes.length).as("bytes of %s", segment.getFileName()).isEqualTo(last ? lastSegmentBytes : original.length);
                assertThat(bytes).as("%s, byte for byte", segment.getFileName()).isEqualTo(Arrays.copyOf(original, bytes.length));
            }
        }
    }

    /**
     * A copy of the lost journal cut at the backup point (what the backup should hold), beside a copy of
     * the lost catalogs (the report reads a version's copy there).
     */
    private Path cutAt(final Path lostData, final long lastSegment, final long lastSegmentBytes) throws IOException
    {
        final Path journal = lostData.resolve("journal");
        final Path cut = dir.resolve("lost-cut").resolve("journal");
        Files.createDirectories(cut);
        final Path catalogs = dir.resolve("lost-cut").resolve("catalogs");
        Files.createDirectories(catalogs);
        try (var versions = Files.list(lostData.resolve("catalogs")))
        {
            for (final Path version : (Iterable<Path>)versions::iterator)
            {
                Files.copy(version, catalogs.resolve(version.getFileName()));
            }
        }
        for (long index = 0; index <= lastSegment; index++)
        {
            final Path segment = journal.resolve(String.format("segment-%020d.journal", index));
            if (Files.exists(segment))
            {
                Files.copy(segment, cut.resolve(segment.getFileName()));
            }
        }
        try (FileChannel last = FileChannel.open(cut.resolve(String.format("segment-%020d.journal", lastSegment)), StandardOpenOption.WRITE))
        {
            last.truncate(lastSegmentBytes);
        }
        return cut;
    }

    private static String report(final Path journal) throws IOException
    {
        final StringWriter json = new StringWriter();
        ReportFormat.JSON.write(JournalReportReader.read(journal, ReportRange.ALL, 1_900_000_000_000L), json);
        return json.toString();
    }
}
