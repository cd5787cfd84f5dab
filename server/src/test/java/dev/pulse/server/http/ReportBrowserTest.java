package dev.pulse.server.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;

import dev.pulse.report.Breakdown;
import dev.pulse.report.Report;
import dev.pulse.report.ReportFormat;
import dev.pulse.report.ReportRange;
import dev.pulse.report.ReportTesting;
import dev.pulse.report.SampleJournal;
import dev.pulse.report.TestJournal;
import dev.pulse.server.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report of a realistic day (3,000 sessions) opened from disk in headless Chromium: every
 * chart (the lift-by-day trend among them) renders with visible marks, and the page asks the network
 * for nothing. The page and a full-page screenshot are kept under target/browser-artifacts/
 * (sample-report.html, .png).
 */
@Timeout(180)
class ReportBrowserTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRenderEveryChartOfARealisticReportOffline() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            SampleJournal.write(journal, ReportTesting.NOV_24, 3_000, 2026);
        }
        final Report report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-24"));
        Files.createDirectories(Browser.ARTIFACTS);
        final Path page = Browser.ARTIFACTS.resolve("sample-report.html");
        Files.writeString(page, ReportTesting.render(report, ReportFormat.HTML));
        final long questionCharts = report.questions().stream().filter(question -> question.shown() > 0).count()
            + report.questions().stream().filter(question -> question.variants().size() > 1).count();
        // The lift-by-day trend, drawn when a day has enough visitors for a lift: this day has.
        final long trendCharts = report.breakdowns().stream().filter(breakdown -> breakdown.by().equals(Breakdown.DAY))
            .filter(days -> days.cells().stream().anyMatch(day -> day.lift().enoughData())).count();
        assertThat(trendCharts).isOne();

        try (Browser browser = Browser.launch())
        {
            browser.driver().get(page.toAbsolutePath().toUri().toString());

            assertThat(browser.driver().getTitle()).isEqualTo("Pulse outcome report: 2026-11-24 (UTC)");
            final List<Map<String, Object>> charts = charts(browser);
            assertThat(charts).hasSize((int)(4 + trendCharts + questionCharts));
            assertThat(charts).allSatisfy(chart ->
            {
                assertThat(((Number)chart.get("width")).doubleValue()).as("%s", chart).isGreaterThan(100);
                assertThat(((Number)chart.get("height")).doubleValue()).as("%s", chart).isGreaterThan(20);
                assertThat(((Number)chart.get("marks")).intValue()).as("%s", chart).isPositive();
                assertThat((String)chart.get("label")).isNotBlank().isEqualTo(chart.get("title"));
                assertThat(chart.get("role")).isEqualTo("img");
            });
            assertThat(browser.driver().executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
            final long height = (Long)browser.driver().executeScript("return document.documentElement.scrollHeight");
            browser.driver().manage().window().setSize(new Dimension(1280, (int)Math.min(height + 100, 16_000)));
            assertThat(browser.screenshot("sample-report")).exists();
        }
    }

    /** Each chart's drawn size (SVG getBBox) and how many bars, dots and swatches have a non-zero box. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> charts(final Browser browser)
    {
        return (List<Map<String, Object>>)browser.driver().executeScript(
            "return Array.from(document.querySelectorAll('svg.chart')).map(svg => {"
                + "  const box = svg.getBBox();"
                + "  const marks = Array.from(svg.querySelectorAll('rect, circle')).map(mark => mark.getBBox())"
                + "    .filter(mark => mark.width > 0 && mark.height > 0).length;"
                + "  return {id: svg.id, width: box.width, height: box.height, marks: marks, role: svg.getAttribute('role'),"
                + "    label: svg.getAttribute('aria-label'), title: svg.querySelector('title').textContent};"
                + "});");
    }
}
