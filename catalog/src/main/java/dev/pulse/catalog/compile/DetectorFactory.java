package dev.pulse.catalog.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.CartCheckoutLoopDetector;
import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.ExitIntentDetector;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.IdleOnKeyPageDetector;
import dev.pulse.detect.detector.RageClickDetector;
import dev.pulse.detect.detector.RepeatedFormErrorDetector;
import dev.pulse.detect.trigger.ContextEqualsCondition;
import dev.pulse.detect.trigger.MinDwellCondition;
import dev.pulse.detect.trigger.TriggerCondition;
import dev.pulse.detect.trigger.VisitedPageKindCondition;

/** Builds a trigger's detector (defaults overridden by its thresholds) and its conditions. */
final class DetectorFactory
{
    private final long keyPageMask;
    private final Map<String, Integer> kindByName;
    private final long[] ignoredClickTargets;

    DetectorFactory(final long keyPageMask, final Map<String, Integer> kindByName, final long[] ignoredClickTargets)
    {
        this.keyPageMask = keyPageMask;
        this.kindByName = kindByName;
        this.ignoredClickTargets = ignoredClickTargets;
    }

    Detector create(final CatalogModel.Trigger trigger)
    {
        final DetectorKind kind = DetectorKind.fromCatalogName(trigger.detector().value());
        final Map<String, Located<Long>> thresholds = trigger.thresholds();
        switch (kind)
        {
            case IDLE_ON_KEY_PAGE:
                return new IdleOnKeyPageDetector(value(kind, thresholds, "idle"), keyPageMask);
            case BACK_AND_FORTH:
                return new BackAndForthDetector((int)value(kind, thresholds, "backs"), value(kind, thresholds, "window"));
            case FAILED_SEARCH:
                return new FailedSearchDetector((int)value(kind, thresholds, "searches"), value(kind, thresholds, "window"));
            case CART_CHECKOUT_LOOP:
                return new CartCheckoutLoopDetector((int)value(kind, thresholds, "round_trips"), value(kind, thresholds, "window"),
                    kindByName.get("cart"), kindByName.get("checkout"));
            case EXIT_INTENT:
                return new ExitIntentDetector(value(kind, thresholds, "min_dwell"), keyPageMask);
            case RAGE_CLICK:
                return new RageClickDetector((int)value(kind, thresholds, "clicks"), value(kind, thresholds, "interval"),
                    (int)value(kind, thresholds, "radius"), ignoredClickTargets);
            case REPEATED_FORM_ERRORS:
                return new RepeatedFormErrorDetector((int)value(kind, thresholds, "errors"), value(kind, thresholds, "window"));
            default:
                throw new IllegalStateException("no factory for " + kind);
        }
    }

    TriggerCondition[] conditions(final CatalogModel.Trigger trigger)
    {
        final List<TriggerCondition> conditions = new ArrayList<>();
        for (final Located<String> visited : trigger.visited())
        {
            conditions.add(new VisitedPageKindCondition(kindByName.get(visited.value())));
        }
        for (final Map.Entry<String, Located<String>> context : trigger.context().entrySet())
        {
            conditions.add(new ContextEqualsCondition(Hash64.of(context.getKey()), Hash64.of(context.getValue().value())));
        }
        if (trigger.minDwellMs() != null)
        {
            conditions.add(new MinDwellCondition(trigger.minDwellMs().value()));
        }
        return conditions.toArray(new TriggerCondition[0]);
    }

    private static long value(final DetectorKind kind, final Map<String, Located<Long>> thresholds, final String name)
    {
        final Located<Long> value = thresholds.get(name);
        return value != null ? value.value() : kind.threshold(name).defaultValue();
    }
}
