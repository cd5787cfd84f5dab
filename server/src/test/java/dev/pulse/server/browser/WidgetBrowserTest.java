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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** Each stuck moment of the demo store in a real browser, and the widget a person then sees. */
@Timeout(180)
class WidgetBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The demo catalog without the page grace, with a 2 s idle threshold and raw-event capture on. */
    private static final UnaryOperator<String> FAST = catalog -> catalog
        .replace("page_grace: 3s", "page_grace: 0s")
        .replace("thresholds: { idle: 45s }", "thresholds: { idle: 2s }")
        .replace("  ignore_click_targets:", "  capture_events: true\n  ignore_click_targets:");

    @TempDir
    Path dir;

    private static void metricsReach(final DemoServer demo, final String line)
    {
        new FluentWait<>(demo).withTimeout(WAIT).pollingEvery(Duration.ofMillis(50))
            .until(d -> d.server().metrics().prometheusText().contains(line));
    }

    @Test
    void shouldAskWhenIdleOnAKeyPageAfterVisitingTheFaq() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/faq"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.get(demo.url("/demo/pricing"));
            final String title = new Widget(driver).awaitTitle(WAIT, "What's making this hard to decide?", "What would help you choose a plan?");
            assertThat(Journal.lines(demo.dataDir())).anyMatch(line -> line.contains("\"trigger\":\"pricing-hesitation\"") &&
                line.contains("\"verdict\":\"shown\""));
            assertThat(title).isNotBlank();
        }
    }

    @Test
    void shouldFetchTheWidgetOnlyWhenTheFirstQuestionComesAndCheckItsIntegrity() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/faq"));
            BackButtonBrowserTest.awaitSession(driver);
            final JavascriptExecutor js = (JavascriptExecutor)driver;
            final String widgetRequests = "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/pulse-widget.'))";
            assertThat((List<?>)js.executeScript(widgetRequests)).as("no question yet, no widget").isEmpty();
            assertThat(js.executeScript("return typeof window.PulseWidget")).isEqualTo("undefined");

            driver.get(demo.url("/demo/pricing"));
            new Widget(driver).awaitTitle(WAIT, "What's making this hard to decide?", "What would help you choose a plan?");
            final List<?> fetched = (List<?>)js.executeScript(widgetRequests);
            assertThat(fetched).hasSize(1);
            assertThat(fetched.get(0).toString()).matches(".*/pulse-widget\\.[0-9a-f]{16}\\.js");
            assertThat(js.executeScript("const s = document.querySelector('script[src*=\"/pulse-widget.\"]');"
                + " return s && s.integrity")).asString().startsWith("sha384-");
        }
    }

    @Test
    void shouldAskAfterRageClicksOnAButtonThatDoesNothing() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/product/1"));
            BackButtonBrowserTest.awaitSession(driver);
            final var add = driver.findElement(By.xpath("//button[normalize-space()='Add to cart']"));
            new Actions(driver).click(add).click(add).click(add).perform();
            new Widget(driver).awaitTitle(WAIT, "Looks like something isn't responding. What were you trying to do?");
            browser.screenshot("question-rage-click");
        }
    }

    @Test
    void shouldAskAfterTwoSearchesThatFindNothing() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/search?q=unicorn"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.get(demo.url("/demo/search?q=dragon"));
            new Widget(driver).awaitTitle(WAIT, "What are you looking for?");
            assertThat(Journal.lines(demo.dataDir())).anyMatch(line -> line.contains("\"event\":\"search\"") && line.contains("\"results\":\"0\""));
        }
    }

    @Test
    void shouldAskAfterThreeRejectedSubmitsWithoutEverSendingWhatWasTyped() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            driver.get(demo.url("/demo/checkout"));
            BackButtonBrowserTest.awaitSession(driver);
            driver.findElement(By.id("email")).sendKeys("private.person@example.com");
            driver.findElement(By.id("postcode")).sendKeys("SW1A 1AA");
            final var placeOrder = driver.findElement(By.xpath("//button[normalize-space()='Place order']"));
            // A person reads the errors between attempts; three clicks within a second would be rage clicks.
            for (int attempt = 1; attempt <= 3; attempt++)
            {
                Thread.sleep(1_100);
                placeOrder.click();
                final int expected = attempt;
                new FluentWait<>(demo).withTimeout(WAIT).until(d -> formErrors(d).size() >= expected);
            }
            new Widget(driver).awaitTitle(WAIT, "Having trouble with this form?");
            assertThat(formErrors(demo)).as("one error per submit").hasSize(3);
            final var journal = Journal.lines(demo.dataDir());
            assertThat(journal).noneMatch(line -> line.contains("private.person") || line.contains("SW1A"));
        }
    }

    @Test
    void shouldPresentAnAccessibleDialogAndDismissItWithEscape() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            final Widget widget = new Widget(driver);
            askAboutSearch(driver, demo);
            final Map<String, Object> dialog = widget.dialog();
            assertThat(dialog.get("role")).isEqualTo("dialog");
            assertThat(dialog.get("label")).as("labelled by the question").isEqualTo("What are you looking for?");
            assertThat(dialog.get("focused")).as("focus moved to the first answer").isEqualTo("A product I know you sell");
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(widget.dialog().get("focused")).as("answers are reachable by keyboard").isEqualTo("A gift idea");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            new WebDriverWait(driver, WAIT).until(d -> !widget.visible());
            metricsReach(demo, "pulse_dismisses_total 1");
            assertThat(((JavascriptExecutor)driver).executeScript("return document.activeElement && document.activeElement.id"))
                .as("focus returned to where it was").isNotEqualTo("pulse-title");
        }
    }

    @Test
    void shouldFitAPhoneAndAWindowZoomedTo400Percent() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final ChromiumDriver driver = browser.driver();
            driver.manage().window().setSize(new Dimension(360, 740));
            askAboutSearch(driver, demo);
            assertPanelFits(driver);
            browser.screenshot("question-phone-360px");
            // Browser zoom at 400 % of a 1280 x 800 window lays the page out in 320 x 200 CSS pixels at four device
            // pixels each (WCAG 1.4.10, reflow): the panel must stay inside it and scroll rather than spill.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 200, "deviceScaleFactor", 4, "mobile", false));
            assertPanelFits(driver);
            browser.screenshot("question-zoom-400");
        }
    }

    @Test
    void shouldKeepTheSiteCssOutButTakeItsThemeVariables() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            askAboutSearch(driver, demo);
            // The site's CSS as a constructed sheet: the demo's strict policy would block an inserted <style>.
            ((JavascriptExecutor)driver).executeScript(
                "var s = new CSSStyleSheet();" +
                "s.replaceSync('* { color: rgb(255, 0, 0) !important; font-family: serif !important }' +" +
                "  ' button { background: rgb(255, 0, 0) !important } :root { --pulse-bg: rgb(1, 2, 3); --pulse-fg: rgb(250, 250, 250) }');" +
                "document.adoptedStyleSheets = [s];");
            @SuppressWarnings("unchecked")
            final Map<String, String> style = (Map<String, String>)((JavascriptExecutor)driver).executeScript(
                "var root = document.querySelector('[data-pulse-widget]').shadowRoot;" +
                "var panel = getComputedStyle(root.querySelector('.p')), answer = getComputedStyle(root.querySelector('.c'));" +
                "return {background: panel.backgroundColor, color: panel.color, font: panel.fontFamily," +
                "  answerBackground: answer.backgroundColor, answerColor: answer.color};");
            assertThat(style.get("background")).as("theme variable").isEqualTo("rgb(1, 2, 3)");
            assertThat(style.get("color")).as("theme variable").isEqualTo("rgb(250, 250, 250)");
            assertThat(style.get("font")).as("the site's font rule stays out").doesNotContain("serif\"").isNotEqualTo("serif");
            assertThat(style.get("answerBackground")).as("the site's button rule stays out").isNotEqualTo("rgb(255, 0, 0)");
            assertThat(style.get("answerColor")).isEqualTo("rgb(250, 250, 250)");
        }
    }

    @Test
    void shouldShowCatalogCopyAsTextNeverAsMarkup() throws Exception
    {
        final UnaryOperator<String> hostile = catalog -> FAST.apply(catalog).replace("text: \"What are you looking for?\"",
            "text: \"<img src=x onerror=\\\"window.__pulseXss=1\\\"> <script>window.__pulseXss=2</script> Looking for?\"");
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, hostile))
        {
            final WebDriver driver = browser.driver();
            askAboutSearch(driver, demo, "<img src=x onerror=\"window.__pulseXss=1\"> <script>window.__pulseXss=2</script> Looking for?");
            assertThat(((JavascriptExecutor)driver).executeScript("return window.__pulseXss")).isNull();
            browser.screenshot("question-markup-as-text");
        }
    }

    private static List<String> formErrors(final DemoServer demo)
    {
        return Journal.lines(demo.dataDir()).stream().filter(line -> line.contains("\"event\":\"form_error\"")).toList();
    }

    private static void askAboutSearch(final WebDriver driver, final DemoServer demo)
    {
        askAboutSearch(driver, demo, "What are you looking for?");
    }

    private static void askAboutSearch(final WebDriver driver, final DemoServer demo, final String question)
    {
        driver.get(demo.url("/demo/search?q=unicorn"));
        BackButtonBrowserTest.awaitSession(driver);
        driver.get(demo.url("/demo/search?q=dragon"));
        new Widget(driver).awaitTitle(WAIT, question);
    }

    private static void assertPanelFits(final WebDriver driver)
    {
        @SuppressWarnings("unchecked")
        final Map<String, Number> box = (Map<String, Number>)((JavascriptExecutor)driver).executeScript(
            "var p = document.querySelector('[data-pulse-widget]').shadowRoot.querySelector('.p'), r = p.getBoundingClientRect();" +
            "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width," +
            "  viewportWidth: document.documentElement.clientWidth, viewportHeight: window.innerHeight," +
            "  overflowX: p.scrollWidth - p.clientWidth};");
        assertThat(box.get("left").doubleValue()).as("left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.get("right").doubleValue()).as("right edge").isLessThanOrEqualTo(box.get("viewportWidth").doubleValue());
        assertThat(box.get("top").doubleValue()).as("top edge").isGreaterThanOrEqualTo(0);
        assertThat(box.get("bottom").doubleValue()).as("bottom edge").isLessThanOrEqualTo(box.get("viewportHeight").doubleValue());
        assertThat(box.get("width").doubleValue()).as("room to read").isGreaterThan(200);
        assertThat(box.get("overflowX").intValue()).as("nothing cut off sideways").isZero();
    }
}
