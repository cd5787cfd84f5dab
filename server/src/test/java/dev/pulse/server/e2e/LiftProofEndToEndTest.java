package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.governor.HoldoutDraw;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof through the real server: a catalog holding out half of all visitors, a population of
 * visitors over real WebSockets (each with its own vid, every tenth with a second tab) who go
 * forward with probability {@link #P_SHOWN} when they were shown the question and {@link #P_NOT}
 * when they were held out, then the report read as a product team reads it
 * ({@code GET /admin/report?format=json}, with the read-only report token): its per-visitor lift
 * interval covers the true lift and excludes zero.
 *
 * <p>Time is a {@link FakePulseClock}, so windows complete (outcome window, session expiry, the
 * report's completeness rule) without waiting. The population and its coin flips come from one
 * seed, and each visitor's arm from the server's own draw on its vid, so the whole test is
 * deterministic: it cannot flake. Why it is not a lucky seed: with 400 visitors (~200 per arm) the
 * difference's standard error is sqrt(.6 x .4 / 200 + .3 x .7 / 200) = 0.047, so a 95% interval's
 * half-width is ~0.093; the true lift 0.30 is 6 standard errors from 0, so "excludes 0" holds for
 * all but ~1e-9 of seeds, and "covers 0.30" for 95% of them; seed 14 is the first one tried.
 */
@Timeout(120)
class LiftProofEndToEndTest
{
    private static final double P_SHOWN = 0.60;
    private static final double P_NOT = 0.30;
    private static final int VISITORS = 400;
    private static final long SEED = 14;
    private static final String REPORT_TOKEN = "product-team-reads-only";
    /** A day before now, so the whole run lies in a closed range ending before the report is made. */
    private static final long T0 = (System.currentTimeMillis() / 60_000 - 24 * 60) * 60_000;

    @TempDir
    Path dir;

    private final FakePulseClock clock = new FakePulseClock(T0);

    /** The e2e catalog, half of all visitors held out, short windows so they complete soon on the fake clock. */
    private static String proofCatalog(final String catalog)
    {
        return VisitorHoldoutEndToEndTest.halfHeldOut(catalog)
            .replace("silent_after_dismiss: false", "silent_after_dismiss: false, outcome_window: 1m, session_expiry: 2m");
    }

    @Test
    void shouldReportAPerVisitorLiftWhoseIntervalCoversTheTrueLift() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final TestServer server = new TestServer(dir, builder -> builder.reportToken(REPORT_TOKEN),
            LiftProofEndToEndTest::proofCatalog, clock);
        int shown = 0;
        for (int i = 0; i < VISITORS; i++)
        {
            final String vid = "proof-visitor-" + i;
            try (TestClient client = server.connect().vid(vid))
            {
                client.hello(null);
                if (i % 10 == 0)
                {
                    secondTab(server, vid);
                }
                client.page("/search", "navigate");
                client.send("search", "q", "lamp", "results", 0);
                client.send("search", "q", "lamps", "results", 0);
                final boolean asked = client.untilAck(client.seq()).stream().anyMatch(m -> m.get("t").asText().equals("question"));
                assertThat(asked).as("visitor %d's arm is the draw on its vid", i)
                    .isNotEqualTo(HoldoutDraw.isVisitorHoldout(Hash64.visitor(vid), 500_000));
                shown += asked ? 1 : 0;
                if (random.nextDouble() < (asked ? P_SHOWN : P_NOT))
                {
                    client.awaitAck(client.send("goal", "name", "purchase"));
                }
            }
            clock.advanceMs(1_000);
        }
        // Every window closes (stalled at 1 min, or exited at the 2 min expiry), and the last record
        // is more than any window's outcome window + expiry + the sweeper's minute after the last opening.
        clock.advanceMs(3_600_000);
        awaitOutcomes(server, VISITORS);
        try (TestClient last = server.connect())
        {
            last.hello(null);
        }
        final JsonNode report = report(server, "&from=" + Instant.ofEpochMilli(T0 - 60_000) + "&to=" + Instant.ofEpochMilli(T0 + 2 * 3_600_000));
        final JsonNode live = report(server, "");
        server.close();

        final ReportHeadline headline = ReportHeadline.of(report);
        System.out.println("proof: " + headline + " of " + report.path("observation"));
        assertThat(report.path("observation").path("live").asBoolean()).as("a closed range: the fixed-horizon interval").isFalse();
        assertThat(report.path("headline").path("visitors").asLong()).as("one unit per visitor, tabs merged").isEqualTo(VISITORS);
        assertThat(headline.treated()).isEqualTo(shown);
        assertThat(headline.control()).isEqualTo(VISITORS - shown);
        assertThat(headline.covers(P_SHOWN - P_NOT)).as("%s covers %.2f", headline, P_SHOWN - P_NOT).isTrue();
        assertThat(headline.low()).as("%s excludes 0", headline).isGreaterThan(0);
        final ReportHeadline trigger = ReportHeadline.ofTrigger(report, "search-dead-ends");
        assertThat(trigger.covers(P_SHOWN - P_NOT)).as("the trigger's %s", trigger).isTrue();

        // The live report (an open range, looked at any time) states the anytime-valid interval: wider, still right.
        final ReportHeadline anytime = ReportHeadline.of(live);
        System.out.println("proof, live: " + anytime);
        assertThat(live.path("observation").path("live").asBoolean()).isTrue();
        assertThat(anytime.covers(P_SHOWN - P_NOT)).as("%s covers %.2f", anytime, P_SHOWN - P_NOT).isTrue();
        assertThat(anytime.high() - anytime.low()).isGreaterThan(headline.high() - headline.low());
    }

    private static void secondTab(final TestServer server, final String vid) throws Exception
    {
        try (TestClient tab = server.connect().vid(vid))
        {
            tab.hello(null);
            tab.awaitAck(tab.send("page", "url", "/faq/plans", "nav", "navigate"));
        }
    }

    /** Waits (bounded) until the server has recorded {@code count} outcomes: the sweeper runs on its own thread. */
    private static void awaitOutcomes(final TestServer server, final long count) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (outcomes(server) < count)
        {
            assertThat(System.nanoTime()).as("%d of %d outcomes within 30 s", outcomes(server), count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long outcomes(final TestServer server)
    {
        long total = 0;
        for (final String line : server.server().metrics().prometheusText().split("\n"))
        {
            if (line.startsWith("pulse_outcomes_total{"))
            {
                total += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return total;
    }

    /** The JSON report, read with the report token; {@code range}: "" (open, live) or "&from=...&to=...". */
    private static JsonNode report(final TestServer server, final String range) throws Exception
    {
        final URI uri = URI.create("http://127.0.0.1:" + server.port() + "/admin/report?format=json" + range);
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + REPORT_TOKEN).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body());
    }
}
