package dev.pulse.catalog.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;

/**
 * Typed reads from one map of the document, reporting every problem (an unknown key with the
 * nearest known one, a missing key, a value of the wrong type or unit) instead of stopping.
 * A read that fails returns null or the default, so reading goes on and every error is found.
 */
final class Fields
{
    private final Node.MapNode map;
    private final String path;
    private final Diagnostics diagnostics;

    private Fields(final Node.MapNode map, final String path, final Diagnostics diagnostics)
    {
        this.map = map;
        this.path = path;
        this.diagnostics = diagnostics;
    }

    /** The map at {@code node}, checked against its known keys; null (reported) if it is not a map. */
    static Fields of(final Node node, final String path, final Diagnostics diagnostics, final Set<String> knownKeys)
    {
        if (!(node instanceof Node.MapNode))
        {
            diagnostics.error(node, path, "expected a map of keys and values, found " + node.describe(), "write key: value pairs, indented under " + (path.isEmpty() ? "the top" : path));
            return null;
        }
        final Node.MapNode map = (Node.MapNode)node;
        for (final Node.Entry entry : map.entries().values())
        {
            if (!knownKeys.contains(entry.key()))
            {
                final String nearest = Suggestions.nearest(entry.key(), knownKeys);
                diagnostics.error(entry.keyLocation(), join(path, entry.key()), "unknown key '" + entry.key() + "'",
                    nearest != null ? "did you mean '" + nearest + "'?" : "known keys here: " + String.join(", ", sorted(knownKeys)));
            }
        }
        return new Fields(map, path, diagnostics);
    }

    Node.MapNode map()
    {
        return map;
    }

    String path()
    {
        return path;
    }

    String path(final String key)
    {
        return join(path, key);
    }

    Node node(final String key)
    {
        final Node.Entry entry = map.entries().get(key);
        return entry == null ? null : entry.value();
    }

    boolean has(final String key)
    {
        return map.entries().containsKey(key);
    }

    /** A required string; reported if missing or not text. */
    Located<String> requiredString(final String key, final String hint)
    {
        final Node node = node(key);
        if (node == null)
        {
            diagnostics.error(map, path(key), "'" + key + "' is missing", hint);
            return null;
        }
        return string(node, path(key), diagnostics);
    }

    Located<String> optionalString(final String key)
    {
        final Node node = node(key);
        return node == null ? null : string(node, path(key), diagnostics);
    }

    boolean bool(final String key, final boolean defaultValue)
    {
        final Node node = node(key);
        if (node == null)
        {
            return defaultValue;
        }
        if (node instanceof Node.ScalarNode && ((Node.ScalarNode)node).kind() == Node.ScalarKind.BOOLEAN)
        {
            return Boolean.parseBoolean(((Node.ScalarNode)node).text());
        }
        diagnostics.error(node, path(key), "expected true or false, found " + node.describe(), "write true or false, without quotes");
        return defaultValue;
    }

    /** An integer; null (reported if present) when absent or not an integer. */
    Located<Long> integer(final String key)
    {
        final Node node = node(key);
        if (node == null)
        {
            return null;
        }
        if (node instanceof Node.ScalarNode && ((Node.ScalarNode)node).kind() == Node.ScalarKind.NUMBER)
        {
            try
            {
                return new Located<>(Long.parseLong(((Node.ScalarNode)node).text()), node, path(key));
            }
            catch (final NumberFormatException ignored)
            {
                // falls through to the error below
            }
        }
        diagnostics.error(node, path(key), "expected a whole number, found " + node.describe(), "write a number such as 3, without quotes");
        return null;
    }

    /** A duration written with a unit (500ms, 90s, 3m, 1h, 1d); in milliseconds. */
    Located<Long> duration(final String key)
    {
        final Node node = node(key);
        return node == null ? null : duration(node, path(key), diagnostics);
    }

    static Located<Long> duration(final Node node, final String path, final Diagnostics diagnostics)
    {
        if (node instanceof Node.ScalarNode)
        {
            final Long millis = Durations.parseMillis(((Node.ScalarNode)node).text());
            if (millis != null)
            {
                return new Located<>(millis, node, path);
            }
        }
        diagnostics.error(node, path, "expected a duration with a unit, found " + node.describe(),
            "write it like 500ms, 90s, 3m, 1h or 1d");
        return null;
    }

    /** A share: {@code 10%} or a number from 0 to 1; in parts per million. */
    Located<Long> share(final String key)
    {
        final Node node = node(key);
        if (node == null)
        {
            return null;
        }
        if (node instanceof Node.ScalarNode)
        {
            final String text = ((Node.ScalarNode)node).text().trim();
            try
            {
                final double fraction = text.endsWith("%") ?
                    Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100.0 : Double.parseDouble(text);
                if (fraction >= 0 && fraction <= 1)
                {
                    return new Located<>(Math.round(fraction * 1_000_000), node, path(key));
                }
            }
            catch (final NumberFormatException ignored)
            {
                // falls through to the error below
            }
        }
        diagnostics.error(node, path(key), "expected a share between 0% and 100%, found " + node.describe(),
            "write it like 10% or 0.1");
        return null;
    }

    /** A list (empty if absent); a single value where a list is expected is reported. */
    List<Node> list(final String key)
    {
        final Node node = node(key);
        if (node == null)
        {
            return List.of();
        }
        if (node instanceof Node.ListNode)
        {
            return ((Node.ListNode)node).items();
        }
        diagnostics.error(node, path(key), "expected a list, found " + node.describe(), "write it as [a, b] or one '- item' per line");
        return List.of();
    }

    /** A list of strings, or one string taken as a list of one. */
    List<Located<String>> stringOrList(final String key)
    {
        final Node node = node(key);
        if (node == null)
        {
            return List.of();
        }
        if (node instanceof Node.ScalarNode)
        {
            final Located<String> one = string(node, path(key), diagnostics);
            return one == null ? List.of() : List.of(one);
        }
        final List<Located<String>> strings = new ArrayList<>();
        final List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++)
        {
            final Located<String> item = string(items.get(i), path(key) + "[" + i + "]", diagnostics);
            if (item != null)
            {
                strings.add(item);
            }
        }
        return strings;
    }

    /** A map of string to string (e.g. context conditions, label overrides); empty if absent. */
    Map<String, Located<String>> stringMap(final String key)
    {
        final Node node = node(key);
        if (node == null)
        {
            return Map.of();
        }
        if (!(node instanceof Node.MapNode))
        {
            diagnostics.error(node, path(key), "expected a map, found " + node.describe(), "write it as { key: value }");
            return Map.of();
        }
        final Map<String, Located<String>> values = new LinkedHashMap<>();
        for (final Node.Entry entry : ((Node.MapNode)node).entries().values())
        {
            final Located<String> value = string(entry.value(), join(path(key), entry.key()), diagnostics);
            if (value != null)
            {
                values.put(entry.key(), value);
            }
        }
        return values;
    }

    static Located<String> string(final Node node, final String path, final Diagnostics diagnostics)
    {
        if (node instanceof Node.ScalarNode && ((Node.ScalarNode)node).kind() != Node.ScalarKind.NULL)
        {
            return new Located<>(((Node.ScalarNode)node).text(), node, path);
        }
        diagnostics.error(node, path, "expected text, found " + node.describe(), "write one value; put it in quotes if it contains : # [ ] { } or ,");
        return null;
    }

    static String join(final String path, final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static List<String> sorted(final Set<String> keys)
    {
        final List<String> list = new ArrayList<>(keys);
        Collections.sort(list);
        return list;
    }

    static String lower(final String text)
    {
        return text.toLowerCase(Locale.ROOT);
    }
}
