package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pricing example (000_7aec88f590512d87.txt) in the demo catalog: a team of 6 or more is
 * recommended Team, a smaller one Starter, by the {@code team_size} the page puts in its context;
 * the response inserts the person's name, and a name written as markup shows as those characters.
 */
@Timeout(180)
class TeamSizeBrowserTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUESTION = "Choosing a plan for your team?";
    /** The test page counts as pricing, and the idle wait is short. */
    private static final UnaryOperator<String> FAST = catalog -> catalog
        .replace("page_grace: 3s", "page_grace: 0s")
        .replace("pricing:   { match: [/demo/pricing], key: true }", "pricing:   { match: [/demo/pricing, /demo/test/team], key: true }")
        .replace("thresholds: { idle: 30s }", "thresholds: { idle: 2s }");

    @TempDir
    Path dir;

    private static String answerWhichPlan(final WebDriver driver, final Widget widget, final String page)
    {
        driver.get(page);
        widget.awaitTitle(WAIT, QUESTION);
        widget.choose(0);
        new WebDriverWait(driver, WAIT).until(d -> !QUESTION.equals(widget.title()));
        return widget.title() + "\n" + widget.body();
    }

    @Test
    void shouldRecommendAPlanByTeamSizeAndShowAMarkupNameAsText() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            final Widget widget = new Widget(driver);

            final String team = answerWhichPlan(driver, widget, demo.url("/demo/test/team?team_size=8&first_name=Ada"));
            assertThat(team).startsWith("Team fits you, Ada\n").contains("For 8 people, Team ($99/month)");
            browser.screenshot("team-size-8");

            driver.manage().deleteAllCookies();
            ((JavascriptExecutor)driver).executeScript("sessionStorage.clear(); localStorage.clear();");
            final String markup = "<img src=x onerror=alert(1)>";
            final String starter = answerWhichPlan(driver, widget,
                demo.url("/demo/test/team?team_size=3&first_name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"));
            assertThat(starter).startsWith("Starter fits you, " + markup + "\n").contains("For 3 people, Starter ($29/month)");
            final JavascriptExecutor js = (JavascriptExecutor)driver;
            assertThat(js.executeScript("return document.querySelector('[data-pulse-widget]').shadowRoot.querySelectorAll('img').length"))
                .as("the name made no element").isEqualTo(0L);
            assertThat(js.executeScript("return document.querySelectorAll('img[src=x]').length")).isEqualTo(0L);
            browser.screenshot("team-size-3-markup-name");
        }
    }

    @Test
    void shouldFallBackWhenThePageGivesNoName() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, FAST))
        {
            final WebDriver driver = browser.driver();
            final String team = answerWhichPlan(driver, new Widget(driver), demo.url("/demo/test/team?team_size=6"));
            assertThat(team).startsWith("Team fits you, there\n").contains("For 6 people");
        }
    }
}
