package dev.pulse.server.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent before anything: with {@code data-consent} the snippet opens no socket and writes no
 * sessionStorage, localStorage, cookie or history state until {@code Pulse.consent(true)}; a
 * refusal sends {@code forget}, closes the socket, deletes what the snippet stored (history stamps
 * included) and stays silent, also in a page the back/forward cache brings back.
 */
@Timeout(180)
class ConsentBrowserTest
{
    private static final String PAGE = "/demo/test/consent";
    /** What the snippet may have left: its storage keys, any cookie, the current entry's history stamp. */
    private static final String LEFT = "return {session: sessionStorage.length, local: localStorage.length, cookie: document.cookie, " +
        "stamp: !!(history.state && 'pulseIdx' in history.state)};";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "back/forward cache {0}")
    @ValueSource(strings = {"off", "on"})
    void shouldOpenNoSocketAndWriteNothingBeforeConsent(final String cache) throws Exception
    {
        try (Browser browser = Browser.launch(UrlBrowserTest.cacheArguments(cache)); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            final JavascriptExecutor js = driver;
            PageRecorder.install(driver);
            driver.get(demo.url(PAGE));
            driver.findElement(By.tagName("h1")).click();
            assertNothingLeft(driver, demo, "a click");
            js.executeScript("history.pushState({app: 1}, '', '?step=2'); history.replaceState({app: 2}, '', '?step=3'); window.__sameDocument = true;");
            assertNothingLeft(driver, demo, "a route and a redirect");
            driver.navigate().back();
            awaitUrl(driver, PAGE);
            assertNothingLeft(driver, demo, "a Back within the page");
            driver.navigate().forward();
            awaitUrl(driver, "?step=3");
            driver.get(demo.url(PAGE + "?another"));
            assertNothingLeft(driver, demo, "another page");
            driver.navigate().back();
            awaitUrl(driver, "?step=3");
            assertThat(Boolean.TRUE.equals(js.executeScript("return window.__sameDocument === true;")))
                .as("restored from the back/forward cache").isEqualTo("on".equals(cache));
            assertNothingLeft(driver, demo, "a Back to the first page");
            assertThat(js.executeScript("return history.state.app;")).as("the page's own state untouched").isEqualTo(2L);
        }
    }

    @ParameterizedTest(name = "back/forward cache {0}")
    @ValueSource(strings = {"off", "on"})
    void shouldSendForgetAndDeleteEverythingOnRefusal(final String cache) throws Exception
    {
        try (Browser browser = Browser.launch(UrlBrowserTest.cacheArguments(cache)); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            final JavascriptExecutor js = driver;
            PageRecorder.install(driver);
            driver.get(demo.url(PAGE));
            driver.findElement(By.id("accept")).click();
            BackButtonBrowserTest.awaitSession(driver);
            js.executeScript("history.pushState(null, '', '?step=2'); window.__sameDocument = true;");
            BackButtonBrowserTest.awaitSession(driver);
            final int sentByFirst = PageRecorder.sent(driver).size();
            driver.get(demo.url(PAGE + "?next"));
            driver.findElement(By.id("accept")).click();
            BackButtonBrowserTest.awaitSession(driver);
            final long lastSeq = (Long)js.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).seq;");

            driver.findElement(By.id("decline")).click();
            final List<String> sent = PageRecorder.sent(driver);
            // The click on Decline still went out (consent held when it began); forget is the next seq.
            assertThat(sent.get(sent.size() - 2)).contains("\"t\":\"click\"", "\"seq\":" + (lastSeq + 1));
            assertThat(sent.get(sent.size() - 1)).isEqualTo("{\"t\":\"forget\",\"seq\":" + (lastSeq + 2) + "}");
            driver.findElement(By.tagName("h1")).click();
            js.executeScript("history.pushState(null, '', '?after');");
            assertThat(PageRecorder.sent(driver)).as("silent after the refusal").hasSize(sent.size());
            assertNothingLeft(driver, demo, "the refusal");

            driver.navigate().back();
            driver.navigate().back();
            awaitUrl(driver, "?step=2");
            final boolean restored = Boolean.TRUE.equals(js.executeScript("return window.__sameDocument === true;"));
            assertThat(restored).as("restored from the back/forward cache").isEqualTo("on".equals(cache));
            // A restored page that had consent finds its storage gone and stays silent too.
            Thread.sleep(500);
            assertThat(PageRecorder.sent(driver)).hasSize(restored ? sentByFirst : 0);
            // The site's consent manager repeats the refusal on each page; this entry loses its stamp.
            js.executeScript("Pulse.consent(false);");
            assertNothingLeft(driver, demo, "the refusal, a page later");
            assertThat(PageRecorder.sent(driver)).hasSize(restored ? sentByFirst : 0);
        }
    }

    @Test
    void shouldForgetASessionThatIsNotConnectedAtTheRefusal() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            PageRecorder.install(driver);
            driver.get(demo.url(PAGE));
            driver.findElement(By.id("accept")).click();
            BackButtonBrowserTest.awaitSession(driver);
            final String sid = sid(driver);
            driver.get(demo.url(PAGE + "?next"));
            // Consent from a remembered choice, withdrawn before the page's socket is open.
            driver.executeScript("Pulse.consent(true); Pulse.consent(false);");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> PageRecorder.sent(d).stream().anyMatch(f -> f.contains("\"forget\"")));
            final List<String> sent = PageRecorder.sent(driver);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0)).contains("\"t\":\"hello\"", "\"sid\":\"" + sid + "\"");
            assertThat(sent.get(1)).matches("\\{\"t\":\"forget\",\"seq\":[1-9][0-9]*}");
            assertNothingLeft(driver, demo, "the refusal");
        }
    }

    /** POST-MERGE: needs the erase engineer's server side of {@code forget}. */
    @Test
    void shouldHaveTheServerEraseTheSessionOnRefusal() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = browser.driver();
            driver.get(demo.url(PAGE));
            driver.findElement(By.id("accept")).click();
            BackButtonBrowserTest.awaitSession(driver);
            final String sid = sid(driver);
            assertThat(session(demo, sid)).isEqualTo(200);
            driver.findElement(By.id("decline")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> session(demo, sid) == 404);
        }
    }

    private static String sid(final WebDriver driver)
    {
        return (String)((JavascriptExecutor)driver).executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).sid;");
    }

    private static int session(final DemoServer demo, final String sid)
    {
        try
        {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.url("/admin/sessions/" + sid)))
                .header("Authorization", "Bearer " + DemoServer.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void awaitUrl(final WebDriver driver, final String ending)
    {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(ending));
    }

    private static void assertNothingLeft(final WebDriver driver, final DemoServer demo, final String after)
    {
        assertThat(((JavascriptExecutor)driver).executeScript(LEFT)).as("left after " + after)
            .isEqualTo(java.util.Map.of("session", 0L, "local", 0L, "cookie", "", "stamp", false));
    }
}
