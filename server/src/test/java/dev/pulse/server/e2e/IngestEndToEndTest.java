package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.replay.Replay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backend events through a real server, posted with java.net.http and signed as the webhooks are:
 * every status of the route, a retried event id taken once, a live session's event applied on its
 * loop and journaled (and captured for replay), a session away keeping its event across a restart
 * until it comes back, refusals that change nothing, the per-key rate's 429 and its recovery.
 */
@Timeout(120)
class IngestEndToEndTest
{
    static final String SECRET = "ingest-e2e-secret-0123456789abcdef";
    private static final String OTHER_SECRET = "another-secret-0123456789abcdef-xyz";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private TestServer server(final int ratePerKey) throws Exception
    {
        final Path keys = Files.writeString(dir.resolve("ingest.keys"),
            "# site key-id secret\ntest shop-backend " + SECRET + "\nother other-backend " + OTHER_SECRET + "\n");
        return new TestServer(dir, builder -> builder.ingestKeysFile(keys).ingestRatePerKey(ratePerKey).ingestMaxBodyBytes(1024),
            catalog -> catalog.replace("  key: test\n", "  key: test\n  capture_events: true\n"));
    }

    @Test
    void shouldApplyAnEventToALiveSessionJournalItAndTakeARetriedIdOnce() throws Exception
    {
        try (TestServer server = server(1000); TestClient client = server.connect())
        {
            client.hello(null);
            final IngestClient backend = new IngestClient(server.port(), "test", "shop-backend", SECRET);
            final String body = IngestClient.body(client.sid(), "payment_declined", "evt-1", "{\"amount\":129.5,\"reason\":\"card_declined\"}");

            final IngestClient.Answer first = backend.post(body);
            final IngestClient.Answer retried = backend.post(body);

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.status("status")).isEqualTo("applied");
            assertThat(first.status("id")).isEqualTo("evt-1");
            assertThat(retried.status()).isEqualTo(202);
            assertThat(retried.status("status")).isEqualTo("duplicate");
            assertThat(server.metric("pulse_ingest_applied_total")).isEqualTo(1);
            // The session is still served as before: an event after it is handled and acked.
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));
            server.server().close();

            final List<JsonNode> records = JournalFile.records(server.dataDir(), JournalRecordType.BACKEND_EVENT);
            assertThat(records).hasSize(1);
            final String record = records.get(0).toString();
            assertThat(records.get(0).get("code").asInt()).as("applied to a live session").isEqualTo(1);
            assertThat(record).contains("payment_declined", "shop-backend", "evt-1", "amount", "129.5", "reason", "card_declined");
            assertThat(JournalFile.records(server.dataDir(), JournalRecordType.RAW_EVENT).toString())
                .as("captured for replay").contains("backend", "n.amount", "s.reason", "card_declined");
            // pulse replay gives the machine the same backend event, and decides as the live server did.
            final Replay replay = new Replay(new CatalogLoader().load(server.catalogFile()).catalog()).run(server.dataDir().resolve("journal"));
            assertThat(replay.rawEvents()).as("hello, backend, page").isEqualTo(3);
            assertThat(replay.replayedDecisions()).isEqualTo(replay.liveDecisions());
        }
    }

    @Test
    void shouldKeepAnEventForASessionAwayAcrossARestartAndApplyItWhenItReconnects() throws Exception
    {
        try (TestServer server = server(1000))
        {
            final String sid;
            try (TestClient client = server.connect())
            {
                client.hello(null);
                sid = client.sid();
                client.awaitAck(client.send("page", "url", "/checkout", "nav", "navigate"));
            }
            final IngestClient backend = new IngestClient(server.port(), "test", "shop-backend", SECRET);
            final IngestClient.Answer kept = awaitKept(backend, IngestClient.body(sid, "order_failed", null, "{\"order\":\"A-17\"}"));
            assertThat(kept.status("id")).as("an id made for it").startsWith("pulse-");
            assertThat(server.metric("pulse_ingest_kept_total")).isEqualTo(1);
            // Kept in the journal: a restart in between does not lose it.
            server.restart();
            try (TestClient back = server.connect())
            {
                back.hello(sid);
                WaitFor.condition("the kept event applied on reconnect", () -> appliedEvents(server) == 1);
            }
            server.server().close();
            final List<JsonNode> records = JournalFile.records(server.dataDir(), JournalRecordType.BACKEND_EVENT);
            assertThat(records).extracting(r -> r.get("code").asInt()).as("kept, then applied").containsExactly(0, 1);
            assertThat(records.get(0).toString()).contains("order_failed", kept.status("id"), "A-17");
            assertThat(records.get(1).toString()).contains(kept.status("id"));
        }
    }

    @Test
    void shouldAnswerEveryRefusalWithItsStatusAndCodeAndChangeNothing() throws Exception
    {
        try (TestServer server = server(1000); TestClient client = server.connect())
        {
            client.hello(null);
            final String sid = client.sid();
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));
            final String before = session(server, sid);
            final IngestClient backend = new IngestClient(server.port(), "test", "shop-backend", SECRET);
            final String good = IngestClient.body(sid, "payment_declined", "evt-refused", null);
            final long now = System.currentTimeMillis() / 1000;
            final byte[] secret = backend.secret();

            assertRefused(backend.post(good, now, secret, "no-such-key", ""), 401, "unknown_key");
            assertRefused(backend.post(good, now, secret, null, ""), 401, "unknown_key");
            assertRefused(new IngestClient(server.port(), "nosite", "shop-backend", SECRET).post(good), 401, "unknown_key");
            assertRefused(new IngestClient(server.port(), "other", "shop-backend", SECRET).post(good), 401, "unknown_key");
            assertRefused(backend.post(good, now, OTHER_SECRET.getBytes(StandardCharsets.UTF_8), "shop-backend", ""), 401, "bad_signature");
            // Well past the 300 s either way: `now` was read before the requests above, and on a loaded
            // machine the server's second may have moved on since (301 ahead then read as 300, valid).
            // The one-second edges are SignatureHeaderTest's and IngestKeysTest's, on fixed clocks.
            assertRefused(backend.post(good, now - 400, secret, "shop-backend", ""), 401, "stale_timestamp");
            assertRefused(backend.post(good, now + 400, secret, "shop-backend", ""), 401, "stale_timestamp");
            assertRefused(backend.post(IngestClient.body("0123456789abcdef0123456789abcdef", "payment_declined", null, null)),
                404, "unknown_session");
            // A session of another site is not found under this one.
            assertRefused(new IngestClient(server.port(), "other", "other-backend", OTHER_SECRET).post(good), 404, "unknown_session");
            assertRefused(backend.post(IngestClient.body(sid, "x".repeat(1100), null, null)), 400, "too_large");
            assertRefused(backend.post("{\"sid\":\"" + sid + "\""), 400, "malformed");
            assertRefused(backend.post(IngestClient.body(sid, "Payment Declined", null, null)), 400, "malformed");
            assertRefused(backend.post(IngestClient.body(sid.substring(1), "payment_declined", null, null)), 400, "malformed");
            assertRefused(backend.post(IngestClient.body(sid, "payment_declined", null, "{\"a\":{\"b\":1}}")), 400, "malformed");
            assertRefused(backend.post(IngestClient.body(sid, "payment_declined", null,
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}")), 400, "malformed");
            assertRefused(backend.post("{\"sid\":\"" + sid + "\",\"name\":\"a\",\"extra\":true}"), 400, "malformed");
            final HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/sites/test/events")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(get.headers().firstValue("Allow")).hasValue("POST");

            assertThat(session(server, sid)).as("the session as it was").isEqualTo(before);
            assertThat(server.metric("pulse_ingest_refused_total")).isEqualTo(17);
            // Refused with the same id, then taken: a refusal never uses up an id.
            assertThat(backend.post(good).status("status")).isEqualTo("applied");
            server.server().close();
            assertThat(JournalFile.records(server.dataDir(), JournalRecordType.BACKEND_EVENT)).as("only the one taken").hasSize(1);
        }
    }

    @Test
    void shouldRefuseAKeyOverItsRateWith429AndTakeItAgainLater() throws Exception
    {
        try (TestServer server = server(2); TestClient client = server.connect())
        {
            client.hello(null);
            final IngestClient backend = new IngestClient(server.port(), "test", "shop-backend", SECRET);
            int limited = 0;
            for (int i = 0; i < 6; i++)
            {
                final IngestClient.Answer answer = backend.post(IngestClient.body(client.sid(), "ticket_opened", "burst-" + i, null));
                limited += answer.status() == 429 ? 1 : 0;
                if (answer.status() == 429)
                {
                    assertThat(answer.status("error")).isEqualTo("rate_limited");
                }
            }
            assertThat(limited).as("over a burst of 2 within the same second").isGreaterThanOrEqualTo(1);
            WaitFor.condition("the key's rate recovers", () ->
                backend.post(IngestClient.body(client.sid(), "ticket_opened", null, null)).status() == 202);
        }
    }

    @Test
    void shouldAnswer404WithoutAKeysFile() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final IngestClient.Answer answer = postRaw(server.port());
            assertThat(answer.status()).isEqualTo(404);
        }
    }

    private static IngestClient.Answer postRaw(final int port) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/sites/test/events"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        return new IngestClient.Answer(response.statusCode(), null);
    }

    /** A closed connection lets go of its session a moment after the client sees it close: until then the event is applied. */
    private static IngestClient.Answer awaitKept(final IngestClient backend, final String body) throws Exception
    {
        final IngestClient.Answer[] answer = new IngestClient.Answer[1];
        WaitFor.condition("the session no longer connected", () ->
        {
            answer[0] = backend.post(body);
            return !"applied".equals(answer[0].status("status"));
        });
        assertThat(answer[0].status()).isEqualTo(202);
        assertThat(answer[0].status("status")).isEqualTo("kept");
        return answer[0];
    }

    private static long appliedEvents(final TestServer server)
    {
        return server.metric("pulse_events_total{type=\"backend\"}");
    }

    private static String session(final TestServer server, final String sid) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/admin/sessions/" + sid)).header("Authorization", "Bearer test-admin-token")
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void assertRefused(final IngestClient.Answer answer, final int status, final String code)
    {
        assertThat(answer.status()).as(code + ": " + answer.json()).isEqualTo(status);
        assertThat(answer.status("error")).isEqualTo(code);
        assertThat(answer.status("detail")).isNotBlank();
    }
}
