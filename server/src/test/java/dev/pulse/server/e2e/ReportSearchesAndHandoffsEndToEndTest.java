package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.report.HandoffFigures;
import dev.pulse.report.JournalReportReader;
import dev.pulse.report.Proportion;
import dev.pulse.report.Report;
import dev.pulse.report.ReportRange;
import dev.pulse.report.Searches;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The report's searches by intent and hand-off view read the records a real server writes: two
 * sessions search over a WebSocket (capture on, the catalog's intents), a search of no intent and one
 * of "returns" each make a search trigger ask, and their answers offer a hand-off while someone is
 * available (Berlin, Monday 10:00) and while no one is (New York, 04:00 then).
 */
@Timeout(120)
class ReportSearchesAndHandoffsEndToEndTest
{
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void shouldCountTheServersSearchesByIntentAndItsHandoffsByAvailability() throws Exception
    {
        final long monday10 = ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
        final FakePulseClock clock = new FakePulseClock(monday10);
        final TestServer server = new TestServer(dir, builder -> builder,
            catalog -> SearchIntentEndToEndTest.withIntents(HandoffEndToEndTest.withHandoffs(catalog, null)), clock);
        try
        {
            try (TestClient client = server.connect())
            {
                client.hello(null);
                client.send("search", "q", "lamp", "results", 0);
                client.send("search", "q", "lamps", "results", 0);
                answer(client, "order", true);
            }
            try (TestClient client = server.connect())
            {
                client.hello(null);
                client.send("search", "q", "How do I return the lamp?", "results", 4);
                answer(client, "gift", false);
            }
        }
        finally
        {
            server.close();
        }

        final Report report = JournalReportReader.read(server.dataDir().resolve("journal"), ReportRange.ALL, monday10 + 3_600_000L);
        assertThat(report.searches().daysCaptured()).isEqualTo(1);
        assertThat(report.searches().intents()).extracting(Searches.Intent::intent, Searches.Intent::searches, Searches.Intent::sessions,
            Searches.Intent::failed, Searches.Intent::asked).containsExactly(
                tuple("returns", 1L, 1L, new Proportion(0, 1), 1L),
                tuple(Searches.NO_INTENT, 2L, 1L, new Proportion(2, 2), 1L));
        assertThat(report.handoffs()).extracting(HandoffFigures::response, HandoffFigures::availability, HandoffFigures::channel,
            HandoffFigures::offered).containsExactly(
                tuple("talk-berlin", "available", "link", 1L),
                tuple("talk-newyork", "unavailable", "link", 1L));
    }

    /** Answers the search's question with {@code choice}, whose response is a hand-off, offered while someone is {@code available}. */
    private static void answer(final TestClient client, final String choice, final boolean available) throws Exception
    {
        final JsonNode question = client.next("question");
        assertThat(question.get("qid").asText()).isEqualTo("cant-find");
        client.send("answer", "iid", question.get("iid").asText(), "choice", choice);
        final JsonNode response = client.next("response");
        assertThat(response.get("kind").asText()).isEqualTo("handoff");
        assertThat(response.get("handoff").get("available").asBoolean()).isEqualTo(available);
    }
}
