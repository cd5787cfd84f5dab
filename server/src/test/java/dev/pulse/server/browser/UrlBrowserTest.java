package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URLs without values: the snippet puts on the wire the page's path, plus only the query
 * parameters the welcome's {@code keep_query} names, never a fragment; {@code hello.url} is the
 * path alone. Through a GET form's kind of URL, a single-page-app route, a page left and a Back
 * (restored from the back/forward cache, or loaded again with the cache off).
 */
@Timeout(180)
class UrlBrowserTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UnaryOperator<String> CAPTURE = catalog ->
        catalog.replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:");

    @TempDir
    Path dir;

    static String[] cacheArguments(final String cache)
    {
        return "off".equals(cache) ? new String[] {"--disable-features=BackForwardCache"} : new String[0];
    }

    @ParameterizedTest(name = "back/forward cache {0}")
    @ValueSource(strings = {"off", "on"})
    void shouldSendOnlyPathsWhenTheWelcomeKeepsNoParameter(final String cache) throws Exception
    {
        try (Browser browser = Browser.launch(cacheArguments(cache)); DemoServer demo = DemoServer.start(dir, CAPTURE))
        {
            final ChromeDriver driver = browser.driver();
            PageRecorder.install(driver);
            final List<String> frames = visit(driver, demo, cache,
                "/demo/products?email=jane%40example.com&utm_source=news#card-jane",
                "/demo/products?email=jane%40example.com&page=2#jane",
                "/demo/faq?token=jane-token#jane");

            assertThat(urls(frames)).containsExactly(
                "hello /demo/products", "page /demo/products navigate", "page /demo/products navigate",
                "hello /demo/faq", "page /demo/faq navigate", "hello /demo/products", "page /demo/products back");
            assertThat(frames).as("no value and no fragment leaves the browser").noneMatch(frame -> frame.contains("jane"));
            assertThat(Journal.lines(demo.dataDir()).stream().filter(line -> line.contains("\"event\":\"page\"")))
                .as("the journal got what was sent").hasSize(4).noneMatch(line -> line.contains("jane") || line.contains("?"));
        }
    }

    @ParameterizedTest(name = "back/forward cache {0}")
    @ValueSource(strings = {"off", "on"})
    void shouldKeepOnlyTheParametersTheWelcomeNamesAlsoForPageViewsMadeBeforeIt(final String cache) throws Exception
    {
        try (Browser browser = Browser.launch(cacheArguments(cache)); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            // The welcome as a server with keep_query [utm_source, ref] sends it (this tests the snippet alone).
            PageRecorder.install(driver, "{\"keep_query\": [\"utm_source\", \"ref\"]}");
            final List<String> frames = visit(driver, demo, cache,
                "/demo/products?email=jane%40example.com&utm_source=news&ref=mail&utm_source=two#jane",
                "/demo/products?ref=ad&q=jane#jane",
                "/demo/faq?token=jane-token&utm_source=mail#jane");

            assertThat(urls(frames)).containsExactly(
                "hello /demo/products", "page /demo/products?utm_source=news&ref=mail&utm_source=two navigate",
                "page /demo/products?ref=ad navigate", "hello /demo/faq", "page /demo/faq?utm_source=mail navigate",
                "hello /demo/products", "page /demo/products?ref=ad back");
            assertThat(frames).noneMatch(frame -> frame.contains("jane"));
            assertThat(String.valueOf(((JavascriptExecutor)driver).executeScript("return JSON.stringify(sessionStorage)")))
                .as("no value is stored either").doesNotContain("jane");
        }
    }

    /** POST-MERGE: needs the rules engineer's catalog {@code site.keep_query} and the welcome's {@code keep_query}. */
    @Test
    void shouldKeepTheCatalogsAllowListedParametersEndToEnd() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, catalog -> CAPTURE.apply(catalog)
            .replace("  ignore_click_targets:", "  keep_query: [utm_source, ref]\n  ignore_click_targets:")))
        {
            final ChromeDriver driver = browser.driver();
            PageRecorder.install(driver);
            driver.get(demo.url("/demo/products?email=jane%40example.com&utm_source=news&ref=mail#jane"));
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(urls(PageRecorder.sent(driver))).containsExactly(
                "hello /demo/products", "page /demo/products?utm_source=news&ref=mail navigate");
            assertThat(Journal.lines(demo.dataDir())).anyMatch(line -> line.contains("\"url\":\"/demo/products?utm_source=news&ref=mail\""));
        }
    }

    /**
     * Opens {@code first}, moves to {@code pushed} (a single-page-app route), opens {@code next}, goes
     * Back; returns every frame the pages sent, in order.
     */
    private static List<String> visit(final ChromeDriver driver, final DemoServer demo, final String cache,
        final String first, final String pushed, final String next)
    {
        final JavascriptExecutor js = driver;
        driver.get(demo.url(first));
        BackButtonBrowserTest.awaitSession(driver);
        js.executeScript("history.pushState({}, '', arguments[0]); window.__sameDocument = true;", pushed);
        BackButtonBrowserTest.awaitSession(driver);
        final List<String> frames = new ArrayList<>(PageRecorder.sent(driver));
        final int sentByFirst = frames.size();
        driver.get(demo.url(next));
        BackButtonBrowserTest.awaitSession(driver);
        frames.addAll(PageRecorder.sent(driver));
        driver.navigate().back();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> PageRecorder.sent(d).stream().anyMatch(f -> f.contains("\"nav\":\"back\"")));
        BackButtonBrowserTest.awaitSession(driver);
        final boolean restored = Boolean.TRUE.equals(js.executeScript("return window.__sameDocument === true;"));
        assertThat(restored).as("restored from the back/forward cache").isEqualTo("on".equals(cache));
        final List<String> afterBack = PageRecorder.sent(driver);
        // A restored document still holds what it sent before it was left.
        frames.addAll(restored ? afterBack.subList(sentByFirst, afterBack.size()) : afterBack);
        return frames;
    }

    /** Each hello and page frame as "type url [nav]". */
    static List<String> urls(final List<String> frames)
    {
        final List<String> urls = new ArrayList<>();
        for (final String frame : frames)
        {
            final JsonNode message = parse(frame);
            final String type = message.path("t").asText();
            if (type.equals("hello"))
            {
                urls.add("hello " + message.path("url").asText());
            }
            else if (type.equals("page"))
            {
                urls.add("page " + message.path("url").asText() + " " + message.path("nav").asText());
            }
        }
        return urls;
    }

    private static JsonNode parse(final String frame)
    {
        try
        {
            return JSON.readTree(frame);
        }
        catch (final JsonProcessingException ex)
        {
            throw new AssertionError("not JSON: " + frame, ex);
        }
    }
}
