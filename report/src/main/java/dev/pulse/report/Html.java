package dev.pulse.report;

/**
 * A small HTML writer over a StringBuilder: every piece of text goes through {@link #escape}, so
 * nothing from the journal or a catalog can become markup. Tags and attribute names are the caller's constants.
 * Not thread-safe.
 */
public final class Html
{
    private final StringBuilder out;

    public Html(final StringBuilder out)
    {
        this.out = out;
    }

    public StringBuilder builder()
    {
        return out;
    }

    /** Escapes {@code & < > " '} for text and attribute values alike. */
    public static String escape(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    public Html raw(final String markup)
    {
        out.append(markup);
        return this;
    }

    public Html text(final String text)
    {
        out.append(escape(text));
        return this;
    }

    /** {@code <tag>text</tag>}. */
    public Html element(final String tag, final String text)
    {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag class="...">text</tag>}. */
    public Html element(final String tag, final String cssClass, final String text)
    {
        out.append('<').append(tag).append(" class=\"").append(cssClass).append("\">").append(escape(text))
            .append("</").append(tag).append(">\n");
        return this;
    }

    /**
     * Opens a table with a caption and a header row; the first {@code textColumns} columns hold text
     * (left-aligned, the first being each row's heading), the rest numbers (right-aligned).
     */
    public Html table(final String caption, final int textColumns, final String... headings)
    {
        out.append("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
        for (int i = 0; i < headings.length; i++)
        {
            out.append(i < textColumns ? "<th scope=\"col\" class=\"text\">" : "<th scope=\"col\">").append(escape(headings[i]))
                .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        return this;
    }

    /** One body row: the first cell is the row's heading, the rest are numbers (right-aligned). */
    public Html row(final String heading, final String... cells)
    {
        out.append("<tr><th scope=\"row\">").append(escape(heading)).append("</th>");
        for (final String cell : cells)
        {
            out.append("<td>").append(escape(cell)).append("</td>");
        }
        out.append("</tr>\n");
        return this;
    }

    /** One body row whose second cell is text too (an id next to the row heading). */
    public Html rowWithText(final String heading, final String text, final String... cells)
    {
        out.append("<tr><th scope=\"row\">").append(escape(heading)).append("</th><td class=\"text\">").append(escape(text)).append("</td>");
        for (final String cell : cells)
        {
            out.append("<td>").append(escape(cell)).append("</td>");
        }
        out.append("</tr>\n");
        return this;
    }

    public Html endTable()
    {
        out.append("</tbody>\n</table>\n");
        return this;
    }
}
