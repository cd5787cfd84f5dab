package dev.pulse.catalog.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.TimeTerms;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.trigger.AllCondition;
import dev.pulse.detect.trigger.AnyCondition;
import dev.pulse.detect.trigger.ContextEqualsCondition;
import dev.pulse.detect.trigger.ContextNumberCondition;
import dev.pulse.detect.trigger.DayOfWeekCondition;
import dev.pulse.detect.trigger.GoalReachedCondition;
import dev.pulse.detect.trigger.MinDwellCondition;
import dev.pulse.detect.trigger.NotCondition;
import dev.pulse.detect.trigger.ScrolledBackCondition;
import dev.pulse.detect.trigger.SearchedForCondition;
import dev.pulse.detect.trigger.SessionLongerThanCondition;
import dev.pulse.detect.trigger.SiteTimeZone;
import dev.pulse.detect.trigger.StageReachedCondition;
import dev.pulse.detect.trigger.TimeOfDayCondition;
import dev.pulse.detect.trigger.TriggerCondition;
import dev.pulse.detect.trigger.VisitedPageKindCondition;

/**
 * Compiles a validated {@code when} block into the core's allocation-free conditions: the block's
 * keys into a list that must all hold, {@code any} into an {@link AnyCondition} of such lists,
 * {@code not} into a {@link NotCondition}. {@code trusted} passes down into nested blocks.
 */
final class ConditionCompiler
{
    private final Map<String, Integer> kindByName;
    private final int[] journeyStage;
    private final SiteTimeZone zone;
    private final IntentMatcher intents;

    /**
     * @param journeyStage the journey stage of each page kind number, -1 off the journey.
     * @param intents      the catalog's search intents, which number them.
     */
    ConditionCompiler(final Map<String, Integer> kindByName, final int[] journeyStage, final SiteTimeZone zone, final IntentMatcher intents)
    {
        this.kindByName = kindByName;
        this.journeyStage = journeyStage;
        this.zone = zone;
        this.intents = intents;
    }

    /** The conditions of a trigger's top block, all of which must hold. */
    TriggerCondition[] conditions(final CatalogModel.When when)
    {
        return list(when, false).toArray(new TriggerCondition[0]);
    }

    private List<TriggerCondition> list(final CatalogModel.When when, final boolean trustedAbove)
    {
        final boolean trusted = trustedAbove || when.trusted();
        final List<TriggerCondition> conditions = new ArrayList<>();
        for (final Located<String> visited : when.visited())
        {
            conditions.add(new VisitedPageKindCondition(kindByName.get(visited.value())));
        }
        for (final Map.Entry<String, Located<String>> context : when.context().entrySet())
        {
            conditions.add(new ContextEqualsCondition(Hash64.of(context.getKey()), Hash64.of(context.getValue().value()), trusted));
        }
        for (final Map.Entry<String, CatalogModel.NumberBounds> number : when.numbers().entrySet())
        {
            conditions.add(number(Hash64.of(number.getKey()), number.getValue(), trusted));
        }
        if (when.minDwellMs() != null)
        {
            conditions.add(new MinDwellCondition(when.minDwellMs().value()));
        }
        if (when.scrolledBack() != null)
        {
            conditions.add(new ScrolledBackCondition(when.scrolledBack().value().intValue()));
        }
        if (when.time() != null)
        {
            conditions.add(new TimeOfDayCondition(zone, TimeTerms.minuteOfDay(when.time().from().value()), TimeTerms.minuteOfDay(when.time().to().value())));
        }
        if (!when.days().isEmpty())
        {
            int mask = 0;
            for (final Located<String> day : when.days())
            {
                mask |= 1 << TimeTerms.dayIndex(day.value());
            }
            conditions.add(new DayOfWeekCondition(zone, mask));
        }
        if (when.sessionLongerThanMs() != null)
        {
            conditions.add(new SessionLongerThanCondition(when.sessionLongerThanMs().value()));
        }
        if (when.stageReached() != null)
        {
            conditions.add(new StageReachedCondition(kindsFromStage(journeyStage[kindByName.get(when.stageReached().value())])));
        }
        if (when.goalReached() != null)
        {
            conditions.add(new GoalReachedCondition(Hash64.of(when.goalReached().value())));
        }
        if (when.searchedFor() != null)
        {
            final CatalogModel.SearchedFor searched = when.searchedFor();
            conditions.add(new SearchedForCondition(intents.number(searched.intent().value()),
                searched.count() == null ? 1 : searched.count().value().intValue(), searched.withinMs() == null ? 0 : searched.withinMs().value()));
        }
        if (!when.any().isEmpty())
        {
            final TriggerCondition[] blocks = new TriggerCondition[when.any().size()];
            for (int i = 0; i < blocks.length; i++)
            {
                blocks[i] = block(when.any().get(i), trusted);
            }
            conditions.add(new AnyCondition(blocks));
        }
        if (when.not() != null)
        {
            conditions.add(new NotCondition(block(when.not(), trusted)));
        }
        return conditions;
    }

    private TriggerCondition block(final CatalogModel.When when, final boolean trusted)
    {
        final List<TriggerCondition> conditions = list(when, trusted);
        return conditions.size() == 1 ? conditions.get(0) : new AllCondition(conditions.toArray(new TriggerCondition[0]));
    }

    private static ContextNumberCondition number(final long keyHash, final CatalogModel.NumberBounds bounds, final boolean trusted)
    {
        final boolean lowerInclusive = bounds.atLeast() != null;
        final Located<Double> lower = lowerInclusive ? bounds.atLeast() : bounds.moreThan();
        final boolean upperInclusive = bounds.atMost() != null;
        final Located<Double> upper = upperInclusive ? bounds.atMost() : bounds.lessThan();
        return new ContextNumberCondition(keyHash,
            lower == null ? Double.NEGATIVE_INFINITY : lower.value(), lowerInclusive,
            upper == null ? Double.POSITIVE_INFINITY : upper.value(), upperInclusive, trusted);
    }

    /** The kinds at {@code stage} of the journey or later, as a mask. */
    private long kindsFromStage(final int stage)
    {
        long mask = 0;
        for (int kind = 0; kind < journeyStage.length; kind++)
        {
            if (journeyStage[kind] >= stage)
            {
                mask |= 1L << kind;
            }
        }
        return mask;
    }
}
