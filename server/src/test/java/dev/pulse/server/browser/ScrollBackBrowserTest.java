package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrolling back up the demo's pricing page in a real browser: what the snippet sends
 * ({@code scroll_back}, seen in the journal with capture on) and what it holds back (small scrolls,
 * quick repeats), and the seed's moment it completes (idle on pricing after the FAQ, scrolled back
 * up twice: a question asked).
 */
@Timeout(180)
class ScrollBackBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The snippet's throttle (SCROLL_BACK_MS in pulse.js) and a margin. */
    private static final long PAST_THROTTLE_MS = 3_300;
    /** The demo catalog without the page grace, the re-reading trigger's idle 2 s, and raw-event capture on. */
    private static final UnaryOperator<String> FAST = catalog -> catalog
        .replace("page_grace: 3s", "page_grace: 0s")
        .replace("thresholds: { idle: 30s }", "thresholds: { idle: 2s }")
        .replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:");

    @TempDir
    Path dir;

    /** Scrolls to {@code viewports} viewport heights from the top and waits for the page's scroll event. */
    private static void scrollTo(final WebDriver driver, final double viewports)
    {
        ((JavascriptExecutor)driver).executeAsyncScript(
            "var done = arguments[arguments.length - 1], y = Math.round(innerHeight * arguments[0]);"
                + "if (Math.abs(scrollY - y) < 1) { done(); return; }"
                + "addEventListener('scroll', function f() { removeEventListener('scroll', f); setTimeout(done, 50); });"
                + "scrollTo(0, y);", viewports);
    }

    private static List<String> scrollBacks(final DemoServer demo)
    {
        return Journal.lines(demo.dataDir()).stream().filter(line -> line.contains("\"raw_event\"") && line.contains("scroll_back")).toList();
    }

    /** The pricing page after the FAQ, in a window short enough that the page scrolls three viewports. */
    private static void onPricingAfterTheFaq(final WebDriver driver, final DemoServer demo)
    {
        driver.manage().window().setSize(new Dimension(1280, 300));
        driver.get(demo.url("/demo/faq"));
        BackButtonBrowserTest.awaitSession(driver);
        driver.get(demo.url("/demo/pricing"));
        BackButtonBrowserTest.awaitSession(driver);
        final Object viewports = ((JavascriptExecutor)driver).executeScript(
            "return (document.documentElement.scrollHeight - innerHeight) / innerHeight");
        assertThat(((Number)viewports).doubleValue()).as("room to scroll down 1.5 viewports").isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void shouldSendEachScrollBackUpAndAskAfterTheSecondWhenIdle() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            onPricingAfterTheFaq(driver, demo);
            scrollTo(driver, 1.5);
            scrollTo(driver, 0.5);
            new FluentWait<>(demo).withTimeout(WAIT).until(d -> scrollBacks(d).size() == 1);
            Thread.sleep(PAST_THROTTLE_MS);
            scrollTo(driver, 1.5);
            scrollTo(driver, 0);
            new FluentWait<>(demo).withTimeout(WAIT).until(d -> scrollBacks(d).size() == 2);
            assertThat(scrollBacks(demo)).allSatisfy(line -> assertThat(line).doesNotContain("\"y\"").doesNotContain("scrollY"));

            final String title = new Widget(driver).awaitTitle(WAIT, "What's making this hard to decide?", "What would help you choose a plan?");
            assertThat(title).isNotBlank();
            assertThat(Journal.lines(demo.dataDir())).anyMatch(line -> line.contains("\"trigger\":\"pricing-rereading\"") &&
                line.contains("\"verdict\":\"shown\""));
        }
    }

    @Test
    void shouldNotSendSmallScrollsOrQuickRepeats() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            onPricingAfterTheFaq(driver, demo);
            scrollTo(driver, 0.8);
            scrollTo(driver, 0);
            scrollTo(driver, 1.5);
            scrollTo(driver, 1.2);
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(scrollBacks(demo)).as("less than a viewport down, then less than half a viewport up").isEmpty();

            scrollTo(driver, 0.4);
            new FluentWait<>(demo).withTimeout(WAIT).until(d -> scrollBacks(d).size() == 1);
            scrollTo(driver, 1.6);
            scrollTo(driver, 0);
            BackButtonBrowserTest.awaitSession(driver);
            Thread.sleep(PAST_THROTTLE_MS);
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(scrollBacks(demo)).as("a second within 3 s is dropped").hasSize(1);
            assertThat(Journal.lines(demo.dataDir())).noneMatch(line -> line.contains("\"trigger\":\"pricing-rereading\""));
        }
    }
}
