package dev.pulse.catalog.compile;

import java.util.List;

import org.agrona.collections.Long2LongHashMap;

import dev.pulse.catalog.model.CatalogModel.PatternType;
import dev.pulse.detect.PagePath;

/**
 * Maps a normalised page path to its page kind without allocating: exact patterns by the path's
 * hash (one lookup), then prefix and glob patterns in the order the file lists them; the first
 * that matches wins. No match is kind 0. Immutable after construction; safe to share.
 */
public final class PageKindMatcher
{
    /** One prefix or glob pattern, normalised, and the kind it selects. */
    public record Rule(PatternType type, String pattern, int kind)
    {
    }

    private final Long2LongHashMap exactKindByHash = new Long2LongHashMap(-1);
    private final PatternType[] types;
    private final String[] patterns;
    private final int[] kinds;

    /**
     * @param exact hashes ({@link PagePath#hash()}) of exact paths and their kinds.
     * @param rules prefix and glob rules in file order.
     */
    public PageKindMatcher(final Long2LongHashMap exact, final List<Rule> rules)
    {
        exactKindByHash.putAll(exact);
        types = new PatternType[rules.size()];
        patterns = new String[rules.size()];
        kinds = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++)
        {
            types[i] = rules.get(i).type();
            patterns[i] = rules.get(i).pattern();
            kinds[i] = rules.get(i).kind();
        }
    }

    /** The page kind of a normalised path; 0 if no pattern matches. */
    public int kindOf(final PagePath path)
    {
        final long exact = exactKindByHash.get(path.hash());
        if (exact >= 0)
        {
            return (int)exact;
        }
        for (int i = 0; i < patterns.length; i++)
        {
            final boolean matches = types[i] == PatternType.PREFIX ?
                PathPatterns.prefixMatches(patterns[i], path) : PathPatterns.globMatches(patterns[i], path);
            if (matches)
            {
                return kinds[i];
            }
        }
        return 0;
    }
}
