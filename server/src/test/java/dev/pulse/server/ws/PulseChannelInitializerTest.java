package dev.pulse.server.ws;

import java.nio.file.Path;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.http.HttpRoutes;
import dev.pulse.server.http.ReportWorker;
import dev.pulse.server.http.RouteContext;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every connection's pipeline holds the one routes instance, so its cache of static files is read
 * once per server; and the pipelines are pinned, handler by handler: a frame of an upgraded
 * connection passes Netty's codecs and one handler of ours, and a handler added to that path
 * (one more hop for every frame) fails here until this test is changed with it.
 */
class PulseChannelInitializerTest
{
    private static final String UTF8 = "io.netty.handler.codec.http.websocketx.Utf8FrameValidator";
    private static final String HANDSHAKE = "io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandshakeHandler";

    @TempDir
    Path dir;

    @Test
    void shouldBuildAPlainConnectionsPipelineOfTheseHandlersInThisOrder() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b))
        {
            final EmbeddedChannel channel = server.open();

            assertThat(channel.pipeline().names()).containsExactly("http", "aggregate", "gate", "routes", HANDSHAKE, UTF8, "ws",
                PulseChannelInitializer.CONNECTION, "DefaultChannelPipeline$TailContext#0");
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldLeaveAnUpgradedConnectionWithNettysCodecsAndTheConnectionOnly() throws Exception
    {
        try (EmbeddedConnection server = new EmbeddedConnection(dir, b -> b))
        {
            final EmbeddedChannel channel = server.upgraded();

            assertThat(channel.pipeline().names()).containsExactly("wsencoder", "wsdecoder", UTF8, "ws",
                PulseChannelInitializer.CONNECTION, "DefaultChannelPipeline$TailContext#0");
            assertThat(channel.pipeline().get("wsdecoder")).isInstanceOf(StrictCloseFrameDecoder.class);
            assertThat(channel.pipeline().get("ws")).isInstanceOf(PingPassingProtocolHandler.class);
            assertThat(channel.pipeline().get(PulseChannelInitializer.CONNECTION)).isInstanceOf(ConnectionHandler.class);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldPutTheSameRoutesInstanceInEveryConnection() throws Exception
    {
        final Metrics metrics = new Metrics();
        final CatalogLoader loader = new CatalogLoader();
        final LiveCatalog catalog = new LiveCatalog(loader, loader.loadDemo().catalog(), null);
        try (ChronicleSessionStore sessions = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false);
            Journal journal = Journal.open(dir.resolve("journal"), JournalConfiguration.defaults(), metrics))
        {
            final ServerContext server = new ServerContext(ServerConfig.defaults(), catalog, sessions, journal, metrics);
            final HttpRoutes routes = new HttpRoutes(new RouteContext(metrics, null, null, () -> true, () -> null, sid -> null,
                catalog::current, new ReportWorker(dir.resolve("journal"), Runnable::run, () -> { })));
            final PulseChannelInitializer initializer = new PulseChannelInitializer(server, routes);

            final EmbeddedChannel first = new EmbeddedChannel(initializer);
            final EmbeddedChannel second = new EmbeddedChannel(initializer);

            assertThat(first.pipeline().get(PulseChannelInitializer.ROUTES)).isSameAs(routes);
            assertThat(second.pipeline().get(PulseChannelInitializer.ROUTES)).isSameAs(routes);
            first.finishAndReleaseAll();
            second.finishAndReleaseAll();
        }
    }

    @Test
    void shouldRefuseRoutesThatCannotBeShared()
    {
        assertThatThrownBy(() -> new PulseChannelInitializer(null, new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object message)
            {
                ctx.fireChannelRead(message);
            }
        }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not @Sharable");
    }
}
