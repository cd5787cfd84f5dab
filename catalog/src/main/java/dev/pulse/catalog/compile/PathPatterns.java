package dev.pulse.catalog.compile;

import dev.pulse.catalog.model.CatalogModel.PatternType;
import dev.pulse.detect.PagePath;

/**
 * The syntax and meaning of page patterns, over paths normalised as {@link PagePath} does (so a
 * pattern and a URL agree on case, trailing slashes and escapes):
 * <ul>
 *   <li>exact: the whole path, {@code /pricing};</li>
 *   <li>prefix: the path or anything under it, at a segment boundary: {@code /docs} matches
 *       {@code /docs} and {@code /docs/a}, not {@code /docsx}; {@code /} matches every path;</li>
 *   <li>glob: {@code *} matches within one segment, {@code **} across segments:
 *       {@code /product/*}{@code /reviews}, {@code /help/**}.</li>
 * </ul>
 */
public final class PathPatterns
{
    private PathPatterns()
    {
    }

    /** Why the pattern cannot be used, or null if it can. */
    public static String problem(final PatternType type, final String pattern)
    {
        if (!pattern.startsWith("/"))
        {
            return "the pattern '" + pattern + "' does not start with '/'";
        }
        if (pattern.indexOf('?') >= 0 || pattern.indexOf('#') >= 0)
        {
            return "the pattern '" + pattern + "' has a query or fragment; pages are matched by path only";
        }
        if (type != PatternType.GLOB && pattern.indexOf('*') >= 0)
        {
            return "the " + type.name().toLowerCase(java.util.Locale.ROOT) + " pattern '" + pattern + "' contains '*'";
        }
        if (type == PatternType.GLOB && pattern.contains("***"))
        {
            return "the glob '" + pattern + "' has '***'; use '*' within a segment or '**' across segments";
        }
        return null;
    }

    /** The pattern's text normalised like a URL path. */
    public static String normalise(final String pattern)
    {
        return new PagePath().normalise(pattern).toString();
    }

    /** Whether the normalised {@code path} starts with the normalised {@code prefix} at a segment boundary. */
    public static boolean prefixMatches(final String prefix, final CharSequence path)
    {
        final int length = prefix.length();
        if (length == 1)
        {
            return true;
        }
        if (path.length() < length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (path.charAt(i) != prefix.charAt(i))
            {
                return false;
            }
        }
        return path.length() == length || path.charAt(length) == '/';
    }

    /** Whether the normalised {@code path} matches the normalised {@code glob}; allocation-free. */
    public static boolean globMatches(final String glob, final CharSequence path)
    {
        return glob(glob, 0, path, 0);
    }

    private static boolean glob(final String glob, final int g, final CharSequence path, final int p)
    {
        int gi = g;
        int pi = p;
        while (gi < glob.length())
        {
            final char c = glob.charAt(gi);
            if (c == '*')
            {
                final boolean crossesSegments = gi + 1 < glob.length() && glob.charAt(gi + 1) == '*';
                final int rest = gi + (crossesSegments ? 2 : 1);
                for (int end = pi; end <= path.length(); end++)
                {
                    if (glob(glob, rest, path, end))
                    {
                        return true;
                    }
                    if (end < path.length() && !crossesSegments && path.charAt(end) == '/')
                    {
                        return false;
                    }
                }
                return false;
            }
            if (pi >= path.length() || path.charAt(pi) != c)
            {
                return false;
            }
            gi++;
            pi++;
        }
        return pi == path.length();
    }
}
