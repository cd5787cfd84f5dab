package dev.pulse.server.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.PulseMain;
import dev.pulse.server.ServerLauncher;
import dev.pulse.server.replay.Replay;

import static org.assertj.core.api.Assertions.assertThat;

/** Captured traffic replayed offline: the live catalog repeats the live decisions exactly; a candidate shows what it would change. */
@Timeout(120)
class ReplayEndToEndTest
{
    @TempDir
    Path dir;

    /**
     * The e2e catalog with capture on, a 50% holdout, an idle trigger on the cart (and one for a cart
     * scrolled back up twice) and a shadow rage-click trigger.
     */
    private static String capturingCatalog(final String original)
    {
        return original
            .replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]\n  capture_events: true")
            .replace("holdout: 0%", "holdout: 50%")
            .replace("questions:", String.join("\n",
                "  - id: idle-cart",
                "    detector: idle_on_key_page",
                "    thresholds: { idle: 1s }",
                "    pages: [cart]",
                "    question: cant-find",
                "  - id: reread-cart",
                "    detector: idle_on_key_page",
                "    thresholds: { idle: 1s }",
                "    pages: [cart]",
                "    when: { scrolled_back: 2 }",
                "    priority: 5",
                "    question: cant-find",
                "  - id: rage",
                "    detector: rage_click",
                "    mode: shadow",
                "    question: hard-to-decide",
                "questions:"));
    }

    @Test
    void shouldRepeatTheLiveDecisionsExactlyWithTheLiveCatalog() throws Exception
    {
        final TestServer server = new TestServer(dir);
        Files.writeString(server.catalogFile(), capturingCatalog(Files.readString(server.catalogFile())));
        server.restart();
        final String firstSid;
        for (int session = 0; session < 8; session++)
        {
            try (TestClient client = server.connect())
            {
                client.hello(null);
                client.page("/pricing", "navigate");
                client.page("/faq/plans", "navigate");
                for (int i = 0; i < 3; i++)
                {
                    client.page("/pricing", "back");
                    client.page("/faq/plans", "forward");
                }
                client.send("search", "q", "lamp", "results", 0);
                final long last = client.send("search", "q", "lamps", "results", 0);
                for (final JsonNode message : client.untilAck(last))
                {
                    if (message.get("t").asText().equals("question"))
                    {
                        if (session % 2 == 0)
                        {
                            client.send("answer", "iid", message.get("iid").asText(), "choice", message.get("choices").get(0).get("id").asText());
                        }
                        else
                        {
                            client.send("dismiss", "iid", message.get("iid").asText());
                        }
                    }
                }
                client.send("click", "target", "#buy", "x", 10, "y", 10);
                client.send("click", "target", "#buy", "x", 11, "y", 10);
                client.send("click", "target", "#buy", "x", 12, "y", 11);
                client.page("/cart", "navigate");
                for (int scroll = 0; scroll < session % 3; scroll++)
                {
                    client.send("scroll_back");
                }
                client.untilAck(client.send("active"));
                Thread.sleep(1_300);
                client.untilAck(client.send("goal", "name", "purchase"));
            }
        }
        try (TestClient first = server.connect())
        {
            first.hello(null);
            firstSid = first.sid();
            first.untilAck(first.send("page", "url", "/pricing", "nav", "navigate"));
        }
        try (TestClient resumed = server.connect())
        {
            resumed.hello(firstSid);
            resumed.untilAck(resumed.send("page", "url", "/checkout", "nav", "navigate"));
        }
        server.close();

        final LoadResult live = new CatalogLoader().load(server.catalogFile());
        final Replay replay = new Replay(live.catalog()).run(server.dataDir().resolve("journal"));
        assertThat(replay.rawEvents()).isGreaterThan(100);
        assertThat(replay.liveDecisions()).contains(" shown\n").contains(" holdout\n").contains(" shadow\n");
        assertThat(replay.liveDecisions()).contains("idle-cart");
        assertThat(replay.liveDecisions()).as("sessions 2 and 5 scrolled back up twice on the cart").contains("reread-cart");
        assertThat(replay.replayedDecisions()).isEqualTo(replay.liveDecisions());
        server.start();
        server.close();
    }

    @Test
    void shouldLeaveAnErasedSessionOutOfTheReplay() throws Exception
    {
        final TestServer server = new TestServer(dir);
        Files.writeString(server.catalogFile(), capturingCatalog(Files.readString(server.catalogFile())).replace("holdout: 50%", "holdout: 0%"));
        server.restart();
        final String erased;
        final String kept;
        try (TestClient first = server.connect(); TestClient second = server.connect())
        {
            for (final TestClient client : List.of(first, second))
            {
                client.hello(null);
                client.page("/search", "navigate");
                client.send("search", "q", "lamp", "results", 0);
                client.untilAck(client.send("search", "q", "lamps", "results", 0));
            }
            erased = first.sid();
            kept = second.sid();
            assertThat(ErasureEndToEndTest.admin(server, "DELETE", "/admin/sessions/" + erased).statusCode()).isEqualTo(204);
        }
        server.close();
        final long keptRawEvents = JournalFile.records(server.dataDir(), JournalRecordType.RAW_EVENT).stream()
            .filter(record -> record.get("sid").asText().equals(kept)).count();

        final Replay replay = new Replay(new CatalogLoader().load(server.catalogFile()).catalog()).run(server.dataDir().resolve("journal"));

        assertThat(replay.rawEvents()).isEqualTo(keptRawEvents).isPositive();
        assertThat(replay.liveDecisions()).contains("search-dead-ends").doesNotContain(hexSid(erased));
        assertThat(replay.replayedDecisions()).isEqualTo(replay.liveDecisions());
        server.start();
        server.close();
    }

    /** A sid as the replay's decisions print it: each half in hex without leading zeros. */
    private static String hexSid(final String sid)
    {
        return Long.toHexString(Long.parseUnsignedLong(sid.substring(0, 16), 16)) + Long.toHexString(Long.parseUnsignedLong(sid.substring(16), 16));
    }

    @Test
    void shouldShowWhatACandidateCatalogWouldHaveAsked() throws Exception
    {
        final TestServer server = new TestServer(dir);
        Files.writeString(server.catalogFile(), capturingCatalog(Files.readString(server.catalogFile())).replace("holdout: 50%", "holdout: 0%"));
        server.restart();
        for (int session = 0; session < 3; session++)
        {
            try (TestClient client = server.connect())
            {
                client.hello(null);
                client.page("/search", "navigate");
                client.untilAck(client.send("search", "q", "lamp", "results", 0));
            }
        }
        server.close();
        final Path candidate = dir.resolve("candidate.yaml");
        Files.writeString(candidate, Files.readString(server.catalogFile()).replace("thresholds: { searches: 2, window: 10s }",
            "thresholds: { searches: 1, window: 10s }"));

        final StringWriter out = new StringWriter();
        final CommandLine command = PulseMain.commandLine(ServerLauncher.pulseServer(), java.util.Map.of());
        command.setOut(new PrintWriter(out));
        final int status = PulseMain.execute(command, "replay", "--data", server.dataDir().toString(), "--catalog", candidate.toString());
        assertThat(status).isZero();
        assertThat(out.toString()).containsPattern("search-dead-ends\\s+0\\s+3\\s+0/0/0\\s+3/0/0");
        server.start();
        server.close();
    }
}
