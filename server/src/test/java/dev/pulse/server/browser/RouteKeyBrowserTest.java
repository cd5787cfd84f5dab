package dev.pulse.server.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet's routing key in a real browser: every socket of a tab's session, across page loads,
 * reconnects and the forget of a refusal, carries one {@code route} in its URL: minted at random
 * for a first visit (not the sid), the sid the tab held from before keys existed, or a token's sid;
 * another tab has a key of its own.
 */
@Timeout(180)
class RouteKeyBrowserTest
{
    /** Keeps the URL of every socket any document of the test opens, in localStorage (it outlives the page). */
    private static final String RECORD_URLS = """
        (function () {
          var W = window.WebSocket;
          window.WebSocket = function (url, protocols) {
            var all = JSON.parse(localStorage.getItem('test.ws') || '[]');
            all.push(String(url));
            localStorage.setItem('test.ws', JSON.stringify(all));
            return protocols === undefined ? new W(url) : new W(url, protocols);
          };
          window.WebSocket.prototype = W.prototype;
        })();
        """;
    private static final SigningKey KEY = SigningKey.parseOrNull("8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90");
    private static final String SID = "5f0c1a2b3c4d5e6f708192a3b4c5d6e7";

    @TempDir
    Path dir;

    private static ChromeDriver recording(final Browser browser)
    {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_URLS));
        return browser.driver();
    }

    /** A recording browser whose first page (a product) has its session. */
    private static ChromeDriver sessionOnAProductPage(final Browser browser, final DemoServer demo)
    {
        final ChromeDriver driver = recording(browser);
        driver.get(demo.url("/demo/product/1"));
        BackButtonBrowserTest.awaitSession(driver);
        return driver;
    }

    /** The {@code route} of every socket opened so far, oldest first ("" for a URL without one). */
    @SuppressWarnings("unchecked")
    private static List<String> routes(final ChromeDriver driver)
    {
        final List<String> urls = (List<String>)((JavascriptExecutor)driver).executeScript(
            "return JSON.parse(localStorage.getItem('test.ws') || '[]');");
        return urls.stream().map(url -> {
            final String query = URI.create(url).getRawQuery();
            assertThat(query).as(url).startsWith("site=demo&");
            final int at = query.indexOf("route=");
            return at < 0 ? "" : query.substring(at + "route=".length());
        }).toList();
    }

    private static Object state(final ChromeDriver driver, final String field)
    {
        return driver.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo'))[arguments[0]];", field);
    }

    @Test
    void shouldSendOneRandomKeyForEverySocketOfATabsSessionAndAnotherForAnotherTab() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = sessionOnAProductPage(browser, demo);
            final String key = routes(driver).get(0);
            assertThat(key).as("128 random bits as hex").matches("[0-9a-f]{32}").isNotEqualTo(state(driver, "sid"));
            assertThat(state(driver, "route")).as("kept in the tab's state").isEqualTo(key);

            driver.get(demo.url("/demo/product/2"));
            BackButtonBrowserTest.awaitSession(driver);
            demo.stop();
            driver.executeScript("Pulse.goal('while-the-server-was-down');");
            demo.restart();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('pulse:demo')).buf.length === 0")));
            assertThat(demo.server().metrics().prometheusText()).as("the reconnect resumed the session")
                .contains("pulse_sessions_started_total{resumed=\"true\"} 1");
            final List<String> tab = routes(driver);
            assertThat(tab).as("two page loads and a reconnect").hasSizeGreaterThanOrEqualTo(3).containsOnly(key);

            driver.switchTo().newWindow(WindowType.TAB);
            driver.get(demo.url("/demo/product/3"));
            BackButtonBrowserTest.awaitSession(driver);
            // (The recorder is the first tab's; the new tab's key is read from its state.)
            assertThat((String)state(driver, "route")).as("a new tab, a new session: a key of its own")
                .matches("[0-9a-f]{32}").isNotEqualTo(key);
        }
    }

    @Test
    void shouldTakeTheSidItHoldsWhenItHasNoKeyAndUseTheKeyToForgetElsewhere() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = sessionOnAProductPage(browser, demo);
            final Object sid = state(driver, "sid");
            // The tab's state as a snippet from before routing keys left it: a sid and no key.
            driver.executeScript("var s = JSON.parse(sessionStorage.getItem('pulse:demo')); delete s.route; " +
                "sessionStorage.setItem('pulse:demo', JSON.stringify(s));");
            driver.navigate().refresh();
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(state(driver, "sid")).as("resumed").isEqualTo(sid);
            final List<String> routes = routes(driver);
            assertThat(routes.get(routes.size() - 1)).isEqualTo(sid);
            assertThat(state(driver, "route")).isEqualTo(sid);

            // Refused while not connected (the server gone, the snippet trying again): a socket of
            // its own sends forget, under the same key.
            demo.stop();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> routes(driver).size() > routes.size());
            final int before = routes(driver).size();
            driver.executeScript("Pulse.consent(false);");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> routes(driver).size() > before);
            assertThat(routes(driver).subList(routes.size(), routes(driver).size())).containsOnly((String)sid);
        }
    }

    @Test
    void shouldRouteASignedSessionByItsTokensSid() throws Exception
    {
        try (Browser browser = Browser.launch();
             DemoServer demo = DemoServer.start(dir, UnaryOperator.identity(), builder -> builder.signingKey(KEY)))
        {
            final ChromeDriver driver = recording(browser);
            driver.get(demo.url("/demo/"));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !routes(driver).isEmpty());
            driver.executeScript("Pulse.token(arguments[0]);", SessionToken.mint(KEY, "demo", SID, System.currentTimeMillis() / 1000 + 3_600));
            BackButtonBrowserTest.awaitSession(driver);
            final List<String> routes = routes(driver);
            assertThat(routes.get(routes.size() - 1)).as("the token's sid").isEqualTo(SID);

            driver.get(demo.url("/demo/product/1"));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> routes(driver).size() > routes.size());
            assertThat(routes(driver).get(routes.size())).as("the next page, before any token: the key kept").isEqualTo(SID);
        }
    }
}
