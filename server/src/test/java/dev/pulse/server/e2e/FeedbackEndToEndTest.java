package dev.pulse.server.e2e;

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
 * "Did this help?" through the real server: a response asks it when the catalog says so, the answer
 * is taken once and only for a response this session was shown, journaled as FEEDBACK with what it
 * rates, captured and replayed; it never closes or moves an outcome window.
 */
@Timeout(60)
class FeedbackEndToEndTest
{
    private static final String ORIGINS = "  origins: [http://localhost, http://127.0.0.1]";

    @TempDir
    Path dir;

    /** The e2e catalog with feedback on for the site, off for one response, and raw events captured. */
    private TestServer server() throws Exception
    {
        return new TestServer(dir, builder -> builder, catalog -> catalog
            .replace(ORIGINS, ORIGINS + "\n  feedback: true\n  capture_events: true\n  feedback_copy: { question: \"Was this useful?\" }")
            .replace("    body: Annual billing saves 20%.\n", "    body: Annual billing saves 20%.\n    feedback: false\n"));
    }

    /** A failed-search question answered: its response. */
    private static JsonNode answered(final TestClient client, final String choice) throws Exception
    {
        client.send("search", "q", "lamp", "results", 0);
        client.send("search", "q", "lamps", "results", 0);
        final JsonNode question = client.next("question");
        client.send("answer", "iid", question.get("iid").asText(), "choice", choice);
        return client.next("response");
    }

    @Test
    void shouldAskTakeOnceJournalCaptureAndReplayTheFeedback() throws Exception
    {
        try (TestServer server = server())
        {
            shouldAskTakeOnceJournalCaptureAndReplay(server);
        }
    }

    private static void shouldAskTakeOnceJournalCaptureAndReplay(final TestServer server) throws Exception
    {
        final String iid;
        try (TestClient client = server.connect())
        {
            client.hello(null);
            final JsonNode response = answered(client, "gift");
            assertThat(response.get("feedback").asBoolean()).isTrue();
            assertThat(response.get("feedback_copy").get("question").asText()).isEqualTo("Was this useful?");
            assertThat(response.get("feedback_copy").get("yes").asText()).as("the default wording kept").isEqualTo("Yes");
            assertThat(response.get("feedback_copy").get("no").asText()).isEqualTo("No");
            assertThat(response.get("feedback_copy").get("thanks").asText()).isNotBlank();
            iid = response.get("iid").asText();

            client.awaitAck(client.send("feedback", "iid", iid, "helpful", false));
            client.send("feedback", "iid", iid, "helpful", true);
            final JsonNode second = client.next("error");
            assertThat(second.get("code").asText()).as("a second answer is refused").isEqualTo("unknown_intervention");
            assertThat(second.get("seq").asLong()).isEqualTo(client.seq());
            assertThat(second.get("msg").asText()).contains("already rated");
            client.awaitAck(client.send("page", "url", "/checkout", "nav", "navigate"));
        }
        server.close();

        final List<JsonNode> feedback = JournalFile.records(server.dataDir(), JournalRecordType.FEEDBACK);
        assertThat(feedback).hasSize(1);
        final JsonNode record = feedback.get(0);
        assertThat(record.get("code").asInt()).as("0 is no").isZero();
        assertThat(record.get("iid").asText()).isEqualTo(iid);
        assertThat(record.get("question").asText()).isEqualTo("cant-find");
        assertThat(record.get("choice").asText()).isEqualTo("gift");
        assertThat(record.get("response").asText()).isEqualTo("take-your-time");
        assertThat(JournalFile.records(server.dataDir(), JournalRecordType.RAW_EVENT).stream()
            .filter(raw -> raw.get("fields").has("helpful")).map(raw -> raw.get("fields").get("helpful").asText()))
            .as("both feedbacks captured, the refused one too, as every handled message is").containsExactly("false", "true");

        final Replay replay = new Replay(new CatalogLoader().load(server.catalogFile()).catalog()).run(server.dataDir().resolve("journal"));
        assertThat(replay.replayedDecisions()).isEqualTo(replay.liveDecisions());
        server.start();
        server.close();
    }

    @Test
    void shouldRefuseFeedbackOnAResponseNeverShownOrThatDoesNotAsk() throws Exception
    {
        try (TestServer server = server(); TestClient client = server.connect())
        {
            client.hello(null);
            client.send("feedback", "iid", "1", "helpful", true);
            assertThat(client.next("error").get("code").asText()).as("nothing shown yet").isEqualTo("unknown_intervention");

            final JsonNode question;
            client.send("search", "q", "lamp", "results", 0);
            client.send("search", "q", "lamps", "results", 0);
            question = client.next("question");
            client.send("feedback", "iid", question.get("iid").asText(), "helpful", true);
            assertThat(client.next("error").get("code").asText()).as("a question is not a response").isEqualTo("unknown_intervention");

            client.send("feedback", "iid", "999", "helpful", true);
            assertThat(client.next("error").get("code").asText()).as("an unknown iid").isEqualTo("unknown_intervention");
            client.send("feedback", "iid", "not-a-number", "helpful", true);
            assertThat(client.next("error").get("code").asText()).isEqualTo("unknown_intervention");

            client.send("feedback", "iid", question.get("iid").asText());
            final JsonNode missing = client.next("error");
            assertThat(missing.get("code").asText()).isEqualTo("bad_message");
            assertThat(missing.get("msg").asText()).contains("helpful");
            client.send("feedback", "iid", question.get("iid").asText(), "helpful", "yes");
            assertThat(client.next("error").get("code").asText()).as("helpful is a JSON boolean").isEqualTo("bad_message");
            client.send("feedback", "helpful", true);
            assertThat(client.next("error").get("code").asText()).isEqualTo("bad_message");
            assertThat(client.closed()).isFalse();
        }
    }

    @Test
    void shouldNotAskUnderAResponseThatTurnsItOffAndRefuseFeedbackOnIt() throws Exception
    {
        try (TestServer server = server(); TestClient client = server.connect())
        {
            client.hello(null);
            client.backAndForth();
            final JsonNode question = client.next("question");
            client.send("answer", "iid", question.get("iid").asText(), "choice", "price");
            final JsonNode response = client.next("response");
            assertThat(response.has("feedback")).as("pricing-value says feedback: false").isFalse();
            assertThat(response.has("feedback_copy")).isFalse();
            client.send("feedback", "iid", response.get("iid").asText(), "helpful", true);
            assertThat(client.next("error").get("code").asText()).isEqualTo("unknown_intervention");
        }
    }

    @Test
    void shouldLeaveOutcomeWindowsAsTheyWouldBeWithoutFeedback() throws Exception
    {
        try (TestServer server = server())
        {
            shouldLeaveOutcomeWindows(server);
        }
    }

    private static void shouldLeaveOutcomeWindows(final TestServer server) throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.hello(null);
            final JsonNode response = answered(client, "order");
            client.awaitAck(client.send("feedback", "iid", response.get("iid").asText(), "helpful", true));
            client.assertNoQuestion(300);
        }
        server.close();
        assertThat(JournalFile.records(server.dataDir(), JournalRecordType.OUTCOME))
            .as("a feedback is not forward movement: the window is still undecided").isEmpty();
        final List<JsonNode> feedback = JournalFile.records(server.dataDir(), JournalRecordType.FEEDBACK);
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).get("code").asInt()).as("1 is yes").isEqualTo(1);
    }
}
