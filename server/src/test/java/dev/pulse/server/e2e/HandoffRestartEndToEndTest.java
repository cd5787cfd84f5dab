package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.webhook.WebhookReceiver;
import dev.pulse.server.webhook.WebhookVerifier;

import static dev.pulse.server.webhook.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-off's webhook survives a restart as the journal's webhooks do: it is posted from the
 * journal's handoff record by a tail with a saved position, so one the receiver refused until the
 * server stopped is sent after the start, once, signed, under the same id; one refused for all of
 * {@code webhook_max_attempts} tries goes to {@code webhooks/handoff-dead-letter.jsonl}, counted,
 * and is not sent again after a restart.
 */
@Timeout(180)
class HandoffRestartEndToEndTest
{
    private static final String SECRET = "whsec_handoff-restart-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestServer server(final WebhookReceiver receiver, final int maxAttempts) throws Exception
    {
        final Path secretFile = Files.writeString(dir.resolve("webhook.secret"), SECRET + "\n");
        return new TestServer(dir, builder -> builder.webhookSecretFile(secretFile).nodeId("node-r").webhookMaxAttempts(maxAttempts),
            catalog -> HandoffEndToEndTest.withHandoffs(catalog, receiver.url().toString()));
    }

    @Test
    void shouldSendAHandoffRefusedUntilARestartOnceAfterIt() throws Exception
    {
        try (WebhookReceiver receiver = WebhookReceiver.onFreePort().behaviour(n -> 503).start();
            TestServer server = server(receiver, 10))
        {
            final String sid = handoff(server);
            await("the receiver refused the hand-off twice", () -> receiver.requests().size() >= 2);
            server.restart();
            receiver.behaviour(n -> 200);

            await("the hand-off delivered after the restart", () -> receiver.delivered().size() == 1);
            final WebhookReceiver.Request delivered = receiver.delivered().get(0);
            assertThat(new WebhookVerifier(SECRET.getBytes(StandardCharsets.UTF_8), 300)
                .verify(delivered.signature(), delivered.body(), System.currentTimeMillis() / 1000)).as("signed").isTrue();
            assertThat(delivered.event()).isEqualTo("handoff");
            assertThat(delivered.id()).startsWith("node-r/handoff/" + sid + "/");
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::id).as("every try the same delivery").containsOnly(delivered.id());
            final JsonNode body = delivered.json();
            assertThat(body.get("id").asText()).isEqualTo(delivered.id());
            assertThat(body.get("trigger").asText()).isEqualTo("search-dead-ends");
            assertThat(body.get("question").asText()).isEqualTo("cant-find");
            assertThat(body.get("choice").asText()).isEqualTo("order");
            assertThat(body.get("response").asText()).isEqualTo("talk-berlin");
            assertThat(body.get("context").toString()).isEqualTo("{\"device\":\"desktop\"}");
            await("counted", () -> server.metric("pulse_handoff_webhook_delivered_total") == 1);

            // Delivered, then a restart: the saved position is past it. The next hand-off is the only one sent.
            server.restart();
            final String second = handoff(server);
            await("the second hand-off delivered", () -> receiver.delivered().size() == 2);
            assertThat(receiver.delivered().get(1).id()).startsWith("node-r/handoff/" + second + "/");
            assertThat(receiver.delivered()).extracting(WebhookReceiver.Request::id).doesNotHaveDuplicates();
            // The receiver holds the request before its sender has read the answer and counted it.
            await("this run's delivery counted", () -> server.metric("pulse_handoff_webhook_delivered_total") == 1);
            assertThat(server.metric("pulse_handoff_webhook_failed_total")).isZero();
            server.server().close();

            // What the body was made from: the journal's handoff record, with the trigger and the context.
            final JsonNode record = JournalFile.records(server.dataDir(), JournalRecordType.HANDOFF).get(0);
            assertThat(record.get("trigger").asText()).isEqualTo("search-dead-ends");
            assertThat(record.get("channel").asText()).isEqualTo("link+webhook");
            assertThat(record.get("context").toString()).isEqualTo("{\"device\":\"desktop\"}");
        }
    }

    @Test
    void shouldDeadLetterAHandoffAfterItsTriesAndNotSendItAgainAfterARestart() throws Exception
    {
        try (WebhookReceiver receiver = WebhookReceiver.onFreePort().behaviour(n -> 503).start();
            TestServer server = server(receiver, 2))
        {
            final String sid = handoff(server);
            await("dead-lettered after two tries", () -> server.metric("pulse_handoff_webhook_failed_total") == 1);
            assertThat(receiver.requests()).hasSize(2);
            assertThat(server.metric("pulse_handoff_webhook_delivered_total")).isZero();
            final List<String> lines = Files.readAllLines(server.dataDir().resolve("webhooks/handoff-dead-letter.jsonl"));
            assertThat(lines).hasSize(1);
            final JsonNode letter = JSON.readTree(lines.get(0));
            assertThat(letter.get("id").asText()).startsWith("node-r/handoff/" + sid + "/").isEqualTo(receiver.requests().get(0).id());
            assertThat(letter.get("event").asText()).isEqualTo("handoff");
            assertThat(letter.get("url").asText()).isEqualTo(receiver.url().toString());
            assertThat(letter.get("attempts").asInt()).isEqualTo(2);
            assertThat(letter.get("last_error").asText()).isEqualTo("HTTP 503");
            assertThat(letter.get("body").get("response").asText()).isEqualTo("talk-berlin");

            server.restart();
            receiver.behaviour(n -> 200);
            final String second = handoff(server);
            await("the second hand-off delivered", () -> receiver.delivered().size() == 1);
            assertThat(receiver.delivered().get(0).id()).startsWith("node-r/handoff/" + second + "/");
            assertThat(receiver.requests()).as("the dead-lettered one's two tries, the second's one").hasSize(3);
        }
    }

    /** A session that answers the hand-off's question; its sid. */
    private static String handoff(final TestServer server) throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.send("search", "q", "lamp", "results", 0);
            client.send("search", "q", "lamps", "results", 0);
            final JsonNode question = client.next("question");
            client.send("answer", "iid", question.get("iid").asText(), "choice", "order");
            assertThat(client.next("response").get("kind").asText()).isEqualTo("handoff");
            return client.sid();
        }
    }
}
