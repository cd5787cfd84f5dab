package dev.pulse.server.ws;

import dev.pulse.catalog.compile.NameList;
import dev.pulse.detect.PagePath;

/**
 * The server's half of "URLs without values" (the snippet does the same before sending): cuts a
 * URL a client sent down, in place, before anything journals or judges it.
 * <ul>
 *   <li>scheme and authority go (user info could carry a secret; page identity ignores them anyway);</li>
 *   <li>the fragment goes, always: everything from the first {@code #};</li>
 *   <li>the query keeps only the parameters whose name, as the URL spells it (no decoding: the catalog
 *       allows only names whose raw and decoded forms are the same), is in the site's {@code keep_query},
 *       each occurrence in its order; {@code &} and {@code ;} both separate parameters, so a kept value
 *       cannot carry a second parameter past the list; a kept name without {@code =} stays as it is;</li>
 *   <li>a URL whose path is empty gets {@code /}.</li>
 * </ul>
 * An escaped {@code %3F} or {@code %23} is part of the path, as a browser reads it, not a delimiter.
 * The result is written over the input (it is never longer, but for the {@code /} of an empty path):
 * nothing is allocated, and the filter runs per page view on the event loop. Stateless.
 */
final class UrlScrubber
{
    private UrlScrubber()
    {
    }

    /** A {@code hello.url}: the path alone. */
    static void pathOnly(final CharField url)
    {
        keepAllowed(url, null);
    }

    /** A {@code page.url}: the path and the parameters {@code keep} names; {@code null} keeps none. */
    static void keepAllowed(final CharField url, final NameList keep)
    {
        if (!url.present())
        {
            return;
        }
        final char[] chars = url.array();
        final int end = indexOf(chars, '#', 0, url.length());
        final int start = Math.min(PagePath.pathStart(url, 0, end), end);
        final int query = indexOf(chars, '?', start, end);
        final int pathLength = query - start;
        System.arraycopy(chars, start, chars, 0, pathLength);
        int written = pathLength;
        if (keep != null && !keep.isEmpty())
        {
            written = keepParameters(url, query + 1, end, pathLength, keep);
        }
        if (pathLength == 0)
        {
            // No path at all ("?q=1", "https://host", ""): the root, in front of what was kept (cut at the capacity).
            written = Math.min(written, chars.length - 1);
            System.arraycopy(chars, 0, chars, 1, written);
            chars[0] = '/';
            written++;
        }
        url.length(written);
    }

    /**
     * Copies the allowed parameters of {@code url}'s chars in [{@code from}, {@code end}) to
     * {@code written}, behind a {@code ?} and joined by {@code &}. Writing never overtakes reading:
     * the write position starts at most at the query's {@code ?} (the path was moved to the front),
     * and each copy writes its separator and parameter where at least a separator and that parameter were read.
     */
    private static int keepParameters(final CharField url, final int from, final int end, final int writtenBefore, final NameList keep)
    {
        final char[] chars = url.array();
        int written = writtenBefore;
        int at = from;
        while (at < end)
        {
            final int next = separator(chars, at, end);
            final int nameEnd = indexOf(chars, '=', at, next);
            // The CharField reads its array directly: chars from 'at' on are not yet overwritten.
            if (nameEnd > at && keep.contains(url, at, nameEnd))
            {
                chars[written] = written == writtenBefore ? '?' : '&';
                written++;
                System.arraycopy(chars, at, chars, written, next - at);
                written += next - at;
            }
            at = next + 1;
        }
        return written;
    }

    /** The index of the next {@code &} or {@code ;} in [{@code from}, {@code end}), or {@code end}. */
    private static int separator(final char[] chars, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (chars[i] == '&' || chars[i] == ';')
            {
                return i;
            }
        }
        return end;
    }

    /** The index of {@code c} in [{@code from}, {@code end}), or {@code end}. */
    private static int indexOf(final char[] chars, final char c, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (chars[i] == c)
            {
                return i;
            }
        }
        return end;
    }
}
