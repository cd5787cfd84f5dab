package dev.pulse.catalog.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Durations;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Suggestions;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.Threshold;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * Checks a trigger's conditions, and the blocks nested in {@code any} and {@code not}: known page
 * kinds and journey stages, context conditions with a key and a value, number bounds that some
 * number can meet, times as {@code HH:MM}, day names, durations and scroll-back counts in range,
 * searches of declared intents.
 */
final class WhenValidator
{
    private static final Threshold MIN_DWELL = new Threshold("min_dwell", Threshold.Unit.MILLIS, 0, 0, 3_600_000);
    private static final Threshold SCROLLED_BACK = new Threshold("scrolled_back", Threshold.Unit.COUNT, 1, 1, 20);
    private static final Threshold SESSION_LONGER_THAN = new Threshold("session_longer_than", Threshold.Unit.MILLIS, 60_000, 1_000, 86_400_000);
    /** The intent ring keeps the newest 8 searches of an intent: a larger count could never be met. */
    private static final Threshold SEARCH_COUNT = new Threshold("count", Threshold.Unit.COUNT, 1, 1, SessionStateFlyweight.INTENT_RING_CAPACITY);
    private static final Threshold SEARCH_WITHIN = new Threshold("within", Threshold.Unit.MILLIS, 600_000, 1_000, 86_400_000);

    private final Map<String, CatalogModel.PageKind> kinds;
    private final Set<String> journeyKinds;
    private final Set<String> intents;

    /** @param intents the names of the catalog's valid search intents. */
    WhenValidator(final Map<String, CatalogModel.PageKind> kinds, final Set<String> journeyKinds, final Set<String> intents)
    {
        this.kinds = kinds;
        this.journeyKinds = journeyKinds;
        this.intents = intents;
    }

    void validate(final CatalogModel.When when, final Diagnostics diagnostics)
    {
        for (final Located<String> visited : when.visited())
        {
            ValueChecks.unknownKind(visited, kinds, diagnostics);
        }
        for (final Map.Entry<String, Located<String>> condition : when.context().entrySet())
        {
            if (condition.getKey().isBlank() || condition.getValue().value().isBlank())
            {
                error(diagnostics, condition.getValue(), "a context condition needs a key and a value", "e.g. context: { device: mobile }");
            }
        }
        when.numbers().values().forEach(bounds -> number(bounds, diagnostics));
        if (when.minDwellMs() != null)
        {
            ValueChecks.range(when.minDwellMs(), MIN_DWELL, "min_dwell", diagnostics);
        }
        if (when.scrolledBack() != null && !SCROLLED_BACK.accepts(when.scrolledBack().value()))
        {
            error(diagnostics, when.scrolledBack(), "scrolled_back " + when.scrolledBack().value() + " is out of its sane range [" +
                SCROLLED_BACK.min() + ", " + SCROLLED_BACK.max() + "]", "how many times on this page view, e.g. scrolled_back: 2");
        }
        if (when.time() != null)
        {
            time(when.time(), diagnostics);
        }
        TimeChecks.days(when.days(), diagnostics);
        if (when.sessionLongerThanMs() != null)
        {
            ValueChecks.range(when.sessionLongerThanMs(), SESSION_LONGER_THAN, "session_longer_than", diagnostics);
        }
        if (when.stageReached() != null && !ValueChecks.unknownKind(when.stageReached(), kinds, diagnostics) &&
            !journeyKinds.contains(when.stageReached().value()))
        {
            error(diagnostics, when.stageReached(), "the page kind '" + when.stageReached().value() + "' is on no journey stage",
                "list it under the top-level 'journey', e.g. journey: [browse, product, cart, checkout]");
        }
        if (when.goalReached() != null && when.goalReached().value().isBlank())
        {
            error(diagnostics, when.goalReached(), "goal_reached needs a goal name", "the name the page sends: Pulse.goal('signup')");
        }
        if (when.searchedFor() != null)
        {
            searchedFor(when.searchedFor(), diagnostics);
        }
        when.any().forEach(block -> validate(block, diagnostics));
        if (when.not() != null)
        {
            validate(when.not(), diagnostics);
        }
    }

    /** A declared intent, a count the intent ring can hold, a sane window. */
    private void searchedFor(final CatalogModel.SearchedFor searched, final Diagnostics diagnostics)
    {
        final Located<String> intent = searched.intent();
        if (intent != null && !intents.contains(intent.value()))
        {
            final String nearest = Suggestions.nearest(intent.value(), intents);
            error(diagnostics, intent, "searched_for names '" + intent.value() + "', which is no intent",
                nearest != null ? "did you mean '" + nearest + "'?" : "declare it under 'intents', e.g. intents: { " + intent.value() + ": [word] }");
        }
        if (searched.count() != null)
        {
            ValueChecks.range(searched.count(), SEARCH_COUNT, "searched_for.count", diagnostics);
        }
        if (searched.withinMs() != null && !SEARCH_WITHIN.accepts(searched.withinMs().value()))
        {
            error(diagnostics, searched.withinMs(), "searched_for.within " + Durations.format(searched.withinMs().value()) +
                " is out of its sane range [1s, 24h]", "leave 'within' out to count any search in the session");
        }
    }

    /** At most one lower and one upper bound, at least one bound, and a range some number is in. */
    private static void number(final CatalogModel.NumberBounds bounds, final Diagnostics diagnostics)
    {
        final String example = "e.g. team_size: { at_least: 6 } or { more_than: 0, less_than: 6 }";
        final boolean written = bounds.node() instanceof Node.MapNode && !((Node.MapNode)bounds.node()).entries().isEmpty();
        if (bounds.atLeast() == null && bounds.moreThan() == null && bounds.atMost() == null && bounds.lessThan() == null)
        {
            if (written)
            {
                return; // the reader reported what is wrong with what was written
            }
            diagnostics.error(bounds.node(), bounds.path(), "a number condition needs a bound", "at_least, more_than, at_most or less_than: " + example);
            return;
        }
        if (bounds.atLeast() != null && bounds.moreThan() != null)
        {
            error(diagnostics, bounds.moreThan(), "at_least and more_than are both lower bounds", "keep one: " + example);
        }
        if (bounds.atMost() != null && bounds.lessThan() != null)
        {
            error(diagnostics, bounds.lessThan(), "at_most and less_than are both upper bounds", "keep one: " + example);
        }
        final Located<Double> lower = bounds.atLeast() != null ? bounds.atLeast() : bounds.moreThan();
        final Located<Double> upper = bounds.atMost() != null ? bounds.atMost() : bounds.lessThan();
        if (lower != null && upper != null)
        {
            final boolean closed = bounds.atLeast() != null && bounds.atMost() != null;
            if (closed ? lower.value() > upper.value() : lower.value() >= upper.value())
            {
                error(diagnostics, upper, "no number is within these bounds (" + lower.value() + " to " + upper.value() + ")",
                    "the lower bound must be below the upper one");
            }
        }
    }

    private static void time(final CatalogModel.TimeWindow window, final Diagnostics diagnostics)
    {
        final int from = TimeChecks.openingMinute(window.from(), diagnostics);
        final int to = TimeChecks.closingMinute(window.to(), diagnostics);
        if (from >= 0 && from == to)
        {
            error(diagnostics, window.to(), "the time window opens and closes at " + window.to().value() + ", so it is empty",
                "give it a length; a window past midnight is from: \"22:00\", to: \"06:00\"");
        }
    }
}
