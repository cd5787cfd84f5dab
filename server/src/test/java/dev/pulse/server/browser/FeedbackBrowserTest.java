package dev.pulse.server.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback loop end to end on the demo store (its catalog asks "Did this help?" under every
 * response): two searches that find nothing, an answer, the response with Yes / No under it, No
 * pressed with the keyboard, thanks in its place; the journal has the FEEDBACK record and the
 * report, fetched from the server's admin route, counts it.
 */
@Timeout(180)
class FeedbackBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final UnaryOperator<String> NO_GRACE = catalog -> catalog.replace("page_grace: 3s", "page_grace: 0s");
    private static final String GROUP = "var h = document.querySelector('[data-pulse-widget]');"
        + "var g = h && h.shadowRoot && h.shadowRoot.querySelector('.p .f');";

    @TempDir
    Path dir;

    @Test
    void shouldAskDidThisHelpTakeANoFromTheKeyboardJournalItAndReportIt() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, NO_GRACE))
        {
            final WebDriver driver = browser.driver();
            final JavascriptExecutor js = (JavascriptExecutor)driver;
            driver.get(demo.url("/demo/search?q=unicorn"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.get(demo.url("/demo/search?q=dragon"));
            final Widget widget = new Widget(driver);
            widget.awaitTitle(WAIT, "What are you looking for?");
            widget.choose(0);
            widget.awaitTitle(WAIT, "Try a broader word");

            @SuppressWarnings("unchecked")
            final Map<String, Object> group = (Map<String, Object>)js.executeScript(GROUP + "return g && {role: g.getAttribute('role'), "
                + "label: h.shadowRoot.getElementById(g.getAttribute('aria-labelledby')).textContent, live: g.getAttribute('aria-live'), "
                + "buttons: Array.from(g.querySelectorAll('button')).map(b => b.textContent)};");
            assertThat(group).as("Did this help? under the response").isNotNull();
            assertThat(group.get("role")).isEqualTo("group");
            assertThat(group.get("label")).isEqualTo("Did this help?");
            assertThat(group.get("live")).isEqualTo("polite");
            assertThat(group.get("buttons")).isEqualTo(List.of("Yes", "No"));
            browser.screenshot("feedback-asked");

            // Keyboard: the No button focused, Enter pressed (the key goes to the focused element, inside the shadow root).
            js.executeScript(GROUP + "g.querySelectorAll('button')[1].focus();");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(driver, WAIT).until(d -> "Thanks for telling us.".equals(
                ((JavascriptExecutor)d).executeScript(GROUP + "return g && g.textContent;")));
            assertThat(js.executeScript(GROUP + "return g.querySelectorAll('button').length;")).as("asked once: no buttons left").isEqualTo(0L);
            assertThat(js.executeScript(GROUP + "return h.shadowRoot.activeElement === g;")).as("the focus is not lost").isEqualTo(true);
            browser.screenshot("feedback-thanked");

            new FluentWait<>(demo).withTimeout(WAIT).pollingEvery(Duration.ofMillis(50))
                .until(d -> Journal.lines(d.dataDir()).stream().anyMatch(line -> line.startsWith("{\"type\":\"feedback\"")));
            final List<String> feedback = Journal.lines(demo.dataDir()).stream().filter(line -> line.startsWith("{\"type\":\"feedback\"")).toList();
            assertThat(feedback).singleElement().asString().contains("\"code\":0", "\"question\":\"cant-find\"", "\"choice\":\"product\"",
                "\"response\":\"search-tips\"");

            final HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.url("/admin/report?format=json")))
                .header("Authorization", "Bearer " + DemoServer.ADMIN_TOKEN).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).isEqualTo(200);
            final JsonNode helpfulness = new ObjectMapper().readTree(report.body()).get("helpfulness");
            assertThat(helpfulness).hasSize(1);
            assertThat(helpfulness.get(0).get("response").asText()).isEqualTo("search-tips");
            assertThat(helpfulness.get(0).get("yes").asLong()).isZero();
            assertThat(helpfulness.get(0).get("no").asLong()).isEqualTo(1);
            assertThat(helpfulness.get(0).get("flagged").asBoolean()).as("one answer is too few to flag").isFalse();
            assertThat(helpfulness.get(0).get("answers").get(0).get("choice").asText()).isEqualTo("product");
        }
    }
}
