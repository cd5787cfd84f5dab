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

import dev.pulse.journal.JournalRecordType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defence in depth for "URLs without values": whatever a client sends, the server journals a page
 * URL as its path and the site's allowed query parameters only, never a fragment, and a hello's URL
 * not at all beyond its path. Checked on the journal's bytes on disk, with raw event capture on (the
 * record that would carry a URL in full).
 */
@Timeout(60)
class UrlQueryEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldJournalNoQueryValueOrFragmentAndKeepAnAllowedParameter() throws Exception
    {
        final TestServer server = new TestServer(dir, builder -> builder, catalog -> catalog.replace(
            "  origins: [http://localhost, http://127.0.0.1]",
            "  origins: [http://localhost, http://127.0.0.1]\n  capture_events: true\n  keep_query: [utm_source]"));
        try (TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello(null);
            assertThat(welcome.get("keep_query").isArray()).isTrue();
            assertThat(welcome.get("keep_query")).extracting(JsonNode::asText).containsExactly("utm_source");
            client.send("page", "url", "/search?q=secret&utm_source=mail#frag", "nav", "navigate");
            client.send("page", "url", "https://user:secret@shop.example/faq?q=secret;utm_source=news#frag", "nav", "navigate");
            client.untilAck(client.send("page", "url", "/pricing#frag?q=secret", "nav", "navigate"));
        }
        server.close();

        final Path journal = server.dataDir().resolve("journal");
        assertThat(bytesOf(journal)).as("the journal's files").doesNotContain("secret").doesNotContain("frag")
            .contains("utm_source=mail");
        assertThat(bytesOf(journal)).as("no client address is journaled (docs/privacy.md)").doesNotContain("127.0.0.1");
        final List<String> urls = JournalFile.records(server.dataDir(), JournalRecordType.RAW_EVENT).stream()
            .map(JsonNode::toString).filter(record -> record.contains("\"url\"")).toList();
        assertThat(urls).hasSize(3);
        assertThat(urls.get(0)).contains("\"/search?utm_source=mail\"");
        assertThat(urls.get(1)).contains("\"/faq?utm_source=news\"");
        assertThat(urls.get(2)).contains("\"/pricing\"");
    }

    @Test
    void shouldTellTheSnippetAnEmptyListWhenTheSiteKeepsNoParameter() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello(null);
            assertThat(welcome.get("keep_query").isArray()).isTrue();
            assertThat(welcome.get("keep_query")).isEmpty();
        }
    }

    /** Every file under {@code dir}, its bytes as Latin-1 text (so any byte sequence reads, and ASCII reads as itself). */
    private static String bytesOf(final Path dir) throws Exception
    {
        final StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
