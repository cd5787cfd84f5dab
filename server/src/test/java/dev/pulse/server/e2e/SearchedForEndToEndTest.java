package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code when: { searched_for: returns }} on the real server over a WebSocket: a failed search asks
 * only in a session that searched for returns earlier (a search that found something, classified
 * by the server before the text is hashed); the same failed search in a session without one, or
 * after a search of another intent, asks nothing.
 */
@Timeout(60)
class SearchedForEndToEndTest
{
    @TempDir
    Path dir;

    /** The e2e catalog with two intents, and its failed-search trigger gated on a search for returns. */
    private static String gatedOnReturns(final String catalog)
    {
        return catalog
            .replace("    thresholds: { searches: 2, window: 10s }\n",
                "    thresholds: { searches: 1, window: 10s }\n    when: { searched_for: returns }\n")
            .replace("policy:", "intents:\n  returns: [return*, refund*, \"send back\"]\n  warranty: [warrant*, guarantee*, repair*]\npolicy:");
    }

    @Test
    void shouldAskOnlyTheSessionThatSearchedForTheIntent() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder, SearchedForEndToEndTest::gatedOnReturns);
        final String asked;
        try (TestClient withoutIntent = server.connect(); TestClient otherIntent = server.connect(); TestClient returns = server.connect())
        {
            withoutIntent.hello(null);
            withoutIntent.page("/search", "navigate");
            withoutIntent.send("search", "q", "blue socks", "results", 0);
            withoutIntent.assertNoQuestion(500);

            otherIntent.hello(null);
            otherIntent.page("/search", "navigate");
            otherIntent.send("search", "q", "warranty claim", "results", 3);
            otherIntent.send("search", "q", "blue socks", "results", 0);
            otherIntent.assertNoQuestion(500);

            asked = returns.hello(null).get("sid").asText();
            returns.page("/search", "navigate");
            returns.send("search", "q", "How do I send back my order?", "results", 3);
            returns.assertNoQuestion(500);
            returns.send("search", "q", "blue socks", "results", 0);
            assertThat(returns.next("question").get("qid").asText()).isEqualTo("cant-find");
        }
        server.close();

        final List<JsonNode> signals = JournalFile.records(server.dataDir(), JournalRecordType.SIGNAL);
        assertThat(signals).extracting(signal -> signal.get("sid").asText()).containsExactly(asked);
        assertThat(signals.get(0).get("trigger").asText()).isEqualTo("search-dead-ends");
    }
}
