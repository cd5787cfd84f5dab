package dev.pulse.server.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for tests: Debian's {@code chromium} driven through its {@code chromedriver}
 * (no download), started as this machine requires. Where the browser is missing the test is
 * skipped, except when {@code PULSE_REQUIRE_BROWSER=1} (set by .ci/run): then it fails, so CI
 * cannot pass without running the browser tests.
 */
public final class Browser implements AutoCloseable
{
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots and pages saved for people to look at, under the module's target directory. */
    public static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(final ChromeDriver driver, final Path profile)
    {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile; {@code extraArguments} are added to the standard ones. */
    public static Browser launch(final String... extraArguments) throws IOException
    {
        final boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available && "1".equals(System.getenv("PULSE_REQUIRE_BROWSER")))
        {
            throw new AssertionError("PULSE_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(available, "no chromium/chromedriver here: install Debian's chromium and chromium-driver");
        final Path profile = Files.createTempDirectory("pulse-chromium");
        final List<String> arguments = new ArrayList<>(List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,800",
            "--user-data-dir=" + profile));
        arguments.addAll(List.of(extraArguments));
        final ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(arguments);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        final ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public ChromeDriver driver()
    {
        return driver;
    }

    /**
     * Moves to a new tab and closes the old one: a new tab has its own sessionStorage, so the
     * snippet starts a new session there. Clearing sessionStorage on a live page is not the same:
     * the page's snippet may still be waiting for its welcome and writes its session id back.
     */
    public void freshTab()
    {
        final String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        final String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
    }

    /** Saves a screenshot as {@code target/browser-artifacts/<name>.png} and returns its path. */
    public Path screenshot(final String name) throws IOException
    {
        Files.createDirectories(ARTIFACTS);
        final File shot = ((TakesScreenshot)driver).getScreenshotAs(OutputType.FILE);
        final Path target = ARTIFACTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            driver.quit();
        }
        finally
        {
            try (var files = Files.walk(profile))
            {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
