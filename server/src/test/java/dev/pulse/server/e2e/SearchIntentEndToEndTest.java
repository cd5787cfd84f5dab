package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.replay.Replay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search intents on the real server over a WebSocket: a search's text is classified before it is
 * hashed, a search of an intent makes that intent's trigger ask, a failed search of another intent
 * does not complete a failed_search narrowed to one, the SIGNAL and RAW_EVENT records carry the
 * intent's name (which a replay numbers in its candidate catalog), and the journal's segment files
 * never hold the words unless clear text is on.
 */
@Timeout(60)
class SearchIntentEndToEndTest
{
    /** Words no record has but a search's text: what the segment bytes must not contain. */
    private static final String SECRET_WORDS = "zebra-striped kettle";
    private static final String RETURN_QUERY = "How do I RETURN the " + SECRET_WORDS + "?";

    @TempDir
    Path dir;

    /** The e2e catalog with intents, an intent trigger, a failed_search narrowed to warranty, and capture on. */
    static String withIntents(final String catalog)
    {
        return catalog
            .replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]\n  capture_events: true")
            .replace("questions:\n", String.join("\n",
                "  - id: return-search",
                "    detector: search_intent",
                "    intent: returns",
                "    thresholds: { count: 1, window: 10m }",
                "    question: cant-find",
                "  - id: warranty-dead-end",
                "    detector: failed_search",
                "    intent: warranty",
                "    thresholds: { searches: 1, window: 10s }",
                "    question: hard-to-decide",
                "questions:",
                ""))
            .replace("policy:", "intents:\n  returns: [return*, refund*, \"send back\"]\n  warranty: [warrant*, guarantee*, repair*]\npolicy:");
    }

    @Test
    void shouldAskTheIntentsQuestionForASearchOfThatIntentAndJournalOnlyTheIntent() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder, SearchIntentEndToEndTest::withIntents);
        final String sid;
        try (TestClient client = server.connect())
        {
            sid = client.hello(null).get("sid").asText();
            client.page("/search", "navigate");
            client.send("search", "q", RETURN_QUERY, "results", 4);
            final JsonNode question = client.next("question");
            assertThat(question.get("qid").asText()).as("a search that found something, of the returns intent").isEqualTo("cant-find");
            client.send("search", "q", "best wireless earbuds under $100", "results", 12);
            client.assertNoQuestion(500);
        }
        server.close();

        final List<JsonNode> signals = JournalFile.records(server.dataDir(), JournalRecordType.SIGNAL);
        assertThat(signals).hasSize(1);
        final JsonNode signal = signals.get(0);
        assertThat(signal.get("sid").asText()).isEqualTo(sid);
        assertThat(signal.get("trigger").asText()).isEqualTo("return-search");
        assertThat(signal.get("detector").asText()).isEqualTo("search_intent");
        assertThat(signal.get("intent").asText()).isEqualTo("returns");
        assertThat(signal.get("query").asText()).as("the text hidden, as before").matches("len=" + RETURN_QUERY.length() + ";hmac=[0-9a-f]{16}");

        final List<JsonNode> searches = JournalFile.records(server.dataDir(), JournalRecordType.RAW_EVENT).stream()
            .filter(raw -> raw.get("event").asText().equals("search")).toList();
        assertThat(searches).hasSize(2);
        assertThat(searches.get(0).toString()).contains("\"intent\"", "\"returns\"");
        assertThat(searches.get(1).toString()).as("no intent, no intent field").doesNotContain("\"intent\"");

        assertThat(segmentText(server.dataDir())).as("the words never reach the disk").doesNotContain("zebra").doesNotContain("kettle")
            .doesNotContain("earbuds").contains("returns");
    }

    @Test
    void shouldKeepTheWordsOnlyWhenTheOperatorTurnedClearTextOn() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder.journalSearchText(true), SearchIntentEndToEndTest::withIntents);
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.send("search", "q", RETURN_QUERY, "results", 4);
            client.next("question");
        }
        server.close();

        final JsonNode signal = JournalFile.records(server.dataDir(), JournalRecordType.SIGNAL).get(0);
        assertThat(signal.get("query").asText()).isEqualTo(RETURN_QUERY);
        assertThat(signal.get("intent").asText()).isEqualTo("returns");
        assertThat(segmentText(server.dataDir())).contains(SECRET_WORDS);
    }

    @Test
    void shouldCountOnlyFailedSearchesOfTheTriggersIntent() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder, catalog -> withIntents(catalog)
            .replace("    intent: returns\n", "    intent: returns\n    mode: off\n")
            .replace("    thresholds: { searches: 2, window: 10s }\n", "    thresholds: { searches: 2, window: 10s }\n    mode: off\n"));
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.send("search", "q", "refund", "results", 0);
            client.assertNoQuestion(500);
            client.send("search", "q", "Warranty claim", "results", 0);
            assertThat(client.next("question").get("qid").asText()).isEqualTo("hard-to-decide");
        }
        server.close();

        final List<JsonNode> signals = JournalFile.records(server.dataDir(), JournalRecordType.SIGNAL);
        assertThat(signals).extracting(s -> s.get("trigger").asText()).containsExactly("warranty-dead-end");
        assertThat(signals.get(0).get("intent").asText()).isEqualTo("warranty");
    }

    @Test
    void shouldReplayTheLiveIntentsByNameInACandidateThatNumbersThemOtherwise() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder, SearchIntentEndToEndTest::withIntents);
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.send("search", "q", RETURN_QUERY, "results", 4);
            // Closed, so the next question is not held back by this one being open.
            client.send("dismiss", "iid", client.next("question").get("iid").asText());
            client.send("search", "q", "warranty claim", "results", 0);
            client.next("question");
        }
        server.close();

        final String liveText = Files.readString(server.catalogFile());
        final Replay live = new Replay(new CatalogLoader().load(server.catalogFile()).catalog()).run(server.dataDir().resolve("journal"));
        assertThat(live.liveDecisions()).contains("return-search").contains("warranty-dead-end");
        assertThat(live.replayedDecisions()).isEqualTo(live.liveDecisions());

        // The same intents listed the other way round: returns is intent 2 there, and is still found by its name.
        final String swapped = liveText.replace(
            "intents:\n  returns: [return*, refund*, \"send back\"]\n  warranty: [warrant*, guarantee*, repair*]\n",
            "intents:\n  warranty: [warrant*, guarantee*, repair*]\n  returns: [return*, refund*, \"send back\"]\n");
        assertThat(swapped).isNotEqualTo(liveText);
        final LoadResult candidate = new CatalogLoader().load("candidate.yaml", swapped);
        assertThat(candidate.ok()).as(candidate.report()).isTrue();
        final Replay replay = new Replay(candidate.catalog()).run(server.dataDir().resolve("journal"));
        assertThat(replay.replayedDecisions()).isEqualTo(live.liveDecisions());
    }

    /** Every segment file's bytes, as ISO-8859-1 text (so any UTF-8 sequence of the words shows as is). */
    private static String segmentText(final Path dataDir) throws Exception
    {
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dataDir.resolve("journal")))
        {
            for (final Path file : files.filter(f -> f.getFileName().toString().endsWith(".journal")).sorted().toList())
            {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(text).as("the journal has segments").isNotEmpty();
        return text.toString();
    }
}
