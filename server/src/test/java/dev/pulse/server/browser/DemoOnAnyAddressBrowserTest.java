package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.pulse.server.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As a newcomer runs it: {@code pulse serve --port 0} with the bundled demo catalog, then the demo
 * URL it prints opened in a real browser, which is welcomed over the WebSocket; and the same
 * server opened by another name (127.0.0.1). The bundled catalog names no port or host: it lists
 * {@code self}.
 */
@Timeout(180)
class DemoOnAnyAddressBrowserTest
{
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^ ]+:(\\d+)/ +\\(demo: (http://\\S+/demo/)\\)");

    @TempDir
    Path dir;

    @Test
    void shouldWelcomeTheDemoOnAnEphemeralPortByEitherName() throws Exception
    {
        try (Browser browser = Browser.launch())
        {
            final ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(List.of(), "dev.pulse.server.PulseMain",
                List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", dir.resolve("data").toString())))
                .redirectErrorStream(true);
            builder.environment().putAll(ChildJvm.NO_DRAIN);
            final Process server = builder.start();
            final StringBuffer output = new StringBuffer();
            try
            {
                final MatchResult listening = ChildJvm.awaitLine(server, LISTENING, output, "the server exited without listening");
                final int port = Integer.parseInt(listening.group(1));
                assertThat(port).isNotEqualTo(8080);

                final String printed = listening.group(2);
                assertThat(printed).isEqualTo("http://localhost:" + port + "/demo/");
                assertWelcomed(browser, printed, output);
                assertWelcomed(browser, "http://127.0.0.1:" + port + "/demo/", output);
            }
            finally
            {
                server.destroy();
                if (!server.waitFor(20, TimeUnit.SECONDS))
                {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** Opens {@code url} with a fresh tab state; the snippet keeps its session id only once the server's welcome came. */
    private static void assertWelcomed(final Browser browser, final String url, final StringBuffer serverOutput)
    {
        browser.freshTab();
        browser.driver().get(url);
        assertThat(browser.driver().getTitle()).contains("Hearth");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
            .withMessage(() -> "no welcome at " + url + "; server output:\n" + serverOutput)
            .until(driver -> sid(browser) != null);
        assertThat(sid(browser)).matches("[0-9a-f]{32}");
    }

    private static String sid(final Browser browser)
    {
        final Object sid = browser.driver().executeScript(
            "var s = sessionStorage.getItem('pulse:demo'); return s && JSON.parse(s).sid ? JSON.parse(s).sid : null;");
        return sid == null ? null : sid.toString();
    }
}
