package dev.pulse.detect;

/**
 * A page's identity: the normalised path of a URL, held in a reused char buffer, and its
 * {@link Hash64}. Two URLs of the same page give the same path:
 * <ul>
 *   <li>scheme and authority are dropped ({@code https://shop.example/a} is {@code /a});</li>
 *   <li>query and fragment are dropped ({@code /a?x=1#top} is {@code /a});</li>
 *   <li>percent-encoded unreserved characters are decoded ({@code /%7Euser} is {@code /~user}),
 *       other escapes keep their upper-case form ({@code %2f} is {@code %2F});</li>
 *   <li>ASCII letters are lower-cased: page identity is case-insensitive;</li>
 *   <li>repeated slashes collapse, a trailing slash goes ({@code //a//b/} is {@code /a/b}),
 *       an empty path is {@code /}.</li>
 * </ul>
 * Paths longer than {@link #MAX_LENGTH} are cut there. The instance is a {@link CharSequence}
 * over its buffer, so the catalog's matchers read it without a copy.
 *
 * <p>Not thread-safe: one instance per thread, reused for every event.
 */
public final class PagePath implements CharSequence
{
    /** Normalised paths are cut at this many chars; a frame cannot carry much more anyway. */
    public static final int MAX_LENGTH = 2048;

    private final char[] chars = new char[MAX_LENGTH];
    private final CharArrayView charArrayView = new CharArrayView();
    private int length;
    private long hash;

    /** Normalises {@code url} (a path or an absolute http(s) URL) into this instance. */
    public PagePath normalise(final CharSequence url)
    {
        return normalise(url, 0, url.length());
    }

    public PagePath normalise(final char[] url, final int offset, final int urlLength)
    {
        return normalise(charArrayView.wrap(url), offset, urlLength);
    }

    /** Normalises {@code urlLength} chars of {@code url} from {@code offset}. */
    public PagePath normalise(final CharSequence url, final int offset, final int urlLength)
    {
        final int end = offset + urlLength;
        int i = skipSchemeAndAuthority(url, offset, end);
        length = 0;
        append('/');
        while (i < end)
        {
            char c = url.charAt(i);
            if (c == '?' || c == '#')
            {
                break;
            }
            if (c == '%' && i + 2 < end && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))
            {
                final int decoded = (hexValue(url.charAt(i + 1)) << 4) | hexValue(url.charAt(i + 2));
                i += 3;
                if (isUnreserved(decoded))
                {
                    append(toLowerAscii((char)decoded));
                }
                else
                {
                    append('%');
                    append(Character.toUpperCase(url.charAt(i - 2)));
                    append(Character.toUpperCase(url.charAt(i - 1)));
                }
                continue;
            }
            c = toLowerAscii(c);
            if (c != '/' || chars[length - 1] != '/')
            {
                append(c);
            }
            i++;
        }
        if (length > 1 && chars[length - 1] == '/')
        {
            length--;
        }
        hash = Hash64.of(chars, 0, length);
        return this;
    }

    /** The {@link Hash64} of the normalised path: the page identity kept in session state. */
    public long hash()
    {
        return hash;
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        if (index < 0 || index >= length)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    /** Allocates: for tests and diagnostics, not for the hot path. */
    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    /** Allocates: for tests and diagnostics, not for the hot path. */
    @Override
    public String toString()
    {
        return new String(chars, 0, length);
    }

    /** Convenience for cold paths (catalog compilation, tests): the hash of a URL's page. */
    public static long hashOf(final CharSequence url)
    {
        return new PagePath().normalise(url).hash();
    }

    /** A reusable CharSequence over a caller's char[]: lets one normaliser serve both inputs. */
    private static final class CharArrayView implements CharSequence
    {
        private char[] array;

        CharArrayView wrap(final char[] array)
        {
            this.array = array;
            return this;
        }

        @Override
        public int length()
        {
            return array.length;
        }

        @Override
        public char charAt(final int index)
        {
            return array[index];
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            return new String(array, start, end - start);
        }
    }

    private void append(final char c)
    {
        if (length < MAX_LENGTH)
        {
            chars[length++] = c;
        }
    }

    /**
     * Where the path of a URL starts, as {@link #normalise} reads it: after {@code scheme://authority}
     * or a protocol-relative {@code //authority}, else at {@code offset}; {@code end} when there is none.
     * So a server that cuts a URL down to its path agrees with page identity on where the path is.
     */
    public static int pathStart(final CharSequence url, final int offset, final int end)
    {
        return skipSchemeAndAuthority(url, offset, end);
    }

    private static int skipSchemeAndAuthority(final CharSequence url, final int offset, final int end)
    {
        int i = offset;
        while (i < end && isSchemeChar(url.charAt(i)))
        {
            i++;
        }
        final boolean hasScheme = i > offset && i + 2 < end &&
            url.charAt(i) == ':' && url.charAt(i + 1) == '/' && url.charAt(i + 2) == '/';
        final boolean protocolRelative = end - offset >= 2 && url.charAt(offset) == '/' && url.charAt(offset + 1) == '/';
        if (!hasScheme && !protocolRelative)
        {
            return offset;
        }
        i = hasScheme ? i + 3 : offset + 2;
        while (i < end)
        {
            final char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#')
            {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isSchemeChar(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }

    private static boolean isUnreserved(final int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isHex(final char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hexValue(final char c)
    {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static char toLowerAscii(final char c)
    {
        return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
    }
}
