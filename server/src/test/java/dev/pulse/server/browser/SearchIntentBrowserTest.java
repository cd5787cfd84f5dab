package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo store's search-intent moment in a real browser: searching how to return something asks
 * what went wrong with the order, whatever the search found, and the journal keeps the intent, not
 * the words.
 */
@Timeout(120)
class SearchIntentBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The demo catalog without the page grace and with raw-event capture on, so the capture is checked too. */
    private static final UnaryOperator<String> FAST = catalog -> catalog
        .replace("page_grace: 3s", "page_grace: 0s")
        .replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:");

    @TempDir
    Path dir;

    @Test
    void shouldAskWhatWentWrongWithTheOrderWhenSomeoneSearchesHowToReturn() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/search?q=how+to+return+a+zebra+mug"));
            new Widget(driver).awaitTitle(WAIT, "Sorry to hear it: what went wrong with your order?");
            final List<String> journal = Journal.lines(demo.dataDir());
            assertThat(journal).anyMatch(line -> line.contains("\"trigger\":\"return-search\"") && line.contains("\"intent\":\"returns\""));
            assertThat(journal).anyMatch(line -> line.contains("\"event\":\"search\"") && line.contains("returns"));
            assertThat(journal).noneMatch(line -> line.contains("zebra"));
        }
    }
}
