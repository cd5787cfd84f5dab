package dev.pulse.catalog.compile;

import dev.pulse.catalog.model.Templates;
import dev.pulse.detect.ContextTextsFlyweight;
import dev.pulse.detect.Hash64;

/**
 * Fills a response's text for one session: each {@code {{key|fallback}}} becomes the session's
 * context text of {@code key} ({@link ContextTextsFlyweight}), or the fallback when it has none.
 * The result is plain text: the widget draws it as text, never markup, so a value such as
 * {@code <img src=x onerror=...>} shows as those characters. The catalog's validator has checked
 * every placeholder; one that is not well formed here is copied as it stands.
 *
 * <p>Not thread-safe (a reused name buffer): one per event loop. Allocation-free once
 * {@code into} has grown.
 */
public final class TemplateFiller
{
    private static final int MAX_NAME = 64;

    private final char[] name = new char[MAX_NAME];

    /**
     * Appends {@code template}, filled, to {@code into}.
     *
     * @return {@code into}.
     */
    public StringBuilder fill(final String template, final ContextTextsFlyweight context, final StringBuilder into)
    {
        int at = 0;
        int open = template.indexOf(Templates.OPEN);
        while (open >= 0)
        {
            final int close = template.indexOf(Templates.CLOSE, open + Templates.OPEN.length());
            if (close < 0)
            {
                break;
            }
            into.append(template, at, open);
            int bar = open + Templates.OPEN.length();
            while (bar < close && template.charAt(bar) != Templates.FALLBACK)
            {
                bar++;
            }
            if (!appendValue(template, open + Templates.OPEN.length(), bar, context, into) && bar < close)
            {
                into.append(template, bar + 1, close);
            }
            at = close + Templates.CLOSE.length();
            open = template.indexOf(Templates.OPEN, at);
        }
        return into.append(template, at, template.length());
    }

    /** Appends the context text of the name in [{@code from}, {@code to}) of {@code template}, trimmed; false when the session has none. */
    private boolean appendValue(final String template, final int from, final int to, final ContextTextsFlyweight context,
        final StringBuilder into)
    {
        int start = from;
        int end = to;
        while (start < end && template.charAt(start) == ' ')
        {
            start++;
        }
        while (end > start && template.charAt(end - 1) == ' ')
        {
            end--;
        }
        if (end - start > MAX_NAME)
        {
            return false;
        }
        template.getChars(start, end, name, 0);
        return context.appendContextText(Hash64.of(name, 0, end - start), into);
    }
}
