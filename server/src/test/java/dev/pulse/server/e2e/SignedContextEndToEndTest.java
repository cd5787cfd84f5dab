package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.TokenCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed context on the real server: with a signing key, a context key counts for trigger conditions
 * (and segments, and the report's breakdowns: it is the session's context) only when the token
 * vouches for it, or the catalog lets a client set it ({@code site.client_context}). The e2e
 * catalog's failed-search trigger is made to ask gold-tier sessions only.
 */
@Timeout(60)
class SignedContextEndToEndTest
{
    private static final SigningKey KEY = SigningKey.parseOrNull("8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90");

    @TempDir
    Path dir;

    private static TestServer server(final Path dir, final String siteLines) throws Exception
    {
        return new TestServer(dir, builder -> builder.signingKey(KEY), catalog -> catalog
            .replace("    thresholds: { searches: 2, window: 10s }\n    question: cant-find",
                "    thresholds: { searches: 2, window: 10s }\n    when: { context: { tier: gold } }\n    question: cant-find")
            .replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]" + siteLines));
    }

    private static String token(final Map<String, String> context)
    {
        final String sid = SessionToken.newSid(new java.security.SecureRandom());
        final long expires = System.currentTimeMillis() / 1000 + 3_600;
        return context == null ? SessionToken.mint(KEY, "test", sid, expires) : SessionToken.mint(KEY, "test", sid, expires, null, context);
    }

    /** A hello with {@code token} claiming {@code tier} in its ctx (none if null), two failed searches: whether a question came. */
    private static boolean asked(final TestServer server, final String token, final String claimedTier) throws Exception
    {
        try (TestClient client = server.connect())
        {
            final ObjectNode hello = TestClient.JSON.createObjectNode().put("t", "hello").put("v", 1).put("url", "/").put("token", token);
            final ObjectNode ctx = hello.putObject("ctx").put("device", "desktop");
            if (claimedTier != null)
            {
                ctx.put("tier", claimedTier);
            }
            client.sendRaw(hello.toString());
            client.next("welcome");
            client.send("search", "q", "a", "results", 0);
            final long last = client.send("search", "q", "b", "results", 0);
            return client.untilAck(last).stream().anyMatch(message -> message.get("t").asText().equals("question"));
        }
    }

    @Test
    void shouldIgnoreATierTheClientClaimsAndTheTokenDoesNotCarry() throws Exception
    {
        try (TestServer server = server(dir, ""))
        {
            assertThat(asked(server, token(null), "gold")).as("a v1 token, the client claims gold").isFalse();
            assertThat(asked(server, token(Map.of("plan", "pro")), "gold")).as("a token of other context").isFalse();
            assertThat(asked(server, token(Map.of("tier", "silver")), "gold")).as("the token's tier wins").isFalse();
            assertThat(asked(server, token(Map.of("tier", "gold")), null)).as("the token's tier").isTrue();
            assertThat(asked(server, token(Map.of("tier", "gold", "plan", "pro")), "silver")).as("the token's tier over the client's").isTrue();
        }
        final List<String> contexts = JournalFile.records(dir.resolve("data"), JournalRecordType.SESSION_START).stream()
            .map(JsonNode::toString).toList();
        assertThat(contexts).hasSize(5);
        assertThat(contexts.get(0)).as("the claim is not the session's context, nor journaled as it").doesNotContain("gold")
            .doesNotContain("\"device\"");
        assertThat(contexts.get(3)).contains("gold");
    }

    @Test
    void shouldTakeAKeyTheCatalogLetsTheClientSet() throws Exception
    {
        try (TestServer server = server(dir, "\n  client_context: [device, tier]"))
        {
            assertThat(asked(server, token(null), "gold")).as("a client-allowed key under a v1 token").isTrue();
            assertThat(asked(server, token(Map.of("tier", "silver")), "gold")).as("the token still wins").isFalse();
        }
        assertThat(JournalFile.records(dir.resolve("data"), JournalRecordType.SESSION_START).get(0).toString()).contains("\"device\"");
    }

    @Test
    void shouldRefuseATokenWhoseContextWasChangedLikeABadToken() throws Exception
    {
        try (TestServer server = server(dir, ""); TestClient client = server.connect())
        {
            final String signed = token(Map.of("tier", "silver"));
            client.sendHello(null, signed.replace("tier:silver", "tier:gold"));
            assertThat(client.awaitClose()).isEqualTo(1008);
            final JsonNode error = client.drain(100).get(0);
            assertThat(error.get("code").asText()).isEqualTo("unauthorized");
            assertThat(error.get("msg").asText()).isEqualTo(TokenCheck.BAD_SIGNATURE.detail());
        }
    }
}
