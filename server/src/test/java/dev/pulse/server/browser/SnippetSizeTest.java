package dev.pulse.server.browser;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippet every page of a site loads stays small: at most 8 KiB gzipped. */
class SnippetSizeTest
{
    static final int MAX_GZIPPED_BYTES = 8 * 1024;

    @Test
    void shouldStayUnder8KiBGzipped() throws Exception
    {
        final byte[] snippet;
        try (InputStream in = SnippetSizeTest.class.getResourceAsStream("/static/pulse.js"))
        {
            snippet = in.readAllBytes();
        }
        final ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)
        {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        })
        {
            gzip.write(snippet);
        }
        assertThat(gzipped.size()).as("pulse.js gzipped (%d bytes raw)", snippet.length).isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
        assertThat(new String(snippet, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("innerHTML").doesNotContain("eval(");
    }
}
