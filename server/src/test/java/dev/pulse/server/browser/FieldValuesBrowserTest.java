package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Never a field's value" (docs/privacy.md): a form the browser refuses on submit sends which form
 * and which field, and nothing the person typed; a click names its element by a short selector,
 * not its text; the journal holds no more than was sent.
 */
@Timeout(120)
class FieldValuesBrowserTest
{
    private static final String TYPED = "jane-at-example";
    /** Every message journaled as it arrived (RAW_EVENT), so the journal shows all that was sent. */
    private static final UnaryOperator<String> CAPTURE = catalog ->
        catalog.replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:");

    @TempDir
    Path dir;

    @Test
    void shouldSendTheFormAndFieldOfAValidationErrorAndNeverWhatWasTyped() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, CAPTURE))
        {
            final ChromeDriver driver = browser.driver();
            PageRecorder.install(driver);
            driver.get(demo.url("/demo/checkout"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.findElement(By.id("email")).sendKeys(TYPED);
            driver.findElement(By.id("postcode")).sendKeys(TYPED + " 1");
            driver.findElement(By.cssSelector("#checkout button[type=submit], #checkout button")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> PageRecorder.sent(d).stream().anyMatch(frame -> frame.contains("\"form_error\"")));

            final List<String> frames = PageRecorder.sent(driver);
            assertThat(frames).filteredOn(frame -> frame.contains("\"form_error\""))
                .as("which form and which field").anyMatch(frame -> frame.contains("\"field\":\"email\""));
            assertThat(frames).as("nothing typed leaves the browser").noneMatch(frame -> frame.contains("jane"));
            assertThat(frames).filteredOn(frame -> frame.contains("\"click\""))
                .as("a click names the element by a short selector, not by its text")
                .anyMatch(frame -> frame.contains("\"target\":\"form#checkout>button.btn\""))
                .noneMatch(frame -> frame.contains("Place order"));
            assertThat(Journal.lines(demo.dataDir())).as("nor reaches the journal").noneMatch(line -> line.contains("jane"));
        }
    }
}
