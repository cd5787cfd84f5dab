package dev.pulse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values one breakdown splits by (a context key's values, page kinds), each numbered on first
 * sight, at most {@code capacity} of them: values come from pages and journals, not from the
 * catalog, so a key sent with a new value per visitor must not make a cell per visitor. Past the
 * capacity every new value is {@link #OTHER}. Numbers 0 and 1 are the two values no page can send:
 * {@link #NOT_SET} and {@link #OTHER}. Not thread-safe.
 */
final class CellNames
{
    /** No value: the session did not send the key (or started before the journal), the record has no page kind. */
    static final String NOT_SET = "(not set)";
    /** A value past the capacity. */
    static final String OTHER = "(other values)";
    static final int NOT_SET_INDEX = 0;
    static final int OTHER_INDEX = 1;

    private final int capacity;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<String> names = new ArrayList<>(List.of(NOT_SET, OTHER));

    /** @param capacity the most values numbered, besides the two special ones. */
    CellNames(final int capacity)
    {
        this.capacity = capacity;
    }

    /** The value's number, numbering it if there is room; {@link #NOT_SET_INDEX} for null or "". */
    int index(final String name)
    {
        if (name == null || name.isEmpty())
        {
            return NOT_SET_INDEX;
        }
        final Integer index = indexByName.get(name);
        if (index != null)
        {
            return index;
        }
        if (names.size() - 2 >= capacity)
        {
            return OTHER_INDEX;
        }
        names.add(name);
        indexByName.put(name, names.size() - 1);
        return names.size() - 1;
    }

    String name(final int index)
    {
        return names.get(index);
    }
}
