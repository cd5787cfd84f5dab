package dev.pulse.catalog.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The placeholders of a response's text: {@code {{first_name|there}}} inserts the session's context
 * value of {@code first_name}, or {@code there} when it has none. The fallback is required (it may be
 * empty: {@code {{plan|}}}), so no person ever reads a raw placeholder. Names are context keys; the
 * fallback is any text without braces.
 */
public final class Templates
{
    /** How a placeholder opens. */
    public static final String OPEN = "{{";
    /** How it closes. */
    public static final String CLOSE = "}}";
    /** Between the name and the fallback. */
    public static final char FALLBACK = '|';

    private Templates()
    {
    }

    /** One placeholder as written: its name, its fallback (null when missing), where it starts in the text. */
    public record Placeholder(String name, String fallback, int at)
    {
    }

    /**
     * The placeholders of {@code text}, in order.
     *
     * @throws IllegalArgumentException with what is wrong, for a {@code {{} that does not close.
     */
    public static List<Placeholder> placeholders(final String text)
    {
        final List<Placeholder> found = new ArrayList<>();
        int at = text.indexOf(OPEN);
        while (at >= 0)
        {
            final int close = text.indexOf(CLOSE, at + OPEN.length());
            if (close < 0)
            {
                throw new IllegalArgumentException("'" + OPEN + "' at character " + (at + 1) + " is never closed with '" + CLOSE + "'");
            }
            final String inside = text.substring(at + OPEN.length(), close);
            final int bar = inside.indexOf(FALLBACK);
            found.add(new Placeholder(
                (bar < 0 ? inside : inside.substring(0, bar)).trim(), bar < 0 ? null : inside.substring(bar + 1), at));
            at = text.indexOf(OPEN, close + CLOSE.length());
        }
        return found;
    }

    /** Whether {@code text} has any placeholder (or something that starts one). */
    public static boolean isTemplate(final String text)
    {
        return text != null && text.contains(OPEN);
    }
}
