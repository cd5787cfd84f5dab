package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing key ({@code route} in the upgrade URL) on the real server: it is never identity (a
 * key naming another session's sid neither resumes nor disturbs that session), and a connection
 * whose key is absent, repeated or malformed is served like any other, and counted.
 */
@Timeout(60)
class RouteKeyEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ABSENT = "pulse_connections_unrouted_total{reason=\"absent\"}";
    private static final String MALFORMED = "pulse_connections_unrouted_total{reason=\"malformed\"}";

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception
    {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() throws Exception
    {
        server.close();
    }

    /** A client of site {@code test} whose upgrade URL ends with {@code query} (after {@code site=test}). */
    private TestClient connect(final String query) throws Exception
    {
        return TestClient.connect(HTTP, URI.create("ws://127.0.0.1:" + server.port() + "/ws?site=test" + query), "http://localhost");
    }

    @Test
    void shouldNeverResumeOrDisturbTheSessionARouteKeyNames() throws Exception
    {
        try (TestClient owner = connect("&route=owner-key"))
        {
            final String ownerSid = owner.hello(null).get("sid").asText();
            owner.page("/", "navigate");
            owner.awaitAck(1);

            try (TestClient stranger = connect("&route=" + ownerSid))
            {
                final JsonNode welcome = stranger.hello(null);
                assertThat(welcome.get("resumed").asBoolean()).as("a new session, not the one the key names").isFalse();
                assertThat(welcome.get("sid").asText()).isNotEqualTo(ownerSid);
                assertThat(welcome.get("seq").asLong()).isZero();
            }
            final String otherSid;
            try (TestClient other = connect(""))
            {
                otherSid = other.hello(null).get("sid").asText();
            }
            try (TestClient resumer = connect("&route=" + ownerSid))
            {
                final JsonNode welcome = resumer.hello(otherSid);
                assertThat(welcome.get("resumed").asBoolean()).isTrue();
                assertThat(welcome.get("sid").asText()).as("the hello's session, not the key's").isEqualTo(otherSid);
            }
            assertThat(owner.closed()).as("the owner was never closed as resumed elsewhere (4001)").isFalse();
            owner.page("/pricing", "navigate");
            owner.awaitAck(2);
        }
    }

    @Test
    void shouldServeConnectionsWithAnAbsentRepeatedOrMalformedRouteKeyAndCountThem() throws Exception
    {
        final List<String> malformed = List.of("&route=", "&route=a&route=b", "&route=" + "k".repeat(65), "&route=bad.key",
            "&route=%20", "&route=caf%C3%A9");
        final List<String> valid = List.of("&route=0123456789abcdef0123456789abcdef", "&route=" + "K".repeat(64), "&route=A-z_9",
            "&route=a%2Db");
        final List<String> all = new ArrayList<>(List.of(""));
        all.addAll(malformed);
        all.addAll(valid);
        for (final String query : all)
        {
            try (TestClient client = connect(query))
            {
                assertThat(client.hello(null).get("resumed").asBoolean()).as(query).isFalse();
            }
        }

        assertThat(server.metric(ABSENT)).isEqualTo(1);
        assertThat(server.metric(MALFORMED)).isEqualTo(malformed.size());
        assertThat(server.metric("pulse_connections_total")).isEqualTo(1 + malformed.size() + valid.size());
    }
}
