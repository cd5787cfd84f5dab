package dev.pulse.server.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code for=} of each element of RFC 7239 {@code Forwarded} lines, as written there:
 *
 * <pre>
 *   Forwarded         = 1#forwarded-element                         (elements separated by commas)
 *   forwarded-element = [ forwarded-pair ] *( ";" [ forwarded-pair ] )
 *   forwarded-pair    = token "=" ( token / quoted-string )
 * </pre>
 *
 * A strict reader: a name or an unquoted value with a character a token may not hold, a pair
 * without {@code =}, an unclosed quote, or a parameter twice in one element make the whole header
 * unreadable (an empty list), because a reader that guesses could be steered by what a client
 * wrote. Empty elements are skipped, as RFC 7230 asks. Stateless.
 */
final class ForwardedHeader
{
    /** What an element without {@code for=} stands for in the list: a hop that is no address. */
    static final String NO_FOR = "";
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final String line;
    private int at;

    private ForwardedHeader(final String line)
    {
        this.line = line;
    }

    /** The {@code for=} value of every element of {@code lines} in order ({@link #NO_FOR} where an element has none); empty if any line is unreadable. */
    static List<String> forValues(final List<String> lines)
    {
        final List<String> values = new ArrayList<>();
        for (final String line : lines)
        {
            if (!new ForwardedHeader(line).readInto(values))
            {
                return List.of();
            }
        }
        return values;
    }

    private boolean readInto(final List<String> values)
    {
        while (true)
        {
            skipSpace();
            if (at == line.length())
            {
                return true;
            }
            if (line.charAt(at) == ',')
            {
                at++;
                continue;
            }
            final String forValue = element();
            if (forValue == null)
            {
                return false;
            }
            values.add(forValue);
            if (at < line.length())
            {
                at++;
            }
        }
    }

    /** One element up to its comma (not consumed) or the end: its for value, NO_FOR without one, null if unreadable. */
    private String element()
    {
        String forValue = null;
        while (true)
        {
            skipSpace();
            if (at == line.length() || line.charAt(at) == ',')
            {
                return forValue != null ? forValue : NO_FOR;
            }
            if (line.charAt(at) == ';')
            {
                at++;
                continue;
            }
            final String name = token();
            if (name.isEmpty() || at == line.length() || line.charAt(at) != '=')
            {
                return null;
            }
            at++;
            final String value = at < line.length() && line.charAt(at) == '"' ? quoted() : token();
            if (value == null || value.isEmpty() && line.charAt(at - 1) != '"')
            {
                return null;
            }
            if (name.equalsIgnoreCase("for"))
            {
                if (forValue != null)
                {
                    return null;
                }
                forValue = value;
            }
            skipSpace();
            if (at < line.length() && line.charAt(at) != ';' && line.charAt(at) != ',')
            {
                return null;
            }
        }
    }

    private String token()
    {
        final int start = at;
        while (at < line.length() && isTokenChar(line.charAt(at)))
        {
            at++;
        }
        return line.substring(start, at);
    }

    /** A quoted string from its opening quote, unescaped; null if it is not closed. */
    private String quoted()
    {
        final StringBuilder value = new StringBuilder();
        at++;
        while (at < line.length())
        {
            final char c = line.charAt(at++);
            if (c == '"')
            {
                return value.toString();
            }
            if (c == '\\')
            {
                if (at == line.length())
                {
                    return null;
                }
                value.append(line.charAt(at++));
            }
            else
            {
                value.append(c);
            }
        }
        return null;
    }

    private void skipSpace()
    {
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t'))
        {
            at++;
        }
    }

    private static boolean isTokenChar(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }
}
