package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.pulse.detect.Hash64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet's visitor id in a real browser: one id in localStorage for every tab and visit, sent
 * as {@code hello.vid} (the journal's SESSION_START carries its hash); none before consent, none
 * kept after a refusal, none when storage is refused.
 */
@Timeout(180)
class VisitorIdBrowserTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Object storedVid(final ChromeDriver driver)
    {
        return ((JavascriptExecutor)driver).executeScript("return localStorage.getItem('pulse.vid')");
    }

    /** The visitor values of the journal's session_start records, in order. */
    private static List<Long> sessionVisitors(final DemoServer demo)
    {
        return Journal.lines(demo.dataDir()).stream().filter(line -> line.contains("\"type\":\"session_start\""))
            .map(VisitorIdBrowserTest::value).toList();
    }

    private static long value(final String line)
    {
        try
        {
            final JsonNode record = JSON.readTree(line);
            return record.get("value").asLong();
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void awaitSessions(final ChromeDriver driver, final DemoServer demo, final int count)
    {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> sessionVisitors(demo).size() >= count);
    }

    @Test
    void shouldSendOneVisitorIdFromEveryTab() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            driver.get(demo.url("/demo/product/1"));
            BackButtonBrowserTest.awaitSession(driver);
            final String vid = (String)storedVid(driver);
            assertThat(vid).matches("[0-9a-f]{32}");

            driver.switchTo().newWindow(WindowType.TAB);
            driver.get(demo.url("/demo/product/2"));
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(storedVid(driver)).as("the second tab reads the same id").isEqualTo(vid);
            awaitSessions(driver, demo, 2);
            assertThat(sessionVisitors(demo)).as("two sessions (one per tab), one visitor")
                .hasSize(2).containsOnly(Hash64.visitor(vid));
        }
    }

    @Test
    void shouldStoreNoVisitorIdBeforeConsentAndForgetItOnRefusal() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            driver.get(demo.url("/demo/test/consent"));
            driver.findElement(By.tagName("h1")).click();
            assertThat(storedVid(driver)).as("nothing stored before consent").isNull();

            driver.findElement(By.id("accept")).click();
            BackButtonBrowserTest.awaitSession(driver);
            final String vid = (String)storedVid(driver);
            assertThat(vid).matches("[0-9a-f]{32}");
            awaitSessions(driver, demo, 1);
            assertThat(sessionVisitors(demo)).containsExactly(Hash64.visitor(vid));

            driver.findElement(By.id("decline")).click();
            assertThat(storedVid(driver)).as("a refusal removes it").isNull();
        }
    }

    @Test
    void shouldStartASessionWithoutAVisitorIdWhenStorageIsRefused() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            // As a browser that blocks site data: reading localStorage throws a SecurityError.
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(window, 'localStorage', { get: function () { throw new DOMException('blocked', 'SecurityError'); } });"));
            driver.get(demo.url("/demo/product/1"));
            BackButtonBrowserTest.awaitSession(driver);
            awaitSessions(driver, demo, 1);
            assertThat(sessionVisitors(demo)).as("0: the session stands for its visitor").containsExactly(0L);
        }
    }
}
