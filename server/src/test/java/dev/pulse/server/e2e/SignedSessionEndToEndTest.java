package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.TokenCheck;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed sessions on the real server: with a signing key, a hello without a valid token is
 * refused (unauthorized, then 1008) and a valid one starts or resumes exactly the session it names.
 */
@Timeout(60)
class SignedSessionEndToEndTest
{
    private static final String KEY_HEX = "8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final SigningKey KEY = SigningKey.parseOrNull(KEY_HEX);
    private static final SigningKey PREVIOUS_KEY = SigningKey.parseOrNull(KEY_HEX.replace('f', 'e'));
    private static final String SID = "5f0c1a2b3c4d5e6f708192a3b4c5d6e7";

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception
    {
        server = new TestServer(dir, builder -> builder.signingKey(KEY).signingKeyPrevious(PREVIOUS_KEY));
    }

    @AfterEach
    void stop() throws Exception
    {
        server.close();
    }

    private static String token(final SigningKey key, final String site, final String sid, final long expiresInSeconds)
    {
        return SessionToken.mint(key, site, sid, System.currentTimeMillis() / 1000 + expiresInSeconds);
    }

    /** Sends a hello that must be refused; returns the error frame after checking the 1008 close and that nothing else came. */
    private JsonNode refused(final String sid, final String token) throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.sendHello(sid, token);
            assertThat(client.awaitClose()).isEqualTo(1008);
            final List<JsonNode> received = client.drain(100);
            assertThat(received).as("the error alone").hasSize(1);
            assertThat(received.get(0).get("t").asText()).isEqualTo("error");
            return received.get(0);
        }
    }

    @Test
    void shouldRefuseAnUnsignedHelloWithUnauthorizedAnd1008() throws Exception
    {
        final JsonNode error = refused(null, null);

        assertThat(error.get("code").asText()).isEqualTo("unauthorized");
        assertThat(error.get("msg").asText()).isEqualTo("hello needs a token: this site signs its sessions");
        assertThat(error.has("seq")).isFalse();
        assertThat(server.server().metrics().errors(ErrorCode.UNAUTHORIZED)).isEqualTo(1);
        assertThat(refused(SID, null).get("code").asText()).as("a sid alone resumes nothing").isEqualTo("unauthorized");
    }

    @Test
    void shouldAcceptNoEventSentBehindARefusedHello() throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.sendHello(null, null);
            try
            {
                client.sendRaw("{\"t\":\"page\",\"seq\":1,\"url\":\"/pricing\",\"nav\":\"navigate\"}");
                client.sendRaw("{\"t\":\"active\",\"seq\":2}");
                client.sendRaw("{\"t\":\"goal\",\"seq\":3,\"name\":\"signup\"}");
            }
            catch (final ExecutionException ex)
            {
                // The server closed the connection first: then the events never left.
            }
            // 1008, or -1 when the server resets a connection that kept sending after its close.
            assertThat(client.awaitClose()).isIn(1008, -1);
            assertThat(client.drain(100)).as("no welcome, no ack").allMatch(message -> message.get("t").asText().equals("error"));
        }
        assertThat(server.server().metrics().prometheusText()).as("no event counted")
            .doesNotContainPattern("pulse_events_total\\{type=\"[a-z_]+\"} [1-9]")
            .contains("pulse_events_total{type=\"page\"} 0");
        assertThat(server.server().metrics().errors(ErrorCode.UNAUTHORIZED)).isEqualTo(1);
    }

    @Test
    void shouldStartTheSessionTheTokenNamesAndResumeItWithTheToken() throws Exception
    {
        final String token = token(KEY, "test", SID, 3_600);
        try (TestClient first = server.connect())
        {
            final JsonNode welcome = first.hello(null, token);
            assertThat(welcome.get("sid").asText()).isEqualTo(SID);
            assertThat(welcome.get("resumed").asBoolean()).isFalse();
            first.page("/pricing", "navigate");
            first.awaitAck(first.send("active"));
        }
        try (TestClient second = server.connect())
        {
            final JsonNode welcome = second.hello(null, token);
            assertThat(welcome.get("sid").asText()).isEqualTo(SID);
            assertThat(welcome.get("resumed").asBoolean()).isTrue();
            assertThat(welcome.get("seq").asLong()).isEqualTo(2);
            second.awaitAck(second.send("active"));
        }
    }

    @Test
    void shouldFollowTheTokenNotTheHellosSid() throws Exception
    {
        final String otherSid;
        try (TestClient other = server.connect())
        {
            otherSid = other.hello(null, token(KEY, "test", "0123456789abcdef0123456789abcdef", 3_600)).get("sid").asText();
        }
        try (TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello(otherSid, token(KEY, "test", SID, 3_600));
            assertThat(welcome.get("sid").asText()).isEqualTo(SID);
            assertThat(welcome.get("resumed").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldRefuseAnotherSitesExpiredForgedOrMangledToken() throws Exception
    {
        final String otherSite = token(KEY, "other", SID, 3_600);
        final String expired = token(KEY, "test", SID, -3_600);
        final String forged = token(SigningKey.parseOrNull(KEY_HEX.replace('8', '7')), "test", SID, 3_600);

        assertThat(refused(null, otherSite).get("msg").asText()).isEqualTo("the token was not signed with this site's key");
        assertThat(refused(null, expired).get("msg").asText()).isEqualTo("the token has expired");
        assertThat(refused(null, forged).get("msg").asText()).isEqualTo("the token was not signed with this site's key");
        final String valid = token(KEY, "test", SID, 3_600);
        final String tamperedSid = valid.replace(SID, "0123456789abcdef0123456789abcdef");
        assertThat(refused(null, tamperedSid).get("msg").asText()).as("another sid under a valid MAC")
            .isEqualTo("the token was not signed with this site's key");
        final JsonNode mangled = refused(null, "v1.<script>alert(1)</script>." + SID);
        assertThat(mangled.get("msg").asText()).isEqualTo(TokenCheck.MALFORMED.detail());
        assertThat(mangled.toString()).as("nothing the client sent comes back").doesNotContain("alert").doesNotContain(SID);
        assertThat(server.server().metrics().errors(ErrorCode.UNAUTHORIZED)).isEqualTo(5);
    }

    @Test
    void shouldAcceptThePreviousKeyDuringARotation() throws Exception
    {
        try (TestClient client = server.connect())
        {
            assertThat(client.hello(null, token(PREVIOUS_KEY, "test", SID, 3_600)).get("sid").asText()).isEqualTo(SID);
        }
    }

    @Test
    void shouldIgnoreTokensWithoutASigningKey() throws Exception
    {
        server.close();
        server = new TestServer(dir.resolve("unsigned"));
        try (TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello(null, "not even a token");
            assertThat(welcome.get("sid").asText()).matches("[0-9a-f]{32}").isNotEqualTo(SID);
            client.awaitAck(client.send("active"));
        }
        try (TestClient client = server.connect())
        {
            assertThat(client.hello(null, token(KEY, "test", SID, 3_600)).get("sid").asText())
                .as("without a key a token names nothing: a client's id is never adopted").isNotEqualTo(SID);
        }
    }
}
