package dev.pulse.catalog.source;

import java.util.List;
import java.util.Map;

/**
 * A value of the catalog document with the place it was written: a map, a list or a scalar.
 * The reader keeps locations so that every error can point at its line and column.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode
{
    Location location();

    /** What a value is, for error messages ("a map", "a list", "a number", ...). */
    String describe();

    /** A mapping; keys keep their order and their own locations. */
    record MapNode(Location location, Map<String, Entry> entries) implements Node
    {
        @Override
        public String describe()
        {
            return "a map";
        }
    }

    /** One key of a map and its value. */
    record Entry(String key, Location keyLocation, Node value)
    {
    }

    /** A sequence. */
    record ListNode(Location location, List<Node> items) implements Node
    {
        @Override
        public String describe()
        {
            return "a list";
        }
    }

    /** A string, number, boolean or null, with its text as written. */
    record ScalarNode(Location location, ScalarKind kind, String text) implements Node
    {
        @Override
        public String describe()
        {
            switch (kind)
            {
                case NULL:
                    return "nothing (null)";
                case BOOLEAN:
                    return "a boolean (" + text + ")";
                case NUMBER:
                    return "a number (" + text + ")";
                default:
                    return "text (\"" + text + "\")";
            }
        }
    }

    /** The kinds of scalar. */
    enum ScalarKind
    {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }
}
