package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.report.CsvTable;
import dev.pulse.report.JournalDamage;
import dev.pulse.report.ReportTesting;
import dev.pulse.report.TestJournal;
import dev.pulse.server.http.HttpRoutes;
import dev.pulse.server.http.ReportWorker;
import dev.pulse.server.http.RouteContext;
import dev.pulse.server.metrics.Metrics;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /admin/report} on the server's HTTP routes: behind the admin token, made off the event loop. */
class ReportRouteTest
{
    private static final String TOKEN = "s3cret-admin-token";
    private static final LoadResult DEMO = new CatalogLoader().loadDemo();

    @TempDir
    Path dir;

    private final Metrics metrics = new Metrics();
    private final List<Runnable> blockingTasks = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void writeJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            for (int i = 0; i < 30; i++)
            {
                ReportTesting.shownWindow(journal, NOV_24 + i * 60_000L, i, "leaving-checkout", "a", null,
                    i < 9 ? OutcomeKind.FORWARD : OutcomeKind.EXITED, 40_000);
                ReportTesting.unshownWindow(journal, NOV_24 + i * 60_000L, 100 + i, "leaving-checkout", OutcomeGroup.HOLDOUT,
                    i < 6 ? OutcomeKind.FORWARD : OutcomeKind.EXITED, 40_000);
            }
            // A record the next day ends observation there: every window above is complete (opened 41 minutes before it or more).
            journal.sessionEnd(NOV_24 + 86_400_000L, 0);
        }
        channel = channel(TOKEN, Runnable::run);
    }

    @AfterEach
    void checkNothingEscaped()
    {
        channel.checkException();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldAnswer401WithoutTheAdminToken()
    {
        final FullHttpResponse anonymous = exchange(request(HttpMethod.GET, "/admin/report", null));
        final FullHttpResponse wrong = exchange(request(HttpMethod.GET, "/admin/report?format=json", "not-the-token"));

        assertThat(anonymous.status().code()).isEqualTo(401);
        assertThat(anonymous.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE)).contains("Bearer");
        assertThat(body(anonymous)).doesNotContain("leaving-checkout");
        assertThat(wrong.status().code()).isEqualTo(401);
    }

    @Test
    void shouldAnswer404WhileAdminIsOff()
    {
        channel.finishAndReleaseAll();
        channel = channel(null, Runnable::run);

        assertThat(exchange(request(HttpMethod.GET, "/admin/report", TOKEN)).status().code()).isEqualTo(404);
    }

    @Test
    void shouldServeTheHtmlReportWithTheToken()
    {
        final FullHttpResponse response = exchange(request(HttpMethod.GET, "/admin/report", TOKEN));

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(response.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_SECURITY_POLICY)).startsWith("default-src 'none'");
        // 9/30 against 6/30: 30 closed windows in each group, just enough for a lift.
        assertThat(body(response)).startsWith("<!DOCTYPE html>")
            .contains("<tr><th scope=\"row\">leaving-checkout</th><td>9 / 30</td><td>30.0% [", "<td>6 / 30</td><td>20.0% [",
                "<td>+10.0 pp [");
    }

    @Test
    void shouldServeJsonAndCsvForTheRangeAsked() throws Exception
    {
        final FullHttpResponse json = exchange(request(HttpMethod.GET, "/admin/report?format=json&from=2026-11-24&to=2026-11-24", TOKEN));
        final FullHttpResponse later = exchange(request(HttpMethod.GET, "/admin/report?format=json&from=2026-11-25", TOKEN));
        final FullHttpResponse csv = exchange(request(HttpMethod.GET, "/admin/report?format=csv", TOKEN));

        assertThat(json.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(ReportTesting.MAPPER.readTree(body(json)).get("totals").get("sessions").asLong()).isEqualTo(60);
        assertThat(ReportTesting.MAPPER.readTree(body(later)).get("totals").get("sessions").asLong()).isZero();
        assertThat(csv.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.headers().get(HttpHeaderNames.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"report.csv\"");
        assertThat(body(csv)).startsWith(CsvTable.HEADER);
    }

    @Test
    void shouldAnswer400ForBadParametersWithoutEchoingThem()
    {
        final FullHttpResponse date = exchange(request(HttpMethod.GET, "/admin/report?from=%3Cscript%3E", TOKEN));
        final FullHttpResponse format = exchange(request(HttpMethod.GET, "/admin/report?format=pdf", TOKEN));
        final FullHttpResponse twice = exchange(request(HttpMethod.GET, "/admin/report?to=2026-11-24&to=2026-11-25", TOKEN));
        final FullHttpResponse empty = exchange(request(HttpMethod.GET, "/admin/report?from=2026-11-25&to=2026-11-24", TOKEN));

        assertThat(date.status().code()).isEqualTo(400);
        assertThat(body(date)).isEqualTo("from: not an ISO date (2026-11-24) or ISO instant (2026-11-24T09:30:00Z)");
        assertThat(body(format)).isEqualTo("format: one of html, json, csv");
        assertThat(body(twice)).isEqualTo("to: given more than once");
        assertThat(empty.status().code()).isEqualTo(400);
    }

    @Test
    void shouldAnswer405ForAnotherMethodAndHeadWithoutABody()
    {
        final FullHttpResponse post = exchange(request(HttpMethod.POST, "/admin/report", TOKEN));
        final FullHttpResponse head = exchange(request(HttpMethod.HEAD, "/admin/report?format=json", TOKEN));

        assertThat(post.status().code()).isEqualTo(405);
        assertThat(post.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD");
        assertThat(head.status().code()).isEqualTo(200);
        assertThat(head.content().readableBytes()).isZero();
        assertThat(head.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isPositive();
    }

    @Test
    void shouldMakeTheReportOffTheEventLoop()
    {
        channel.finishAndReleaseAll();
        channel = channel(TOKEN, blockingTasks::add);

        channel.writeInbound(request(HttpMethod.GET, "/admin/report?format=json", TOKEN));
        final Object notYet = channel.readOutbound();
        assertThat(notYet).isNull();
        assertThat(blockingTasks).hasSize(1);

        blockingTasks.forEach(Runnable::run);
        channel.runPendingTasks();
        final FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(200);
        response.release();
    }

    @Test
    void shouldRefuseASecondReportWhileOneIsBeingMade()
    {
        channel.finishAndReleaseAll();
        channel = channel(TOKEN, blockingTasks::add);

        channel.writeInbound(request(HttpMethod.GET, "/admin/report?format=json", TOKEN));
        final FullHttpResponse second = exchange(request(HttpMethod.GET, "/admin/report?format=csv", TOKEN));
        assertThat(second.status().code()).isEqualTo(503);
        assertThat(second.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("5");
        assertThat(blockingTasks).hasSize(1);

        blockingTasks.remove(0).run();
        channel.runPendingTasks();
        final FullHttpResponse first = channel.readOutbound();
        assertThat(first.status().code()).isEqualTo(200);
        first.release();
        channel.writeInbound(request(HttpMethod.GET, "/admin/report?format=csv", TOKEN));
        assertThat(blockingTasks).as("the next report starts once the first is done").hasSize(1);
    }

    @Test
    void shouldAnswer500WithTheReasonForACorruptJournal() throws Exception
    {
        JournalDamage.flipAByteOfTheFirstRecord(dir.resolve("journal"));

        final FullHttpResponse response = exchange(request(HttpMethod.GET, "/admin/report", TOKEN));

        assertThat(response.status().code()).isEqualTo(500);
        assertThat(body(response)).startsWith("the journal could not be read: corrupt journal segment");
    }

    private EmbeddedChannel channel(final String adminToken, final Executor executor)
    {
        final RouteContext context = new RouteContext(metrics, adminToken, null, () -> true, () -> DEMO, sid -> null, DEMO::catalog,
            new ReportWorker(dir.resolve("journal"), executor, () -> { }));
        return new EmbeddedChannel(new HttpRoutes(context, Runnable::run));
    }

    private static FullHttpRequest request(final HttpMethod method, final String uri, final String token)
    {
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        if (token != null)
        {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return request;
    }

    private FullHttpResponse exchange(final FullHttpRequest request)
    {
        return RouteExchange.exchange(channel, request);
    }

    private static String body(final FullHttpResponse response)
    {
        return RouteExchange.body(response);
    }
}
