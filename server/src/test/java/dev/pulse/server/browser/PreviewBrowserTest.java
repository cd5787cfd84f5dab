package dev.pulse.server.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /preview} in a real browser: every message drawn by the widget's own code, nothing missing. */
@Timeout(120)
class PreviewBrowserTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDrawEveryQuestionAndResponseOfTheCatalogAsTheWidget() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = openPreview(browser, demo);

            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> panels = (List<Map<String, Object>>)driver.executeScript(
                "return Array.from(document.querySelectorAll('[data-pulse-render]')).map(function (slot) {" +
                "  var host = slot.querySelector('[data-pulse-widget]');" +
                "  var panel = host && host.shadowRoot.querySelector('.p');" +
                "  var message = JSON.parse(slot.getAttribute('data-pulse-render'));" +
                "  return {kind: message.t, expected: message.t === 'question' ? message.text : message.title," +
                "    title: panel ? panel.querySelector('h2').textContent : null," +
                "    answers: panel ? panel.querySelectorAll('.c').length : -1," +
                "    choices: message.choices ? message.choices.length : 0," +
                "    asks: panel ? (panel.querySelector('.f p') || {}).textContent || null : null," +
                "    height: panel ? panel.getBoundingClientRect().height : 0};" +
                "});");

            assertThat(panels).hasSizeGreaterThan(20);
            for (final Map<String, Object> panel : panels)
            {
                assertThat(panel.get("title")).as("drawn: %s", panel).isEqualTo(panel.get("expected"));
                assertThat(((Number)panel.get("height")).doubleValue()).as("visible: %s", panel).isPositive();
                if ("question".equals(panel.get("kind")))
                {
                    assertThat(panel.get("answers")).as("every answer a button: %s", panel).isEqualTo(panel.get("choices"));
                }
                else
                {
                    assertThat(panel.get("asks")).as("the demo asks under every response: %s", panel).isEqualTo("Did this help?");
                }
            }
            final long height = ((Number)driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(1280, (int)Math.min(height + 100, 16_000)));
            browser.screenshot("preview");
        }
    }

    @Test
    void shouldShowTheDemosHandoffBothWithSomeoneAvailableAndWithNoOne() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir))
        {
            final ChromeDriver driver = openPreview(browser, demo);

            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> handoffs = (List<Map<String, Object>>)driver.executeScript(
                "return Array.from(document.querySelectorAll('[data-pulse-render]')).filter(function (slot) {" +
                "  return JSON.parse(slot.getAttribute('data-pulse-render')).kind === 'handoff';" +
                "}).map(function (slot) {" +
                "  var panel = slot.querySelector('[data-pulse-widget]').shadowRoot.querySelector('.p');" +
                "  var link = panel.querySelector('a[data-pulse-handoff]');" +
                "  return {caption: slot.parentNode.querySelector('figcaption').textContent, link: link ? link.textContent : null," +
                "    unavailable: Array.from(panel.querySelectorAll('p.u')).map(function (p) { return p.textContent; }).join(' | ')};" +
                "});");

            assertThat(handoffs).hasSize(2);
            assertThat(handoffs.get(0).get("caption").toString()).contains("someone available");
            assertThat(handoffs.get(0).get("link")).isEqualTo("Chat with support");
            assertThat(handoffs.get(1).get("caption").toString()).contains("no one available (mon-fri 08:00-20:00 (Europe/London))");
            assertThat(handoffs.get(1).get("link")).isNull();
            assertThat(handoffs.get(1).get("unavailable").toString()).startsWith("No one from support is available right now.")
                .endsWith("Hours: mon-fri 08:00-20:00 (Europe/London)");
        }
    }

    /** The browser on {@code /preview}, with the admin token on every request. */
    private static ChromeDriver openPreview(final Browser browser, final DemoServer demo)
    {
        final ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
            Map.of("headers", Map.of("Authorization", "Bearer " + DemoServer.ADMIN_TOKEN)));
        driver.get(demo.url("/preview"));
        return driver;
    }
}
