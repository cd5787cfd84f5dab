package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.ingest.SeenEventIds;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart keeps the ingest's promise to take an event id once: the ids taken before it are read
 * back from the journal's backend_event records, so a retry after it is answered {@code duplicate}
 * (applied or kept, the journal holds the event once), for as long as the route remembers ids
 * (10 minutes, {@link SeenEventIds#REMEMBER_MS}) and no longer: on a fake clock, an id taken
 * longer ago than that is taken again, whether the window passed before or after the restart.
 */
@Timeout(120)
class IngestRestartEndToEndTest
{
    private static final String KEY = "shop-backend";

    @TempDir
    Path dir;

    private TestServer server(final FakePulseClock clock) throws Exception
    {
        final Path keys = Files.writeString(dir.resolve("ingest.keys"), "test " + KEY + " " + IngestEndToEndTest.SECRET + "\n");
        return new TestServer(dir, builder -> builder.ingestKeysFile(keys), catalog -> catalog, clock);
    }

    @Test
    void shouldAnswerARetryAfterARestartAsADuplicateAndJournalTheEventOnce() throws Exception
    {
        try (TestServer server = server(null))
        {
            final String sid = sessionAway(server, null, "evt-applied");
            assertThat(backend(server).post(body(sid, "evt-kept")).status("status")).isEqualTo("kept");

            server.restart();
            final IngestClient backend = backend(server);
            assertDuplicate(backend.post(body(sid, "evt-applied")), "evt-applied");
            assertDuplicate(backend.post(body(sid, "evt-kept")), "evt-kept");
            // The session is there to take a new id: the duplicates are the ids', not a session gone.
            assertThat(backend.post(body(sid, "evt-new")).status("status")).isEqualTo("kept");
            try (TestClient back = server.connect())
            {
                back.hello(sid);
                WaitFor.condition("the three kept events (the probe's among them) applied on reconnect",
                    () -> server.metric("pulse_events_total{type=\"backend\"}") == 3);
                assertDuplicate(backend.post(body(sid, "evt-kept")), "evt-kept");
                assertDuplicate(backend.post(body(sid, "evt-applied")), "evt-applied");
            }
            assertThat(server.metric("pulse_events_total{type=\"backend\"}")).as("each once").isEqualTo(3);
            server.server().close();

            assertThat(senderIds(server)).containsExactly("evt-applied:1", "evt-kept:0", "evt-new:0", "evt-kept:1", "evt-new:1");
        }
    }

    @Test
    void shouldTakeAnIdAgainOnceTheWindowHasPassedBeforeOrAfterARestart() throws Exception
    {
        final FakePulseClock clock = new FakePulseClock(System.currentTimeMillis());
        try (TestServer server = server(clock))
        {
            final String sid = sessionAway(server, clock, "evt-a", "evt-b");

            // One second short of the window, across a restart: both are still duplicates.
            clock.advanceMs(SeenEventIds.REMEMBER_MS - 1_000);
            server.restart();
            assertDuplicate(post(server, clock, sid, "evt-a"), "evt-a");
            // The window passes while the server runs: taken again (the session is away, so kept).
            clock.advanceMs(2_000);
            assertThat(post(server, clock, sid, "evt-a").status("status")).isEqualTo("kept");
            // ... and with a restart after the window: the journal's older record no longer counts.
            server.restart();
            assertThat(post(server, clock, sid, "evt-b").status("status")).isEqualTo("kept");
            // The ids taken again are remembered anew, and kept: both duplicates now.
            assertDuplicate(post(server, clock, sid, "evt-a"), "evt-a");
            assertDuplicate(post(server, clock, sid, "evt-b"), "evt-b");
        }
    }

    @Test
    void shouldAnswerAnIdKeptLongerThanTheWindowAsADuplicateWhileItIsKept() throws Exception
    {
        final FakePulseClock clock = new FakePulseClock(System.currentTimeMillis());
        try (TestServer server = server(clock))
        {
            final String sid = sessionAway(server, clock);
            assertThat(post(server, clock, sid, "evt-kept").status("status")).isEqualTo("kept");
            // Kept for the session's expiry (30 minutes), longer than the ids are remembered.
            clock.advanceMs(SeenEventIds.REMEMBER_MS + 60_000);
            server.restart();
            assertDuplicate(post(server, clock, sid, "evt-kept"), "evt-kept");
            server.server().close();
            assertThat(senderIds(server)).as("kept once").containsExactly("evt-kept:0");
        }
    }

    private static IngestClient backend(final TestServer server)
    {
        return new IngestClient(server.port(), "test", KEY, IngestEndToEndTest.SECRET);
    }

    /**
     * Posts signed at the clock's time (the system's when null), which the route checks the
     * signature's {@code t} against; {@code id} null: an event without one.
     */
    private static IngestClient.Answer post(final TestServer server, final FakePulseClock clock, final String sid, final String id)
        throws Exception
    {
        final IngestClient backend = backend(server);
        final long nowMs = clock == null ? System.currentTimeMillis() : clock.wallMs();
        return backend.post(body(sid, id), nowMs / 1000, backend.secret(), KEY, "");
    }

    private static String body(final String sid, final String id)
    {
        return IngestClient.body(sid, "order_failed", id, null);
    }

    /**
     * A session that took the events of {@code appliedIds} while connected, then left; its sid. A closed
     * connection lets go of its session a moment after the client sees it close: probes without an id until one is kept.
     */
    private static String sessionAway(final TestServer server, final FakePulseClock clock, final String... appliedIds) throws Exception
    {
        final String sid;
        try (TestClient client = server.connect())
        {
            client.hello(null);
            sid = client.sid();
            for (final String id : appliedIds)
            {
                assertThat(post(server, clock, sid, id).status("status")).isEqualTo("applied");
            }
        }
        WaitFor.condition("the session no longer connected", () -> "kept".equals(post(server, clock, sid, null).status("status")));
        return sid;
    }

    /** The journal's backend events sent with an id of the test's ({@code evt-}), as id:code (1 applied, 0 kept). */
    private static List<String> senderIds(final TestServer server) throws Exception
    {
        return JournalFile.records(server.dataDir(), JournalRecordType.BACKEND_EVENT).stream()
            .filter(record -> record.get("id").asText().startsWith("evt-"))
            .map(record -> record.get("id").asText() + ":" + record.get("code").asInt()).toList();
    }

    private static void assertDuplicate(final IngestClient.Answer answer, final String id)
    {
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(202);
        assertThat(answer.status("status")).isEqualTo("duplicate");
        assertThat(answer.status("id")).isEqualTo(id);
    }
}
