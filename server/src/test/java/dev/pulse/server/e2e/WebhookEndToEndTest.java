package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.webhook.WebhookReceiver;
import dev.pulse.server.webhook.WebhookVerifier;

import static dev.pulse.server.webhook.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks from a real server: a client's answer, the response shown and the outcome reach a
 * receiver on loopback that first fails, signed and in order, named by their record ids; a dismiss
 * made while the receiver is down (connections refused) is delivered after the server restarts.
 */
@Timeout(120)
class WebhookEndToEndTest
{
    private static final String SECRET = "whsec_e2e-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    void shouldPostASessionsRecordsSignedInOrderAndResumeAfterARestart() throws Exception
    {
        final Path secretFile = Files.writeString(dir.resolve("webhook.secret"), SECRET + "\n");
        try (WebhookReceiver receiver = WebhookReceiver.onFreePort().behaviour(n -> n <= 2 ? 500 : 200).start())
        {
            final TestServer server = new TestServer(dir, builder -> builder.webhookUrl(receiver.url().toString())
                .webhookSecretFile(secretFile).nodeId("node-e2e").webhookMaxAttempts(20));
            try
            {
                final String sid;
                try (TestClient client = server.connect())
                {
                    client.hello(null);
                    sid = client.sid();
                    client.page("/faq/shipping", "navigate");
                    client.send("search", "q", "lamp", "results", 0);
                    client.send("search", "q", "lamps", "results", 0);
                    final JsonNode question = client.next("question");
                    client.send("answer", "iid", question.get("iid").asText(), "choice", "order");
                    client.next("response");
                    client.awaitAck(client.send("page", "url", "/checkout", "nav", "navigate"));
                }
                await("answer, response and outcome delivered", () -> receiver.delivered().size() == 3);
                final List<WebhookReceiver.Request> delivered = receiver.delivered();
                assertThat(delivered).extracting(WebhookReceiver.Request::event).containsExactly("answer", "response", "outcome");
                final WebhookVerifier verifier = new WebhookVerifier(SECRET.getBytes(StandardCharsets.UTF_8), 300);
                for (final WebhookReceiver.Request request : receiver.requests())
                {
                    assertThat(verifier.verify(request.signature(), request.body(), System.currentTimeMillis() / 1000)).isTrue();
                    assertThat(request.id()).startsWith("node-e2e/").isEqualTo(request.json().get("id").asText());
                    assertThat(request.json().get("sid").asText()).isEqualTo(sid);
                }
                assertThat(delivered.get(0).json().get("choice").asText()).isEqualTo("order");
                assertThat(delivered.get(2).json().get("outcome").asText()).isEqualTo("forward");
                assertThat(receiver.requests()).as("two failed tries first").hasSize(5);
                // The receiver holds a request before its sender has read the answer and counted it.
                await("the third delivery counted", () -> server.metric("pulse_webhook_delivered_total") == 3);
                assertThat(server.metric("pulse_webhook_failed_attempts_total")).isEqualTo(2);

                receiver.stop();
                final String secondSid;
                try (TestClient client = server.connect())
                {
                    client.hello(null);
                    secondSid = client.sid();
                    client.backAndForth();
                    final JsonNode question = client.next("question");
                    client.awaitAck(client.send("dismiss", "iid", question.get("iid").asText()));
                }
                await("the dismiss tried", () -> server.metric("pulse_webhook_failed_attempts_total") > 2);
                server.restart();
                receiver.start();
                await("the dismiss delivered after the restart", () -> receiver.delivered().stream()
                    .anyMatch(request -> request.event().equals("dismiss")));
                assertThat(receiver.delivered()).filteredOn(request -> request.event().equals("dismiss")).allSatisfy(request ->
                    assertThat(request.json().get("sid").asText()).isEqualTo(secondSid));
            }
            finally
            {
                server.close();
            }
        }
    }
}
