package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trusted context on the real server: a signed token's {@code team_size} counts for a
 * {@code trusted: true} number condition, the page's never does (even where the catalog lets the
 * page set the key), and the response's template is filled with the page's first name on the wire.
 */
@Timeout(60)
class TrustedContextEndToEndTest
{
    private static final SigningKey KEY = SigningKey.parseOrNull("8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90");

    @TempDir
    Path dir;

    private TestServer server() throws Exception
    {
        return new TestServer(dir, builder -> builder.signingKey(KEY), catalog -> catalog
            .replace("    thresholds: { searches: 2, window: 10s }\n    question: cant-find",
                "    thresholds: { searches: 2, window: 10s }\n    when: { trusted: true, number: { team_size: { at_least: 6 } } }\n" +
                "    question: cant-find")
            .replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]\n" +
                "  client_context: [device, team_size, first_name]\n  context_keys: [first_name]")
            .replace("    title: Take your time\n", "    title: \"Take your time, {{first_name|friend}}\"\n"));
    }

    private static String token(final Map<String, String> context)
    {
        final String sid = SessionToken.newSid(new SecureRandom());
        return SessionToken.mint(KEY, "test", sid, System.currentTimeMillis() / 1000 + 3_600, null, context);
    }

    /** A hello with the token and the page's ctx, two failed searches: the question, or null. */
    private static JsonNode question(final TestClient client, final String token, final Map<String, String> pageContext) throws Exception
    {
        final ObjectNode hello = TestClient.JSON.createObjectNode().put("t", "hello").put("v", 1).put("url", "/").put("token", token);
        final ObjectNode ctx = hello.putObject("ctx");
        pageContext.forEach(ctx::put);
        client.sendRaw(hello.toString());
        client.next("welcome");
        client.send("search", "q", "a", "results", 0);
        final long last = client.send("search", "q", "b", "results", 0);
        return client.untilAck(last).stream().filter(message -> message.get("t").asText().equals("question")).findFirst().orElse(null);
    }

    @Test
    void shouldCountTheTokensTeamSizeAndNeverThePages() throws Exception
    {
        try (TestServer server = server())
        {
            try (TestClient client = server.connect())
            {
                assertThat(question(client, token(Map.of()), Map.of("team_size", "8"))).as("the page's 8, allowed but untrusted").isNull();
            }
            try (TestClient client = server.connect())
            {
                assertThat(question(client, token(Map.of("team_size", "3")), Map.of("team_size", "9"))).as("the token's 3 wins").isNull();
            }
            try (TestClient client = server.connect())
            {
                assertThat(question(client, token(Map.of("team_size", "6")), Map.of())).as("the token's 6").isNotNull();
            }
        }
    }

    @Test
    void shouldFillTheResponsesTemplateOnTheWire() throws Exception
    {
        try (TestServer server = server(); TestClient client = server.connect())
        {
            final JsonNode asked = question(client, token(Map.of("team_size", "12")), Map.of("first_name", "Zoë <b>"));
            assertThat(asked).isNotNull();
            client.send("answer", "iid", asked.get("iid").asText(), "choice", "product");
            final JsonNode response = client.next("response");
            assertThat(response.get("title").asText()).isEqualTo("Take your time, Zoë <b>");
        }
    }
}
