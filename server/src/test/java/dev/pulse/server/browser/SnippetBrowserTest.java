package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippet's promises in a real browser: consent first, single-page-app routes as page views, nothing lost to a restart. */
@Timeout(180)
class SnippetBrowserTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSendNothingBeforeConsentAndNothingAtAllAfterARefusal() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/test/consent"));
            driver.findElement(By.tagName("h1")).click();
            Thread.sleep(1_500);
            assertThat(demo.server().metrics().prometheusText()).as("no connection before consent").contains("pulse_connections_total 0");
            driver.findElement(By.id("decline")).click();
            driver.findElement(By.tagName("h1")).click();
            Thread.sleep(1_000);
            assertThat(demo.server().metrics().prometheusText()).contains("pulse_connections_total 0");

            driver.get(demo.url("/demo/test/consent"));
            driver.findElement(By.id("accept")).click();
            metricsReach(driver, demo, "pulse_events_total{type=\"page\"} 1");
            driver.findElement(By.tagName("h1")).click();
            metricsReach(driver, demo, "pulse_events_total{type=\"click\"} 1");

            // The click on Decline is still sent (consent held when it began); nothing after it is.
            driver.findElement(By.id("decline")).click();
            driver.findElement(By.tagName("h1")).click();
            Thread.sleep(1_000);
            assertThat(demo.server().metrics().prometheusText()).as("nothing after a refusal")
                .contains("pulse_events_total{type=\"click\"} 2");
            assertThat(((JavascriptExecutor)driver).executeScript("return sessionStorage.getItem('pulse:demo')"))
                .as("the session is forgotten").isNull();

            driver.findElement(By.id("accept")).click();
            driver.findElement(By.tagName("h1")).click();
            metricsReach(driver, demo, "pulse_events_total{type=\"click\"} 3");
            assertThat(demo.server().metrics().prometheusText()).as("consent given again starts a new session")
                .contains("pulse_sessions_started_total{resumed=\"false\"} 2");
        }
    }

    @Test
    void shouldResendWhatTheServerNeverAcknowledgedOnceItIsBack() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, catalog ->
            catalog.replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:")))
        {
            final WebDriver driver = browser.driver();
            final JavascriptExecutor js = (JavascriptExecutor)driver;
            driver.get(demo.url("/demo/product/1"));
            BackButtonBrowserTest.awaitSession(driver);
            final Object sid = js.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).sid");

            demo.stop();
            js.executeScript("Pulse.search('lamp', 3); Pulse.goal('while-the-server-was-down');");
            assertThat(js.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).buf.length"))
                .as("kept until acknowledged").isEqualTo(2L);
            demo.restart();

            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return JSON.parse(sessionStorage.getItem('pulse:demo')).buf.length === 0")));
            assertThat(js.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).sid")).as("resumed").isEqualTo(sid);
            assertThat(demo.server().metrics().prometheusText()).contains("pulse_sessions_started_total{resumed=\"true\"} 1");
            assertThat(Journal.lines(demo.dataDir()))
                .anyMatch(line -> line.contains("\"event\":\"search\"") && line.contains("\"results\":\"3\""))
                .anyMatch(line -> line.contains("\"event\":\"goal\"") && line.contains("while-the-server-was-down"));
        }
    }

    @Test
    void shouldNotReconnectAfterThePolicyCloseOfAFloodingPage() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, UnaryOperator.identity(), config ->
            config.messagesPerSecond(5).messageBurst(5).rateLimitCloseMs(1_000)))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/product/1"));
            BackButtonBrowserTest.awaitSession(driver);
            // A page stuck in a loop: 100 messages a second, for good.
            ((JavascriptExecutor)driver).executeScript("setInterval(function () { Pulse.search('loop', 1); }, 10);");
            metricsReach(driver, demo, "pulse_closes_total{code=\"1008\",reason=\"policy_violation\"} 1");

            Thread.sleep(5_000);
            assertThat(demo.server().metrics().prometheusText()).as("no reconnection loop")
                .contains("pulse_connections_total 1");
        }
    }

    @Test
    void shouldSendTheDeviceClassInTheHelloForTheReportsBreakdowns() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            driver.get(demo.url("/demo/product/1"));
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(Journal.lines(demo.dataDir())).as("a mouse: desktop")
                .anyMatch(line -> line.contains("\"type\":\"session_start\"") && line.contains("\"device\":\"desktop\""));

            // A phone: a touch screen (coarse pointer) whose shorter side is under 600 CSS px.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 3, "mobile", true, "screenWidth", 390, "screenHeight", 844));
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            // Cleared only after the welcome: a welcome still on its way would write the old session id back.
            BackButtonBrowserTest.awaitSession(driver);
            ((JavascriptExecutor)driver).executeScript("sessionStorage.clear();");
            driver.get(demo.url("/demo/product/2"));
            BackButtonBrowserTest.awaitSession(driver);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Journal.lines(demo.dataDir()).stream()
                .anyMatch(line -> line.contains("\"type\":\"session_start\"") && line.contains("\"device\":\"mobile\"")));
        }
    }

    private static void metricsReach(final WebDriver driver, final DemoServer demo, final String line)
    {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> demo.server().metrics().prometheusText().contains(line));
    }

    @Test
    void shouldReportSinglePageAppRoutesWithTheirDirection() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, catalog ->
            catalog.replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:")))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/test/spa"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.findElement(By.id("to-a")).click();
            driver.findElement(By.id("to-b")).click();
            driver.navigate().back();
            driver.navigate().forward();
            driver.findElement(By.id("redirect")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> pages(demo).size() == 6);
            assertThat(pages(demo)).containsExactly(
                "/demo/test/spa navigate", "/demo/spa/a navigate", "/demo/spa/b navigate", "/demo/spa/a back", "/demo/spa/b forward",
                "/demo/spa/c navigate");
            assertThat(((JavascriptExecutor)driver).executeScript("return history.state && history.state.pulseIdx")).isNotNull();
        }
    }

    private static List<String> pages(final DemoServer demo)
    {
        return Journal.lines(demo.dataDir()).stream()
            .filter(line -> line.contains("\"event\":\"page\""))
            .map(line -> line.replaceAll(".*\"url\":\"([^\"]*)\",\"nav\":\"([a-z]+)\".*", "$1 $2"))
            .toList();
    }
}
