package dev.pulse.server.browser;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet every page of a site loads stays small: at most 8 KiB gzipped. The widget it loads
 * only when a question comes has a budget of its own, 4 KiB. Neither writes markup or runs strings.
 */
class SnippetSizeTest
{
    static final int MAX_GZIPPED_BYTES = 8 * 1024;
    static final int WIDGET_MAX_GZIPPED_BYTES = 4 * 1024;

    @Test
    void shouldStayUnder8KiBGzipped() throws Exception
    {
        assertWithin("/static/pulse.js", MAX_GZIPPED_BYTES);
    }

    @Test
    void shouldKeepTheWidgetUnder4KiBGzipped() throws Exception
    {
        assertWithin("/static/pulse-widget.js", WIDGET_MAX_GZIPPED_BYTES);
    }

    private static void assertWithin(final String resource, final int maxGzippedBytes) throws Exception
    {
        final byte[] script;
        try (InputStream in = SnippetSizeTest.class.getResourceAsStream(resource))
        {
            script = in.readAllBytes();
        }
        final ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)
        {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        })
        {
            gzip.write(script);
        }
        assertThat(gzipped.size()).as("%s gzipped (%d bytes raw)", resource, script.length).isLessThanOrEqualTo(maxGzippedBytes);
        assertThat(new String(script, StandardCharsets.UTF_8)).doesNotContain("innerHTML").doesNotContain("eval(");
    }
}
