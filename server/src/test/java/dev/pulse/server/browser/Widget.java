package dev.pulse.server.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Reads and drives the Pulse widget (inside its shadow root) on the page a browser shows. */
final class Widget
{
    private static final String PANEL = "var h = document.querySelector('[data-pulse-widget]');" +
        "var p = h && h.shadowRoot && h.shadowRoot.querySelector('.p');";

    private final WebDriver driver;

    Widget(final WebDriver driver)
    {
        this.driver = driver;
    }

    private Object script(final String body)
    {
        return ((JavascriptExecutor)driver).executeScript(PANEL + body);
    }

    boolean visible()
    {
        return Boolean.TRUE.equals(script("return !!(p && !p.hidden);"));
    }

    /** The panel's heading: the question, then the response's title. */
    String title()
    {
        return String.valueOf(script("return p ? p.querySelector('h2').textContent : null;"));
    }

    @SuppressWarnings("unchecked")
    List<String> choices()
    {
        return (List<String>)script("return p ? Array.from(p.querySelectorAll('button.c')).map(b => b.textContent) : [];");
    }

    /** The panel's role and the text of the element that labels it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> dialog()
    {
        return (Map<String, Object>)script("return {role: p.getAttribute('role'), " +
            "label: h.shadowRoot.getElementById(p.getAttribute('aria-labelledby')).textContent, " +
            "focused: h.shadowRoot.activeElement ? h.shadowRoot.activeElement.textContent : null};");
    }

    void choose(final int index)
    {
        script("p.querySelectorAll('button.c')[" + index + "].click();");
    }

    String body()
    {
        return String.valueOf(script("return Array.from(p.querySelectorAll('p')).map(e => e.textContent).join('\\n');"));
    }

    String ctaHref()
    {
        return String.valueOf(script("var a = p.querySelector('a'); return a ? a.getAttribute('href') : null;"));
    }

    /** Waits until the widget shows a panel titled one of {@code titles} (a question's copy variants); returns the title. */
    String awaitTitle(final Duration timeout, final String... titles)
    {
        new WebDriverWait(driver, timeout).until(d -> visible() && List.of(titles).contains(title()));
        return title();
    }
}
