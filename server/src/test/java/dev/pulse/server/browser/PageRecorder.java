package dev.pulse.server.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Records, in every document the browser opens from now on (run before any of the page's scripts,
 * through the DevTools protocol, so the page's own CSP does not apply to it), each text frame a
 * WebSocket of the page sends and each Content-Security-Policy violation the page reports.
 * Optionally adds fields to every {@code welcome} the page's sockets receive: the snippet's side
 * of a server field can be tested before the server sends it.
 */
final class PageRecorder
{
    private static final String SOURCE = """
        (function () {
          window.__pulseSent = []; window.__pulseViolations = [];
          var extra = %s, P = WebSocket.prototype, send = P.send;
          P.send = function (data) { window.__pulseSent.push(String(data)); return send.apply(this, arguments); };
          if (extra) {
            var d = Object.getOwnPropertyDescriptor(P, 'onmessage');
            Object.defineProperty(P, 'onmessage', { configurable: true, get: d.get, set: function (h) {
              d.set.call(this, h && function (e) {
                var m; try { m = JSON.parse(e.data); } catch (x) { m = null; }
                if (m && m.t === 'welcome') { for (var k in extra) m[k] = extra[k]; e = new MessageEvent('message', { data: JSON.stringify(m) }); }
                return h.call(this, e);
              });
            } });
          }
          window.addEventListener('securitypolicyviolation', function (e) {
            window.__pulseViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
          }, true);
        })();
        """;

    private PageRecorder()
    {
    }

    /** Records frames and violations in every document from now on. */
    static void install(final ChromeDriver driver)
    {
        install(driver, "null");
    }

    /** Records, and adds {@code welcomeFieldsJson} (a JSON object) to every welcome. */
    static void install(final ChromeDriver driver, final String welcomeFieldsJson)
    {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOURCE.formatted(welcomeFieldsJson)));
    }

    /** The frames the current document's sockets sent, oldest first. */
    @SuppressWarnings("unchecked")
    static List<String> sent(final WebDriver driver)
    {
        return (List<String>)((JavascriptExecutor)driver).executeScript("return window.__pulseSent || [];");
    }

    /** The violations the current document reported. */
    @SuppressWarnings("unchecked")
    static List<String> violations(final WebDriver driver)
    {
        return (List<String>)((JavascriptExecutor)driver).executeScript("return window.__pulseViolations || [];");
    }
}
