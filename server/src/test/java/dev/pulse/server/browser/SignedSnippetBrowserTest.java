package dev.pulse.server.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;

import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet against a server that signs sessions: without a token it is refused once and stops
 * (no retry loop); {@code Pulse.token} with a token from the site's backend starts exactly the
 * session the token names and delivers what the page had queued.
 */
@Timeout(180)
class SignedSnippetBrowserTest
{
    private static final SigningKey KEY = SigningKey.parseOrNull("8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90");
    private static final String SID = "5f0c1a2b3c4d5e6f708192a3b4c5d6e7";

    @TempDir
    Path dir;

    @Test
    void shouldStopWhenRefusedAndStartTheTokensSessionOncePulseTokenGivesOne() throws Exception
    {
        try (Browser browser = Browser.launch(); DemoServer demo = DemoServer.start(dir, UnaryOperator.identity(), builder -> builder.signingKey(KEY)))
        {
            final WebDriver driver = browser.driver();
            final JavascriptExecutor js = (JavascriptExecutor)driver;
            driver.get(demo.url("/demo/"));
            new FluentWait<>(demo).withTimeout(Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(50))
                .until(d -> d.server().metrics().errors(ErrorCode.UNAUTHORIZED) == 1);
            assertThat(js.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo') || '{}').sid || null")).isNull();

            js.executeScript("Pulse.token(arguments[0]);", SessionToken.mint(KEY, "demo", SID, System.currentTimeMillis() / 1000 + 3_600));
            BackButtonBrowserTest.awaitSession(driver);
            assertThat(js.executeScript("return JSON.parse(sessionStorage.getItem('pulse:demo')).sid")).isEqualTo(SID);
            assertThat(demo.server().metrics().errors(ErrorCode.UNAUTHORIZED)).as("refused once, never retried without a token").isEqualTo(1);
            assertThat(demo.server().metrics().prometheusText()).contains("pulse_events_total{type=\"page\"} 1");
        }
    }
}
