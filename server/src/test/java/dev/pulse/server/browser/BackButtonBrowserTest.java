package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's case in a real browser: back and forth between pricing and the FAQ with the
 * browser's own Back button until the question appears; the answer's response; then checkout,
 * which the journal counts as forward. Run with the back/forward cache off, and on as browsers
 * have it (a Back then restores the page without running its scripts again).
 */
@Timeout(180)
class BackButtonBrowserTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "back/forward cache {0}")
    @ValueSource(strings = {"off", "on"})
    void shouldAskAfterThreeBacksAndCountCheckoutAsForward(final String cache) throws Exception
    {
        final String[] arguments = "off".equals(cache) ? new String[] {"--disable-features=BackForwardCache"} : new String[0];
        try (Browser browser = Browser.launch(arguments); DemoServer demo = DemoServer.start(dir, catalog -> catalog.replace("page_grace: 3s", "page_grace: 0s")))
        {
            final WebDriver driver = browser.driver();
            final JavascriptExecutor js = (JavascriptExecutor)driver;
            final Widget widget = new Widget(driver);
            driver.get(demo.url("/demo/pricing"));
            awaitSession(driver);
            js.executeScript("window.__sameDocument = true;");
            driver.findElement(By.cssSelector("nav a[href='/demo/faq']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/demo/faq"));

            int restoredFromCache = 0;
            for (int back = 1; back <= 3; back++)
            {
                driver.navigate().back();
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/demo/pricing"));
                restoredFromCache += Boolean.TRUE.equals(js.executeScript("return window.__sameDocument === true;")) ? 1 : 0;
                if (back < 3)
                {
                    assertThat(widget.visible()).as("no question after %d backs", back).isFalse();
                    driver.navigate().forward();
                    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/demo/faq"));
                }
            }
            if ("on".equals(cache))
            {
                assertThat(restoredFromCache).as("the cache restored pricing without reloading it").isPositive();
            }
            else
            {
                assertThat(restoredFromCache).isZero();
            }

            try
            {
                widget.awaitTitle(Duration.ofSeconds(10), "What's making this hard to decide?", "What would help you choose a plan?");
            }
            catch (final org.openqa.selenium.TimeoutException ex)
            {
                throw new AssertionError("no question; signals: " + demo.server().metrics().prometheusText().lines()
                    .filter(l -> l.startsWith("pulse_signals_total{detector=\"back_and_forth\"") && !l.endsWith(" 0")).toList() +
                    " events: " + demo.server().metrics().prometheusText().lines().filter(l -> l.startsWith("pulse_events_total")).toList() +
                    " storage: " + js.executeScript("return sessionStorage.getItem('pulse:demo')"), ex);
            }
            browser.screenshot("question-back-button-cache-" + cache);
            assertThat(widget.choices()).contains("I'm not sure which plan fits my team size");
            widget.choose(0);
            widget.awaitTitle(Duration.ofSeconds(10), "Plans by team size");
            assertThat(widget.body()).contains("Starter suits up to 5 people");
            assertThat(widget.ctaHref()).isEqualTo("/demo/pricing#compare");
            browser.screenshot("response-back-button-cache-" + cache);

            driver.get(demo.url("/demo/checkout"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                demo.server().metrics().prometheusText().contains("pulse_outcomes_total{group=\"shown\",outcome=\"forward\"} 1"));
        }
    }

    static void awaitSession(final WebDriver driver)
    {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor)d).executeScript(
            "var s = JSON.parse(sessionStorage.getItem('pulse:demo') || '{}'); return !!s.sid && s.buf.length === 0;")));
    }
}
