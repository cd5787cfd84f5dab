package dev.pulse.server.http;

import java.util.function.Consumer;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/backup} on the server's HTTP routes: only with the admin token, only POST, and
 * each outcome of a backup as its HTTP status with the reason.
 */
class BackupRouteTest
{
    private static final String TOKEN = "s3cret-admin-token";
    private static final LoadResult DEMO = new CatalogLoader().loadDemo();

    private EmbeddedChannel channel;
    private int started;

    @AfterEach
    void checkNothingEscaped()
    {
        channel.checkException();
        channel.finishAndReleaseAll();
    }

    /** Routes whose backups end as {@code result}: written at once, as the backup thread would once done, or refused. */
    private void backupsEndingAs(final BackupRequests.Result result, final boolean refused)
    {
        final BackupRequests backups = (final Consumer<BackupRequests.Result> done) ->
        {
            started++;
            if (refused)
            {
                return result;
            }
            done.accept(result);
            return null;
        };
        channel = new EmbeddedChannel(new HttpRoutes(new RouteContext(new Metrics(), TOKEN, "report-token", () -> true, () -> DEMO,
            sid -> null, DEMO::catalog, new ReportWorker(java.nio.file.Path.of("journal"), Runnable::run, () -> { }),
            DataSubjectRequests.NONE, backups), Runnable::run));
    }

    @Test
    void shouldAnswerTheBackupsDescriptionWith200()
    {
        backupsEndingAs(new BackupRequests.Result(BackupRequests.Status.DONE, "{\"backup\":\"20261207T000000.000Z\"}"), false);

        final FullHttpResponse response = exchange(request(HttpMethod.POST, TOKEN));

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("application/json");
        assertThat(RouteExchange.body(response)).isEqualTo("{\"backup\":\"20261207T000000.000Z\"}");
    }

    @Test
    void shouldTakeNoBackupWithoutTheAdminTokenOrWithTheReportToken()
    {
        backupsEndingAs(new BackupRequests.Result(BackupRequests.Status.DONE, "{}"), false);

        assertThat(exchange(request(HttpMethod.POST, null)).status().code()).isEqualTo(401);
        assertThat(exchange(request(HttpMethod.POST, "report-token")).status().code()).isEqualTo(401);
        assertThat(exchange(request(HttpMethod.GET, TOKEN)).status().code()).as("GET").isEqualTo(405);
        assertThat(started).isZero();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileOneIsBeingTaken()
    {
        backupsEndingAs(new BackupRequests.Result(BackupRequests.Status.BUSY, "a backup is being taken"), true);

        final FullHttpResponse response = exchange(request(HttpMethod.POST, TOKEN));

        assertThat(response.status().code()).isEqualTo(503);
        assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("30");
        assertThat(RouteExchange.body(response)).isEqualTo("a backup is being taken");
    }

    @Test
    void shouldAnswer507WhenTheDiskCannotTakeIt()
    {
        backupsEndingAs(new BackupRequests.Result(BackupRequests.Status.NO_SPACE, "not enough free space for a backup"), false);

        final FullHttpResponse response = exchange(request(HttpMethod.POST, TOKEN));

        assertThat(response.status().code()).isEqualTo(507);
        assertThat(RouteExchange.body(response)).isEqualTo("not enough free space for a backup");
    }

    @Test
    void shouldAnswer500WithTheReasonWhenItFailed()
    {
        backupsEndingAs(new BackupRequests.Result(BackupRequests.Status.FAILED, "the backup failed, nothing was kept: corrupt"), false);

        final FullHttpResponse response = exchange(request(HttpMethod.POST, TOKEN));

        assertThat(response.status().code()).isEqualTo(500);
        assertThat(RouteExchange.body(response)).isEqualTo("the backup failed, nothing was kept: corrupt");
    }

    private static FullHttpRequest request(final HttpMethod method, final String token)
    {
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, "/admin/backup");
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
}
