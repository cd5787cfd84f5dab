package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo store and its snippet load in a real browser, which connects and is welcomed into a session. */
@Timeout(120)
class DemoLoadsBrowserTest
{
    @TempDir
    Path dir;

    @Test
    void shouldServeTheDemoWithASnippetThatStartsASession() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            browser.driver().get(demo.url("/demo/"));
            assertThat(browser.driver().getTitle()).contains("Hearth");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver ->
                demo.server().metrics().prometheusText().contains("pulse_sessions_started_total{resumed=\"false\"} 1"));
            final Object sid = browser.driver().executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).sid");
            assertThat(String.valueOf(sid)).matches("[0-9a-f]{32}");
        }
    }
}
