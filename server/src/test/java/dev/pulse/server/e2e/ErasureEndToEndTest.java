package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.Hash64;
import dev.pulse.journal.ErasureSource;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.browser.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on a real server and its real journal: the client's forget, an operator's
 * {@code DELETE /admin/sessions/SID} and {@code DELETE /admin/visitors/VID}, and the export. A live
 * connection of an erased session is closed with 1000 "forgotten"; the SESSION_ERASED record is
 * in the journal's file when the route answers; bad requests change nothing.
 */
@Timeout(120)
class ErasureEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String VISITOR = "visitor-to-erase";
    private static final String OTHER_VISITOR = "visitor-to-keep";

    @TempDir
    Path dir;

    @Test
    void shouldEraseTheSessionOnForgetAndCloseWith1000Forgotten() throws Exception
    {
        final TestServer server = new TestServer(dir);
        final String sid;
        try (TestClient forgetting = server.connect().vid(VISITOR); TestClient other = server.connect().vid(OTHER_VISITOR))
        {
            forgetting.hello(null);
            sid = forgetting.sid();
            other.hello(null);
            forgetting.untilAck(forgetting.send("page", "url", "/pricing", "nav", "navigate"));
            assertThat(admin(server, "GET", "/admin/sessions/" + forgetting.sid()).statusCode()).isEqualTo(200);

            forgetting.send("forget");

            assertThat(forgetting.awaitClose()).isEqualTo(1000);
            assertThat(forgetting.awaitCloseReason()).isEqualTo("forgotten");
            assertThat(admin(server, "GET", "/admin/sessions/" + forgetting.sid()).statusCode()).isEqualTo(404);
            assertThat(admin(server, "GET", "/admin/sessions/" + other.sid()).statusCode()).isEqualTo(200);
            other.untilAck(other.send("page", "url", "/pricing", "nav", "navigate"));
        }
        finally
        {
            server.close();
        }
        assertThat(erasures(server.dataDir())).singleElement().satisfies(erased -> assertErased(erased, sid, ErasureSource.CLIENT_FORGET,
            VISITOR));
    }

    @Test
    void shouldEraseALiveSessionBeforeAnsweringAndCloseItsConnection() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient erased = server.connect().vid(VISITOR);
             TestClient other = server.connect().vid(OTHER_VISITOR))
        {
            erased.hello(null);
            other.hello(null);
            erased.untilAck(erased.send("page", "url", "/pricing", "nav", "navigate"));

            final HttpResponse<String> response = admin(server, "DELETE", "/admin/sessions/" + erased.sid());

            assertThat(response.statusCode()).isEqualTo(204);
            // In the journal's file when the route answered: read while the server still runs.
            assertThat(erasures(server.dataDir())).singleElement().satisfies(record -> assertErased(record, erased.sid(),
                ErasureSource.ADMIN_SESSION, VISITOR));
            assertThat(erased.awaitClose()).isEqualTo(1000);
            assertThat(erased.awaitCloseReason()).isEqualTo("forgotten");
            assertThat(admin(server, "GET", "/admin/sessions/" + erased.sid()).statusCode()).isEqualTo(404);
            assertThat(admin(server, "DELETE", "/admin/sessions/" + erased.sid()).statusCode()).as("erased twice").isEqualTo(404);
            assertThat(admin(server, "GET", "/admin/sessions/" + other.sid()).statusCode()).isEqualTo(200);
            other.untilAck(other.send("page", "url", "/pricing", "nav", "navigate"));
            assertThat(other.closed()).isFalse();
        }
    }

    @Test
    void shouldEraseASessionWhoseConnectionHasClosed() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final String sid;
            try (TestClient client = server.connect().vid(VISITOR))
            {
                client.hello(null);
                client.untilAck(client.send("page", "url", "/pricing", "nav", "navigate"));
                sid = client.sid();
            }
            assertThat(admin(server, "DELETE", "/admin/sessions/" + sid).statusCode()).isEqualTo(204);
            assertThat(admin(server, "GET", "/admin/sessions/" + sid).statusCode()).isEqualTo(404);
            assertThat(erasures(server.dataDir())).singleElement().satisfies(record -> assertErased(record, sid,
                ErasureSource.ADMIN_SESSION, VISITOR));
        }
    }

    @Test
    void shouldRefuseAnUnknownOrMalformedSidAndChangeNothing() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient other = server.connect().vid(OTHER_VISITOR))
        {
            other.hello(null);
            other.untilAck(other.send("page", "url", "/pricing", "nav", "navigate"));
            final List<String> before = journalOnceItHolds(server, "\"session_start\"");

            assertThat(admin(server, "DELETE", "/admin/sessions/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);
            assertThat(admin(server, "DELETE", "/admin/sessions/not-a-session").statusCode()).isEqualTo(400);
            assertThat(admin(server, "DELETE", "/admin/visitors/nobody-here").statusCode()).isEqualTo(404);
            assertThat(admin(server, "DELETE", "/admin/visitors/not.a.visitor").statusCode()).isEqualTo(400);
            assertThat(admin(server, "GET", "/admin/sessions/0123456789abcdef0123456789abcdef/export").statusCode()).isEqualTo(404);
            assertThat(admin(server, "PUT", "/admin/visitors/" + OTHER_VISITOR).statusCode()).isEqualTo(405);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/admin/sessions/" + other.sid()))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("no token").isEqualTo(401);

            assertThat(Journal.lines(server.dataDir())).isEqualTo(before);
            assertThat(admin(server, "GET", "/admin/sessions/" + other.sid()).statusCode()).isEqualTo(200);
            other.untilAck(other.send("page", "url", "/faq/plans", "nav", "navigate"));
        }
    }

    @Test
    void shouldEraseEverySessionOfAVisitorAndNoOther() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient live = server.connect().vid(VISITOR);
             TestClient other = server.connect().vid(OTHER_VISITOR))
        {
            final String ended;
            try (TestClient earlier = server.connect().vid(VISITOR))
            {
                earlier.hello(null);
                earlier.untilAck(earlier.send("page", "url", "/pricing", "nav", "navigate"));
                ended = earlier.sid();
            }
            live.hello(null);
            other.hello(null);
            live.untilAck(live.send("page", "url", "/pricing", "nav", "navigate"));

            assertThat(admin(server, "DELETE", "/admin/visitors/" + VISITOR).statusCode()).isEqualTo(204);

            assertThat(erasures(server.dataDir())).hasSize(2).allSatisfy(record ->
                assertErased(record, record.get("sid").asText(), ErasureSource.ADMIN_VISITOR, VISITOR))
                .extracting(record -> record.get("sid").asText()).containsExactlyInAnyOrder(ended, live.sid());
            assertThat(live.awaitClose()).isEqualTo(1000);
            assertThat(live.awaitCloseReason()).isEqualTo("forgotten");
            assertThat(admin(server, "GET", "/admin/sessions/" + ended).statusCode()).isEqualTo(404);
            assertThat(admin(server, "GET", "/admin/sessions/" + live.sid()).statusCode()).isEqualTo(404);
            assertThat(admin(server, "GET", "/admin/sessions/" + other.sid()).statusCode()).isEqualTo(200);
            assertThat(admin(server, "DELETE", "/admin/visitors/" + VISITOR).statusCode()).as("erased twice").isEqualTo(404);
        }
    }

    @Test
    void shouldExportTheSessionsStateAndEveryRecordUntilItIsErased() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect().vid(VISITOR);
             TestClient other = server.connect().vid(OTHER_VISITOR))
        {
            client.hello(null);
            other.hello(null);
            client.page("/pricing", "navigate");
            client.untilAck(client.send("page", "url", "/faq/plans", "nav", "navigate"));
            other.untilAck(other.send("page", "url", "/pricing", "nav", "navigate"));

            final HttpResponse<String> response = admin(server, "GET", "/admin/sessions/" + client.sid() + "/export");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
            assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
            final JsonNode export = TestClient.JSON.readTree(response.body());
            assertThat(export.get("sid").asText()).isEqualTo(client.sid());
            assertThat(export.get("state").get("sid").asText()).isEqualTo(client.sid());
            assertThat(export.get("state").get("last_seq").asLong()).isEqualTo(2);
            assertThat(export.get("state").get("page_views").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(export.get("state").get("visitor_hash").asText()).isEqualTo(Long.toHexString(Hash64.visitor(VISITOR)));
            final List<JsonNode> records = new ArrayList<>();
            export.get("records").forEach(records::add);
            assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(record.get("sid").asText()).isEqualTo(client.sid()));
            assertThat(records.get(0).get("type").asText()).isEqualTo("session_start");
            assertThat(records.get(0).get("site").asText()).isEqualTo("test");
            assertThat(records.get(0).get("value").asLong()).isEqualTo(Hash64.visitor(VISITOR));
            assertThat(records.get(0).get("context").get("device").asText()).isEqualTo("desktop");
            assertThat(response.body()).doesNotContain(other.sid());

            assertThat(admin(server, "DELETE", "/admin/sessions/" + client.sid()).statusCode()).isEqualTo(204);
            assertThat(admin(server, "GET", "/admin/sessions/" + client.sid() + "/export").statusCode()).isEqualTo(404);
            assertThat(admin(server, "GET", "/admin/sessions/" + other.sid() + "/export").statusCode()).isEqualTo(200);
        }
    }

    static HttpResponse<String> admin(final TestServer server, final String method, final String path) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer test-admin-token").method(method, HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> erasures(final Path dataDir) throws Exception
    {
        return JournalFile.records(dataDir, JournalRecordType.SESSION_ERASED);
    }

    private static void assertErased(final JsonNode record, final String sid, final ErasureSource source, final String visitor)
    {
        assertThat(record.get("sid").asText()).isEqualTo(sid);
        assertThat(record.get("code").asInt()).isEqualTo(source.ordinal());
        assertThat(record.get("value").asLong()).isEqualTo(Hash64.visitor(visitor));
    }

    /**
     * The journal's lines once it holds {@code text}: a page view that made no record is acked
     * without waiting for the journal, so the session's start may still be on its way to the file.
     */
    private static List<String> journalOnceItHolds(final TestServer server, final String text) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = Journal.lines(server.dataDir());
        while (lines.stream().noneMatch(line -> line.contains(text)) && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
            lines = Journal.lines(server.dataDir());
        }
        assertThat(lines).as("the journal holds " + text).anyMatch(line -> line.contains(text));
        return lines;
    }
}
