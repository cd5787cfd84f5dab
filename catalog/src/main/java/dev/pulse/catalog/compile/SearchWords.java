package dev.pulse.catalog.compile;

/**
 * The words of one search, folded ({@link SearchFold}) into reused buffers: what an
 * {@link IntentMatcher} matches against. Bounded: at most {@value #MAX_WORDS} words and
 * {@value #MAX_CHARS} folded chars are kept, the rest of a longer query is not read, so a query
 * costs the same bounded work however long it is.
 *
 * <p>Not thread-safe and reused: one per event loop (the matcher is shared by every loop, its
 * scratch is not). Allocation-free.
 */
public final class SearchWords
{
    public static final int MAX_WORDS = 64;
    public static final int MAX_CHARS = 512;

    private final char[] chars = new char[MAX_CHARS];
    private final int[] starts = new int[MAX_WORDS];
    private final int[] lengths = new int[MAX_WORDS];
    private int count;

    /** Reads the words of {@code text}, replacing those read before; returns this. */
    public SearchWords read(final CharSequence text)
    {
        count = 0;
        int length = 0;
        boolean inWord = false;
        for (int i = 0, size = text.length(); i < size && length < MAX_CHARS; i++)
        {
            final char c = SearchFold.fold(text.charAt(i));
            if (c == SearchFold.SKIP)
            {
                continue;
            }
            if (c == SearchFold.SEPARATOR)
            {
                if (inWord)
                {
                    lengths[count - 1] = length - starts[count - 1];
                    inWord = false;
                }
                continue;
            }
            if (!inWord)
            {
                if (count == MAX_WORDS)
                {
                    break;
                }
                starts[count++] = length;
                inWord = true;
            }
            chars[length++] = c;
        }
        if (inWord)
        {
            lengths[count - 1] = length - starts[count - 1];
        }
        return this;
    }

    /** How many words were read. */
    public int count()
    {
        return count;
    }

    /** The first folded char of word {@code index}. */
    char firstChar(final int index)
    {
        return chars[starts[index]];
    }

    /** Whether word {@code index} is {@code word} (or, with {@code prefix}, begins with it). */
    boolean matches(final int index, final char[] word, final boolean prefix)
    {
        final int length = lengths[index];
        if (prefix ? length < word.length : length != word.length)
        {
            return false;
        }
        final int start = starts[index];
        for (int i = 0; i < word.length; i++)
        {
            if (chars[start + i] != word[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Word {@code index} as a String: for tests and tools, never the event loop. */
    public String word(final int index)
    {
        return new String(chars, starts[index], lengths[index]);
    }
}
