package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URLs of a hello and a page, as the rest of the server sees them once the session helpers have
 * them (the decoder's buffers are what capture, journal and machine read): cut down in place by the
 * catalog serving at that moment.
 */
class SessionUrlsTest
{
    @TempDir
    Path dir;

    private final ConnectionState connection = new ConnectionState();
    private LoopFixture fixture;
    private LoopContext loop;

    @BeforeEach
    void open() throws Exception
    {
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult demo = loader.load("demo.yaml", loader.loadDemo().catalog().sourceText()
            .replace("  origins: [self]", "  origins: [self]\n  keep_query: [ref]"));
        assertThat(demo.ok()).as(demo.report()).isTrue();
        fixture = new LoopFixture(dir, new LiveCatalog(loader, demo.catalog(), null));
        loop = fixture.loop;
        connection.id = 1;
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    private DecodedMessage decode(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        final DecodedMessage message = loop.decoder.decode(bytes, bytes.length, loop.message);
        assertThat(message.error()).isNull();
        return message;
    }

    @Test
    void shouldKeepOnlyThePathOfAHelloUrlAndTellTheSnippetTheAllowList()
    {
        final DecodedMessage hello = decode("{\"t\":\"hello\",\"v\":1,\"url\":\"/demo/search?q=secret&ref=x#frag\"}");
        loop.outbox.clear();
        loop.hello.hello(connection, hello, 1_000, loop.outbox, UnpooledByteBufAllocator.DEFAULT);

        assertThat(hello.url().toString()).isEqualTo("/demo/search");
        assertThat(loop.outbox.welcome.text()).endsWith(",\"keep_query\":[\"ref\"]}");
        loop.outbox.welcome.release();
    }

    @Test
    void shouldKeepThePathAndTheAllowedParametersOfAPageUrl()
    {
        loop.outbox.clear();
        loop.hello.hello(connection, decode("{\"t\":\"hello\",\"v\":1}"), 1_000, loop.outbox, UnpooledByteBufAllocator.DEFAULT);
        loop.outbox.welcome.release();
        final DecodedMessage page = decode("{\"t\":\"page\",\"seq\":1,\"url\":\"/demo/search?q=secret&ref=x#frag\",\"nav\":\"navigate\"}");
        loop.outbox.clear();
        loop.sessionEvents.event(connection, page, 2_000, loop.outbox);

        assertThat(page.url().toString()).isEqualTo("/demo/search?ref=x");
        assertThat(loop.outbox.isRejected()).isFalse();
    }
}
