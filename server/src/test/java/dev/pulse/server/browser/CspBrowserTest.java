package dev.pulse.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A strict Content-Security-Policy works: the demo store, served under
 * {@code default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:},
 * asks its question with no violation reported; the widget styles itself with a constructed
 * sheet, or where the browser has none, with a {@code <style>} carrying its script tag's nonce.
 */
@Timeout(180)
class CspBrowserTest
{
    static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:";
    private static final String NONCE = "t3st-n0nce-4f9a";
    private static final String STYLED = "var h = document.querySelector('[data-pulse-widget]'), p = h && h.shadowRoot.querySelector('.p');" +
        "return p ? getComputedStyle(p).paddingTop + ' ' + getComputedStyle(p).borderTopLeftRadius : 'no widget';";

    @TempDir
    Path dir;

    @Test
    void shouldAskTheQuestionOnTheDemoUnderAStrictPolicyWithoutAViolation() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, catalog -> catalog.replace("page_grace: 3s", "page_grace: 0s")))
        {
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.url("/demo/search"))).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("content-security-policy")).as("served under the policy").hasValue(STRICT);
            final ChromeDriver driver = browser.driver();
            PageRecorder.install(driver);
            driver.get(demo.url("/demo/search?q=unicorn"));
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(PageRecorder.violations(driver)).isEmpty();
            driver.get(demo.url("/demo/search?q=dragon"));
            new Widget(driver).awaitTitle(Duration.ofSeconds(15), "What are you looking for?");
            // The widget's file comes after the page: wait for it to draw.
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !"no widget".equals(driver.executeScript(STYLED)));
            assertThat(driver.executeScript(STYLED)).as("the widget is styled").isEqualTo("16px 12px");
            assertThat(PageRecorder.violations(driver)).isEmpty();
            browser.screenshot("question-under-strict-csp");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"constructed sheet", "nonce"})
    void shouldStyleTheWidgetWithoutInlineStyleOrWithItsScriptsNonce(final String way) throws Exception
    {
        final boolean nonce = way.equals("nonce");
        final String policy = "default-src 'self'; script-src 'self'; style-src " + (nonce ? "'nonce-" + NONCE + "'" : "'self'");
        final HttpServer site = site(policy);
        try (Browser browser = Browser.launch())
        {
            final ChromeDriver driver = browser.driver();
            if (nonce)
            {
                // A browser without constructable stylesheets.
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets;"));
            }
            PageRecorder.install(driver);
            driver.get("http://127.0.0.1:" + site.getAddress().getPort() + "/page.html");
            // The widget's file comes after the page: wait for it to draw.
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !"no widget".equals(driver.executeScript(STYLED)));
            assertThat(driver.executeScript(STYLED)).as("the widget is styled").isEqualTo("16px 12px");
            assertThat(PageRecorder.violations(driver)).isEmpty();
            assertThat(((JavascriptExecutor)driver).executeScript("return document.querySelector('[data-pulse-widget]').shadowRoot" +
                ".querySelectorAll('style').length")).isEqualTo(nonce ? 1L : 0L);
        }
        finally
        {
            site.stop(0);
        }
    }

    /** A site of its own (the test serves the header): one page drawing a question with the snippet's preview mode. */
    private static HttpServer site(final String policy) throws IOException
    {
        final byte[] snippet = resource("/static/pulse.js");
        final byte[] widget = resource("/static/pulse-widget.js");
        final String question = "{\"t\":\"question\",\"iid\":\"1\",\"qid\":\"q\",\"text\":\"Which plan?\",\"choices\":" +
            "[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"},{\"id\":\"c\",\"label\":\"C\"}]}";
        final byte[] page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CSP</title></head><body>" +
            "<div data-pulse-render='" + question + "'></div>" +
            "<script src=\"/pulse.js\" nonce=\"" + NONCE + "\" data-site=\"demo\" data-preview></script></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Unpinned (the snippet's own name for the widget, no integrity): the server's pinning is SnippetServingEndToEndTest's.
        final Map<String, byte[]> files = Map.of("/pulse.js", snippet, "/pulse-widget.js", widget, "/page.html", page);
        server.createContext("/", exchange -> respond(exchange, policy, files.get(exchange.getRequestURI().getPath())));
        server.start();
        return server;
    }

    private static byte[] resource(final String name) throws IOException
    {
        try (InputStream in = CspBrowserTest.class.getResourceAsStream(name))
        {
            return in.readAllBytes();
        }
    }

    private static void respond(final HttpExchange exchange, final String policy, final byte[] body) throws IOException
    {
        try (exchange)
        {
            if (body == null)
            {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", policy);
            exchange.getResponseHeaders().set("Content-Type",
                exchange.getRequestURI().getPath().endsWith(".js") ? "application/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
