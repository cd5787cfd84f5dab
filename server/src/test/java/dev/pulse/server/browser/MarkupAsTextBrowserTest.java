package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet renders server data as text, never as HTML: a catalog whose question, answer and
 * response copy hold {@code <script>}, an {@code onerror} image and plain tags shows those
 * characters literally, runs none of it, and adds no element for any of it.
 */
@Timeout(180)
class MarkupAsTextBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUESTION = "<script>window.pulsePwned=1</script><b>What</b> are you looking for?";
    private static final String CHOICE = "<img src=x onerror=window.pulsePwned=2>A product";
    private static final String TITLE = "<i>Try</i> a broader word<script>window.pulsePwned=3</script>";
    private static final String BODY = "Search <img src=x onerror=window.pulsePwned=4> with one word.";
    private static final UnaryOperator<String> MARKUP = catalog -> catalog
        .replace("page_grace: 3s", "page_grace: 0s")
        .replace("text: \"What are you looking for?\"", "text: \"" + QUESTION + "\"")
        .replace("label: \"A product I know you sell\"", "label: \"" + CHOICE + "\"")
        .replace("title: \"Try a broader word\"", "title: \"" + TITLE + "\"")
        .replace("body: \"Search works best with one word, like 'lamp' rather than 'brass reading lamp'. You can also browse all products.\"",
            "body: \"" + BODY + "\"");

    @TempDir
    Path dir;

    @Test
    void shouldShowMarkupInCatalogCopyAsTextAndRunNoneOfIt() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, MARKUP))
        {
            final WebDriver driver = browser.driver();
            final Widget widget = new Widget(driver);
            driver.get(demo.url("/demo/search?q=unicorn"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.get(demo.url("/demo/search?q=dragon"));
            widget.awaitTitle(WAIT, QUESTION);
            assertThat(widget.choices()).first().isEqualTo(CHOICE);
            assertNothingRan(driver);

            widget.choose(0);
            new WebDriverWait(driver, WAIT).until(d -> TITLE.equals(widget.title()));
            assertThat(widget.body()).contains(BODY);
            assertNothingRan(driver);
            browser.screenshot("markup-as-text");
        }
    }

    private static void assertNothingRan(final WebDriver driver)
    {
        final JavascriptExecutor js = (JavascriptExecutor)driver;
        assertThat(js.executeScript("return document.querySelector('[data-pulse-widget]').shadowRoot"
            + ".querySelectorAll('script, img, b, i').length")).as("no element made from copy").isEqualTo(0L);
        assertThat(js.executeScript("return document.querySelectorAll('img[src=x]').length")).isEqualTo(0L);
        assertThat(js.executeScript("return window.pulsePwned === undefined")).as("no copy ran as script").isEqualTo(true);
    }
}
