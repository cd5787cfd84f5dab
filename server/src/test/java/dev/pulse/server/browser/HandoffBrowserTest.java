package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo store's hand-off and a long response in a real browser: the chat link as a button while
 * someone is available, the honest "no one is available" text with the hours when not, and a long
 * answer shown as its first paragraph with a "More" button (aria-expanded) that reveals the rest.
 */
@Timeout(180)
class HandoffBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MORE = "var h = document.querySelector('[data-pulse-widget]'); var p = h.shadowRoot.querySelector('.p');";
    /** A day three days from now (UTC): no hours of that day can be open now, whatever the time of day. */
    private static final String CLOSED_DAY = ZonedDateTime.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek().name().substring(0, 3)
        .toLowerCase(Locale.ROOT);
    private static final String LONG_BODY = "Start with one word: lamp, not brass reading lamp.\\n\\n"
        + "Then narrow it down with the filters on the left: price, colour and size.\\n\\n"
        + "Still nothing? Browse every product, or ask us.";

    /**
     * The demo catalog with "What are you looking for?" routed: a product to a long answer, a gift to
     * the demo's hand-off open every day and hour (UTC), an order to the same hand-off on a closed day.
     */
    private static final UnaryOperator<String> ROUTED = catalog -> catalog
        .replace("page_grace: 3s", "page_grace: 0s")
        .replace("\"Search works best with one word, like 'lamp' rather than 'brass reading lamp'. You can also browse all products.\"",
            "\"" + LONG_BODY + "\"")
        .replace("response: gift-guide }", "response: talk-to-a-person }")
        .replace("response: order-help }", "response: talk-closed }")
        .replace("hours: { days: [mon, tue, wed, thu, fri], from: \"08:00\", to: \"20:00\", zone: Europe/London }",
            "hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: \"00:00\", to: \"24:00\", zone: UTC }")
        .replace("policy:\n", String.join("\n",
            "  - id: talk-closed",
            "    kind: handoff",
            "    title: \"Talk to a person\"",
            "    body: \"Someone from our support team can look at this with you.\"",
            "    handoff:",
            "      link: { label: \"Chat with support\", url: \"/demo/faq#contact\" }",
            "      hours: { days: [" + CLOSED_DAY + "], from: \"09:00\", to: \"17:00\", zone: UTC }",
            "      unavailable: \"No one from support is available right now.\"",
            "    approved: { by: Test, at: 2026-12-07 }",
            "policy:\n"));

    @TempDir
    Path dir;

    @Test
    void shouldShowTheHandoffAvailableAndUnavailableAndALongResponseCollapsed() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, ROUTED))
        {
            final WebDriver driver = browser.driver();
            final Widget widget = new Widget(driver);
            final JavascriptExecutor js = (JavascriptExecutor)driver;

            answerCantFind(browser, demo, widget, 1, "Talk to a person");
            final Map<?, ?> available = handoff(js);
            assertThat(available.get("link")).isEqualTo("Chat with support");
            assertThat(available.get("href")).isEqualTo("/demo/faq#contact");
            assertThat(available.get("unavailable")).isEqualTo("");
            browser.screenshot("handoff-available");

            answerCantFind(browser, demo, widget, 2, "Talk to a person");
            final Map<?, ?> unavailable = handoff(js);
            assertThat(unavailable.get("link")).as("no chat link when no one answers it").isNull();
            assertThat(unavailable.get("unavailable").toString()).contains("No one from support is available right now.")
                .contains("Hours: " + CLOSED_DAY + " 09:00-17:00 (UTC)");
            browser.screenshot("handoff-unavailable");

            answerCantFind(browser, demo, widget, 0, "Try a broader word");
            assertThat(visibleBody(js)).as("the first paragraph only").isEqualTo("Start with one word: lamp, not brass reading lamp.");
            assertThat(js.executeScript(MORE + "var b = p.querySelector('button.m');"
                + "return b.textContent + ' ' + b.getAttribute('aria-expanded') + ' ' + p.querySelector('#pulse-more').hidden;"))
                .isEqualTo("More false true");
            // By the keyboard: focus the button and press Enter (a native button: Enter and Space activate it).
            js.executeScript(MORE + "p.querySelector('button.m').focus();");
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            new WebDriverWait(driver, WAIT).until(d -> "true".equals(js.executeScript(MORE
                + "return p.querySelector('button.m').getAttribute('aria-expanded');")));
            assertThat(visibleBody(js)).contains("Then narrow it down with the filters").contains("Still nothing?");
            assertThat(js.executeScript(MORE + "return p.querySelector('button.m').textContent;")).isEqualTo("Less");
            browser.screenshot("long-response-expanded");

            assertThat(Journal.lines(demo.dataDir())).filteredOn(line -> line.contains("\"type\":\"handoff\""))
                .extracting(line -> line.contains("\"code\":1") ? "available" : "unavailable")
                .containsExactly("available", "unavailable");
        }
    }

    /** A new session (in a new tab) searches twice for nothing, and answers "What are you looking for?" with {@code choice}. */
    private static void answerCantFind(final Browser browser, final DemoServer demo, final Widget widget, final int choice,
        final String title)
    {
        browser.freshTab();
        final WebDriver driver = browser.driver();
        driver.get(demo.url("/demo/search?q=unicorn"));
        BackButtonBrowserTest.awaitSession(driver);
        driver.get(demo.url("/demo/search?q=dragon"));
        widget.awaitTitle(WAIT, "What are you looking for?");
        widget.choose(choice);
        new WebDriverWait(driver, WAIT).until(d -> title.equals(widget.title()));
    }

    /** The paragraphs a person sees: none inside a hidden element. */
    private static String visibleBody(final JavascriptExecutor js)
    {
        // The body's paragraphs: not those of "Did this help?" (its group, .f) under the response.
        return String.valueOf(js.executeScript(MORE + "return Array.from(p.querySelectorAll('p'))"
            + ".filter(e => !e.closest('[hidden]') && !e.closest('.f'))"
            + ".map(e => e.textContent).join('\\n');"));
    }

    private static Map<?, ?> handoff(final JavascriptExecutor js)
    {
        return (Map<?, ?>)js.executeScript(MORE + "var a = p.querySelector('a[data-pulse-handoff]');"
            + "return {link: a ? a.textContent : null, href: a ? a.getAttribute('href') : null,"
            + " unavailable: Array.from(p.querySelectorAll('p.u')).map(e => e.textContent).join('\\n')};");
    }
}
