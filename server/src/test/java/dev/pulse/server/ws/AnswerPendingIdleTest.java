package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.http.BackupRequests;
import dev.pulse.server.http.DataSubjectRequests;
import dev.pulse.server.http.HttpRoutes;
import dev.pulse.server.http.ReportWorker;
import dev.pulse.server.http.RouteContext;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read timeout closes an HTTP connection that sends nothing, but not one whose request is
 * being answered off the loop (a backup of a large journal takes minutes): it waits for the answer,
 * and is idle again once it has it.
 */
class AnswerPendingIdleTest
{
    private static final String TOKEN = "admin-token";
    private static final long READ_TIMEOUT_MS = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldKeepAConnectionWaitingForItsAnswerOpenThroughTheReadTimeout() throws Exception
    {
        final Metrics metrics = new Metrics();
        final CatalogLoader loader = new CatalogLoader();
        final LiveCatalog catalog = new LiveCatalog(loader, loader.loadDemo().catalog(), null);
        final AtomicReference<Consumer<BackupRequests.Result>> pending = new AtomicReference<>();
        final BackupRequests backups = done ->
        {
            pending.set(done);
            return null;
        };
        try (ChronicleSessionStore sessions = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false);
            Journal journal = Journal.open(dir.resolve("journal"), JournalConfiguration.defaults(), metrics))
        {
            final FakePulseClock clock = new FakePulseClock(1_000_000);
            final ServerContext server = new ServerContext(ServerConfig.defaults().toBuilder().readTimeoutMs(READ_TIMEOUT_MS).build(),
                catalog, sessions, journal, metrics, null, clock);
            final HttpRoutes routes = new HttpRoutes(new RouteContext(metrics, TOKEN, null, () -> true, () -> null, sid -> null,
                catalog::current, new ReportWorker(dir.resolve("journal"), Runnable::run, () -> { }), DataSubjectRequests.NONE, backups));
            final EmbeddedChannel channel = new EmbeddedChannel(new PulseChannelInitializer(server, routes));

            channel.writeInbound(text("POST /admin/backup HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Length: 0\r\n\r\n"));
            assertThat(pending.get()).as("the backup started").isNotNull();
            clock.advanceMs(READ_TIMEOUT_MS + LoopContext.TICK_PERIOD_MS);
            server.loop(channel.eventLoop()).tick();
            clock.advanceMs(READ_TIMEOUT_MS + LoopContext.TICK_PERIOD_MS);
            server.loop(channel.eventLoop()).tick();
            assertThat(channel.isActive()).as("open while its answer is being made, two timeouts long").isTrue();

            pending.get().accept(new BackupRequests.Result(BackupRequests.Status.DONE, "{}"));
            channel.runPendingTasks();
            final ByteBuf answer = channel.readOutbound();
            assertThat(answer.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 OK");
            answer.release();
            assertThat(channel.isActive()).isTrue();

            clock.advanceMs(READ_TIMEOUT_MS + LoopContext.TICK_PERIOD_MS);
            server.loop(channel.eventLoop()).tick();
            assertThat(channel.isActive()).as("idle again once answered").isFalse();
            channel.finishAndReleaseAll();
        }
    }

    private static ByteBuf text(final String request)
    {
        return Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII);
    }
}
