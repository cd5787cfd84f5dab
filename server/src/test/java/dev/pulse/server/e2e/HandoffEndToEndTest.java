package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.browser.Journal;
import dev.pulse.server.testing.FakePulseClock;
import dev.pulse.server.webhook.WebhookReceiver;
import dev.pulse.server.webhook.WebhookVerifier;

import static dev.pulse.server.webhook.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-offs through a real server on a fake clock: the response says whether someone is available
 * by the office hours at that moment (the opening minute in, the closing minute out, another day,
 * another zone), the journal has a handoff record for each, and a hand-off's webhook reaches a
 * receiver on loopback signed, after a first failure.
 */
@Timeout(120)
class HandoffEndToEndTest
{
    private static final String SECRET = "whsec_handoff-secret-0123456789";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldSayWhetherSomeoneIsAvailableAtTheHoursExactEdges() throws Exception
    {
        final FakePulseClock clock = new FakePulseClock(berlin(7, 8, 0));
        final TestServer server = new TestServer(dir, builder -> builder, catalog -> withHandoffs(catalog, null), clock);
        try
        {
            // Monday 7 December 2026, Berlin: 09:00 opens, 17:00 closes.
            assertUnavailable(handoffAt(server, clock, berlin(7, 9, 0) - 1, "order"), "No one is available right now.",
                "mon-fri 09:00-17:00 (Europe/Berlin)");
            assertAvailable(handoffAt(server, clock, berlin(7, 9, 0), "order"), "Chat with us", "https://chat.test.example/start");
            assertAvailable(handoffAt(server, clock, berlin(7, 17, 0) - 1, "order"), "Chat with us", "https://chat.test.example/start");
            assertUnavailable(handoffAt(server, clock, berlin(7, 17, 0), "order"), "No one is available right now.",
                "mon-fri 09:00-17:00 (Europe/Berlin)");
            // Another day: Saturday at noon.
            assertUnavailable(handoffAt(server, clock, berlin(12, 12, 0), "order"), "No one is available right now.",
                "mon-fri 09:00-17:00 (Europe/Berlin)");
            // Another zone: Monday 09:00 in Berlin is 03:00 in New York, whose team keeps the same hours; 15:00 Berlin is 09:00 there.
            assertUnavailable(handoffAt(server, clock, berlin(7, 9, 0), "gift"), "Our New York team is away.",
                "mon-fri 09:00-17:00 (America/New_York)");
            assertAvailable(handoffAt(server, clock, berlin(7, 15, 0), "gift"), "Call us", "https://call.test.example/");

            final List<JsonNode> records = handoffRecords(server.dataDir());
            assertThat(records).extracting(record -> record.get("code").asInt()).containsExactly(0, 1, 1, 0, 0, 0, 1);
            assertThat(records.get(1).toString()).contains("cant-find", "order", "talk-berlin", "\"channel\":\"link\"");
            assertThat(records.get(6).toString()).contains("gift", "talk-newyork", "\"link\"");
        }
        finally
        {
            server.close();
        }
    }

    @Test
    void shouldPostAHandoffSignedToItsWebhookAndTryAgainAfterAFailure() throws Exception
    {
        final Path secretFile = Files.writeString(dir.resolve("webhook.secret"), SECRET + "\n");
        try (WebhookReceiver receiver = WebhookReceiver.onFreePort().behaviour(n -> n == 1 ? 503 : 200).start())
        {
            final FakePulseClock clock = new FakePulseClock(berlin(7, 10, 0));
            final TestServer server = new TestServer(dir, builder -> builder.webhookSecretFile(secretFile).nodeId("node-h")
                .webhookMaxAttempts(5), catalog -> withHandoffs(catalog, receiver.url().toString()), clock);
            try
            {
                final JsonNode response;
                final String sid;
                try (TestClient client = server.connect())
                {
                    client.hello(null);
                    sid = client.sid();
                    response = answer(client, "order");
                }
                assertAvailable(response, "Chat with us", "https://chat.test.example/start");
                await("the hand-off delivered after a failed try", () -> receiver.delivered().size() == 1);
                assertThat(receiver.requests()).hasSize(2);
                final WebhookVerifier verifier = new WebhookVerifier(SECRET.getBytes(StandardCharsets.UTF_8), 300);
                for (final WebhookReceiver.Request request : receiver.requests())
                {
                    assertThat(verifier.verify(request.signature(), request.body(), System.currentTimeMillis() / 1000)).isTrue();
                    assertThat(request.event()).isEqualTo("handoff");
                }
                assertThat(verifier.verify(receiver.requests().get(1).signature(), "{}".getBytes(StandardCharsets.UTF_8),
                    System.currentTimeMillis() / 1000)).as("the signature covers the body").isFalse();
                final JsonNode body = receiver.delivered().get(0).json();
                assertThat(body.get("id").asText()).startsWith("node-h/handoff/" + sid + "/").isEqualTo(receiver.delivered().get(0).id());
                assertThat(body.get("sid").asText()).isEqualTo(sid);
                assertThat(body.get("trigger").asText()).isEqualTo("search-dead-ends");
                assertThat(body.get("question").asText()).isEqualTo("cant-find");
                assertThat(body.get("choice").asText()).isEqualTo("order");
                assertThat(body.get("response").asText()).isEqualTo("talk-berlin");
                assertThat(body.get("available").asBoolean()).isTrue();
                assertThat(body.get("time_ms").asLong()).as("the answer's time by the server's clock").isEqualTo(berlin(7, 10, 0));
                assertThat(body.get("context").toString()).isEqualTo("{\"device\":\"desktop\"}");
                // The receiver holds the request before its sender has read the answer and counted it.
                await("counted", () -> server.metric("pulse_handoff_webhook_delivered_total") == 1);
                assertThat(server.metric("pulse_handoff_webhook_failed_total")).isZero();
            }
            finally
            {
                server.close();
            }
        }
    }

    @Test
    void shouldOfferTheHandoffEvenWithoutASecretToSignItsWebhook() throws Exception
    {
        try (WebhookReceiver receiver = WebhookReceiver.onFreePort().start())
        {
            final FakePulseClock clock = new FakePulseClock(berlin(7, 10, 0));
            final TestServer server = new TestServer(dir, builder -> builder, catalog -> withHandoffs(catalog, receiver.url().toString()),
                clock);
            try (TestClient client = server.connect())
            {
                client.hello(null);
                assertAvailable(answer(client, "order"), "Chat with us", "https://chat.test.example/start");
                client.awaitAck(client.send("page", "url", "/faq", "nav", "navigate"));
                assertThat(receiver.requests()).as("never an unsigned webhook").isEmpty();
                assertThat(server.metric("pulse_handoff_webhook_refused_total")).isEqualTo(1);
            }
            finally
            {
                server.close();
            }
        }
    }

    private static JsonNode handoffAt(final TestServer server, final FakePulseClock clock, final long wallMs, final String choice)
        throws Exception
    {
        clock.stepWallMs(wallMs - clock.wallMs());
        try (TestClient client = server.connect())
        {
            client.hello(null);
            return answer(client, choice);
        }
    }

    private static JsonNode answer(final TestClient client, final String choice) throws Exception
    {
        client.send("search", "q", "lamp", "results", 0);
        client.send("search", "q", "lamps", "results", 0);
        final JsonNode question = client.next("question");
        client.send("answer", "iid", question.get("iid").asText(), "choice", choice);
        return client.next("response");
    }

    private static void assertAvailable(final JsonNode response, final String label, final String url)
    {
        assertThat(response.get("kind").asText()).isEqualTo("handoff");
        final JsonNode handoff = response.get("handoff");
        assertThat(handoff.get("available").asBoolean()).as(response.toString()).isTrue();
        assertThat(handoff.get("label").asText()).isEqualTo(label);
        assertThat(handoff.get("url").asText()).isEqualTo(url);
        assertThat(handoff.has("unavailable")).as("no 'no one is available' while someone is").isFalse();
    }

    private static void assertUnavailable(final JsonNode response, final String text, final String hours)
    {
        assertThat(response.get("kind").asText()).isEqualTo("handoff");
        final JsonNode handoff = response.get("handoff");
        assertThat(handoff.get("available").asBoolean()).as(response.toString()).isFalse();
        assertThat(handoff.get("unavailable").asText()).isEqualTo(text);
        assertThat(handoff.get("hours").asText()).isEqualTo(hours);
        assertThat(handoff.has("url")).as("no link to a chat no one answers").isFalse();
    }

    private static List<JsonNode> handoffRecords(final Path dataDir) throws Exception
    {
        await("the handoff records written", () -> Journal.lines(dataDir).stream().filter(line -> line.contains("\"handoff\"")).count() >= 7);
        final List<JsonNode> records = new java.util.ArrayList<>();
        for (final String line : Journal.lines(dataDir))
        {
            final JsonNode record = JSON.readTree(line);
            if (record.get("type").asText().equals("handoff"))
            {
                records.add(record);
            }
        }
        return records;
    }

    /** The e2e catalog with "My order" routed to a Berlin hand-off (webhook to {@code webhookUrl} if not null) and "A gift" to a New York one. */
    static String withHandoffs(final String catalog, final String webhookUrl)
    {
        return catalog
            .replace("{ id: order, label: \"My order\", response: take-your-time }", "{ id: order, label: \"My order\", response: talk-berlin }")
            .replace("{ id: gift, label: \"A gift\", response: take-your-time }", "{ id: gift, label: \"A gift\", response: talk-newyork }")
            .replace("policy:", String.join("\n",
                "  - id: talk-berlin",
                "    kind: handoff",
                "    title: Talk to a person",
                "    body: Our team can help.",
                "    approved: { by: Test, at: 2026-11-24 }",
                "    handoff:",
                "      link: { label: Chat with us, url: \"https://chat.test.example/start\" }",
                webhookUrl == null ? "" : "      webhook: \"" + webhookUrl + "\"",
                "      hours: { days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:00\", zone: Europe/Berlin }",
                "      unavailable: No one is available right now.",
                "  - id: talk-newyork",
                "    kind: handoff",
                "    title: Call our New York team",
                "    body: They know the American plans.",
                "    approved: { by: Test, at: 2026-11-24 }",
                "    handoff:",
                "      link: { label: Call us, url: \"https://call.test.example/\" }",
                "      hours: { days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:00\", zone: America/New_York }",
                "      unavailable: Our New York team is away.",
                "policy:"));
    }

    private static long berlin(final int day, final int hour, final int minute)
    {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, BERLIN).toInstant().toEpochMilli();
    }
}
