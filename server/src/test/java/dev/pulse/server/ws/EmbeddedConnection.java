package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.config.ServerConfigBuilder;
import dev.pulse.server.http.HttpRoutes;
import dev.pulse.server.http.ReportWorker;
import dev.pulse.server.http.RouteContext;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.testing.FakePulseClock;

/**
 * A server's context on a real session store and journal, a fake clock, and connections built by
 * the real {@link PulseChannelInitializer} on {@link EmbeddedChannel}s: what a test of the whole
 * pipeline runs on, without sockets. {@link #tick} runs the loop's timer wheel at the fake time.
 */
final class EmbeddedConnection implements AutoCloseable
{
    static final String UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n";

    final Metrics metrics = new Metrics();
    final FakePulseClock clock = new FakePulseClock(1_000_000);
    final ChronicleSessionStore sessions;
    final Journal journal;
    final LiveCatalog catalog;
    final ServerContext server;
    final PulseChannelInitializer initializer;

    EmbeddedConnection(final Path dir, final UnaryOperator<ServerConfigBuilder> customise) throws IOException
    {
        final CatalogLoader loader = new CatalogLoader();
        catalog = new LiveCatalog(loader, loader.loadDemo().catalog(), null);
        sessions = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false);
        journal = Journal.open(dir.resolve("journal"), JournalConfiguration.defaults(), metrics);
        final ServerConfig config = customise.apply(ServerConfig.defaults().toBuilder().allowMissingOrigin(true)).build();
        server = new ServerContext(config, catalog, sessions, journal, metrics, null, clock);
        final HttpRoutes routes = new HttpRoutes(new RouteContext(metrics, null, null, () -> true, () -> null, sid -> null,
            catalog::current, new ReportWorker(dir.resolve("journal"), Runnable::run, () -> { })));
        initializer = new PulseChannelInitializer(server, routes);
    }

    /** A new connection, its pipeline built as on accept. */
    EmbeddedChannel open()
    {
        return new EmbeddedChannel(initializer);
    }

    /** A new connection upgraded to a WebSocket at {@code /ws}; the 101 response is read and dropped. */
    EmbeddedChannel upgraded()
    {
        final EmbeddedChannel channel = open();
        channel.writeInbound(ascii("GET /ws?site=" + catalog.current().siteKey() + " HTTP/1.1\r\nHost: localhost\r\n" + UPGRADE + "\r\n"));
        final ByteBuf response = channel.readOutbound();
        final String head = response.toString(StandardCharsets.US_ASCII);
        response.release();
        if (!head.startsWith("HTTP/1.1 101"))
        {
            throw new IllegalStateException("not upgraded: " + head);
        }
        return channel;
    }

    /** Time passes on the fake clock by {@code ms}, and the wheel of {@code channel}'s loop ticks at the new time. */
    void advanceMs(final EmbeddedChannel channel, final long ms)
    {
        clock.advanceMs(ms);
        server.loop(channel.eventLoop()).tick();
    }

    /** {@code count} one-byte pings as a client sends them (masked), in one buffer: one read. */
    static ByteBuf maskedPings(final int count)
    {
        final ByteBuf pings = Unpooled.buffer();
        for (int i = 0; i < count; i++)
        {
            pings.writeBytes(new byte[] {(byte)0x89, (byte)0x81, 1, 2, 3, 4, (byte)(i ^ 1)});
        }
        return pings;
    }

    static ByteBuf ascii(final String text)
    {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    @Override
    public void close()
    {
        journal.close();
        sessions.close();
    }
}
