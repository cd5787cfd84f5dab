package dev.pulse.catalog.compile;

import java.util.List;

/**
 * A short list of names (a site's {@code keep_query} or {@code client_context}) that answers whether
 * a run of chars is one of them without making a String: the hot path asks it per page view. A linear
 * scan: the lists are a handful of names, where a scan beats hashing the run first. Immutable.
 */
public final class NameList
{
    private final List<String> names;
    private final String[] array;

    public NameList(final List<String> names)
    {
        this.names = List.copyOf(names);
        this.array = this.names.toArray(new String[0]);
    }

    /** The names in catalog order. */
    public List<String> names()
    {
        return names;
    }

    public boolean isEmpty()
    {
        return array.length == 0;
    }

    /** Whether {@code text} is exactly one of the names (case-sensitive); allocation-free. */
    public boolean contains(final CharSequence text)
    {
        return contains(text, 0, text.length());
    }

    /** Whether the chars of {@code text} in [{@code from}, {@code to}) are exactly one of the names; allocation-free. */
    public boolean contains(final CharSequence text, final int from, final int to)
    {
        for (final String name : array)
        {
            if (equals(name, text, from, to))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean equals(final String name, final CharSequence text, final int from, final int to)
    {
        if (name.length() != to - from)
        {
            return false;
        }
        for (int i = 0; i < name.length(); i++)
        {
            if (name.charAt(i) != text.charAt(from + i))
            {
                return false;
            }
        }
        return true;
    }
}
