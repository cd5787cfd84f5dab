package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcome windows on the real server: forward movement after a question lands in the journal, across a restart too. */
@Timeout(60)
class OutcomeEndToEndTest
{
    @TempDir
    Path dir;

    private static JsonNode askOnFaq(final TestClient client) throws Exception
    {
        client.page("/faq/shipping", "navigate");
        client.send("search", "q", "lamp", "results", 0);
        client.send("search", "q", "lamps", "results", 0);
        return client.next("question");
    }

    static List<JsonNode> outcomes(final Path dataDir) throws Exception
    {
        return JournalFile.records(dataDir, JournalRecordType.OUTCOME);
    }

    @Test
    void shouldJournalAForwardOutcomeNamingWhatWasAskedAndAnswered() throws Exception
    {
        final TestServer server = new TestServer(dir);
        final JsonNode question;
        try (TestClient client = server.connect())
        {
            client.hello(null);
            question = askOnFaq(client);
            client.send("answer", "iid", question.get("iid").asText(), "choice", "order");
            client.next("response");
            client.awaitAck(client.send("page", "url", "/checkout", "nav", "navigate"));
        }
        server.close();
        final List<JsonNode> outcomes = outcomes(server.dataDir());
        assertThat(outcomes).hasSize(1);
        final JsonNode outcome = outcomes.get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("forward");
        assertThat(outcome.get("group").asText()).isEqualTo("shown");
        assertThat(outcome.get("trigger").asText()).isEqualTo("search-dead-ends");
        assertThat(outcome.get("question").asText()).isEqualTo("cant-find");
        assertThat(outcome.get("variant").asText()).isEqualTo("default");
        assertThat(outcome.get("choice").asText()).isEqualTo("order");
        assertThat(outcome.get("response").asText()).isEqualTo("take-your-time");
        assertThat(outcome.get("stuck_kind").asText()).isEqualTo("faq");
        assertThat(outcome.get("iid").asText()).isEqualTo(question.get("iid").asText());
        assertThat(outcome.get("value").asLong()).as("time to forward, ms").isBetween(0L, 30_000L);
    }

    @Test
    void shouldDecideAWindowOpenedBeforeARestart() throws Exception
    {
        final TestServer server = new TestServer(dir);
        final String sid;
        try (TestClient client = server.connect())
        {
            client.hello(null);
            sid = client.sid();
            askOnFaq(client);
        }
        server.restart();
        try (TestClient client = server.connect())
        {
            client.hello(sid);
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));
        }
        server.close();
        assertThat(outcomes(server.dataDir())).singleElement()
            .satisfies(outcome -> assertThat(outcome.get("outcome").asText()).isEqualTo("forward"));
    }
}
