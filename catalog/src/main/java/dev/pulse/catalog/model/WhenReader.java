package dev.pulse.catalog.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;

/**
 * Reads a block of trigger conditions ({@code when}), and the blocks nested in it: {@code any} (a
 * list of blocks, one must hold) and {@code not} (a block that must not hold).
 */
final class WhenReader
{
    static final Set<String> WHEN_KEYS = Set.of("visited", "context", "number", "min_dwell", "scrolled_back", "time", "days", "session_longer_than",
        "stage_reached", "goal_reached", "searched_for", "trusted", "any", "not");
    static final Set<String> SEARCHED_FOR_KEYS = Set.of("intent", "count", "within");
    static final Set<String> NUMBER_KEYS = Set.of("at_least", "more_than", "at_most", "less_than");
    static final Set<String> TIME_KEYS = Set.of("from", "to");
    /** Nesting deeper than this is refused: a catalog is read by people. */
    static final int MAX_DEPTH = 4;

    CatalogModel.When read(final Node node, final String path, final Diagnostics diagnostics)
    {
        return read(node, path, diagnostics, 0);
    }

    private CatalogModel.When read(final Node node, final String path, final Diagnostics diagnostics, final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            diagnostics.error(node, path, "conditions nest deeper than " + MAX_DEPTH + " levels of any/not",
                "write the condition flatter: a when block is already an AND");
            return null;
        }
        final Fields when = Fields.of(node, path, diagnostics, WHEN_KEYS);
        if (when == null)
        {
            return null;
        }
        final List<CatalogModel.When> any = new ArrayList<>();
        if (when.has("any"))
        {
            final List<Node> items = when.list("any");
            if (items.isEmpty() && when.node("any") instanceof Node.ListNode)
            {
                diagnostics.error(when.node("any"), when.path("any"), "'any' lists no conditions, so it could never hold",
                    "list two or more blocks, e.g. any: [{ goal_reached: signup }, { context: { plan: pro } }]");
            }
            for (int i = 0; i < items.size(); i++)
            {
                final CatalogModel.When block = read(items.get(i), when.path("any") + "[" + i + "]", diagnostics, depth + 1);
                if (block != null)
                {
                    any.add(block);
                }
            }
        }
        final CatalogModel.When not = when.has("not") ? read(when.node("not"), when.path("not"), diagnostics, depth + 1) : null;
        return new CatalogModel.When(
            when.stringOrList("visited"),
            when.stringMap("context"),
            numbers(when, diagnostics),
            when.duration("min_dwell"),
            when.integer("scrolled_back"),
            time(when, diagnostics),
            when.stringOrList("days"),
            when.duration("session_longer_than"),
            when.optionalString("stage_reached"),
            when.optionalString("goal_reached"),
            searchedFor(when, diagnostics),
            when.bool("trusted", false),
            any,
            not,
            node,
            path);
    }

    /** {@code number: { team_size: { at_least: 6 } }}: each key's bounds, numbers as YAML numbers. */
    private static Map<String, CatalogModel.NumberBounds> numbers(final Fields when, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.NumberBounds> numbers = new LinkedHashMap<>();
        final Node node = when.node("number");
        if (node == null)
        {
            return numbers;
        }
        if (!(node instanceof Node.MapNode))
        {
            diagnostics.error(node, when.path("number"), "expected a map of context keys to bounds, found " + node.describe(),
                "write it as number: { team_size: { at_least: 6 } }");
            return numbers;
        }
        for (final Node.Entry entry : ((Node.MapNode)node).entries().values())
        {
            final String path = Fields.join(when.path("number"), entry.key());
            final Fields bounds = Fields.of(entry.value(), path, diagnostics, NUMBER_KEYS);
            if (bounds != null)
            {
                numbers.put(entry.key(), new CatalogModel.NumberBounds(
                    number(bounds, "at_least", diagnostics), number(bounds, "more_than", diagnostics),
                    number(bounds, "at_most", diagnostics), number(bounds, "less_than", diagnostics), entry.value(), path));
            }
        }
        return numbers;
    }

    private static Located<Double> number(final Fields bounds, final String key, final Diagnostics diagnostics)
    {
        final Node node = bounds.node(key);
        if (node == null)
        {
            return null;
        }
        if (node instanceof Node.ScalarNode && ((Node.ScalarNode)node).kind() == Node.ScalarKind.NUMBER)
        {
            try
            {
                final double value = Double.parseDouble(((Node.ScalarNode)node).text());
                if (Double.isFinite(value))
                {
                    return new Located<>(value, node, bounds.path(key));
                }
            }
            catch (final NumberFormatException ignored)
            {
                // falls through to the error below
            }
        }
        diagnostics.error(node, bounds.path(key), "expected a number, found " + node.describe(), "write a number such as 6, without quotes");
        return null;
    }

    /** {@code searched_for: returns}, or the long form {@code { intent: returns, count: 2, within: 10m }}. */
    private static CatalogModel.SearchedFor searchedFor(final Fields when, final Diagnostics diagnostics)
    {
        final Node node = when.node("searched_for");
        if (node == null)
        {
            return null;
        }
        if (node instanceof Node.ScalarNode)
        {
            return new CatalogModel.SearchedFor(when.optionalString("searched_for"), null, null, node, when.path("searched_for"));
        }
        final Fields searched = Fields.of(node, when.path("searched_for"), diagnostics, SEARCHED_FOR_KEYS);
        if (searched == null)
        {
            return null;
        }
        return new CatalogModel.SearchedFor(searched.requiredString("intent", "the intent searched for, e.g. intent: returns"),
            searched.integer("count"), searched.duration("within"), node, when.path("searched_for"));
    }

    private static CatalogModel.TimeWindow time(final Fields when, final Diagnostics diagnostics)
    {
        if (!when.has("time"))
        {
            return null;
        }
        final Fields time = Fields.of(when.node("time"), when.path("time"), diagnostics, TIME_KEYS);
        if (time == null)
        {
            return null;
        }
        return new CatalogModel.TimeWindow(
            time.requiredString("from", "when the window opens, e.g. from: \"09:00\""),
            time.requiredString("to", "when it closes (not included), e.g. to: \"17:30\""),
            when.node("time"), when.path("time"));
    }
}
