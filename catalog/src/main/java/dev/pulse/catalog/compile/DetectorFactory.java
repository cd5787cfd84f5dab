package dev.pulse.catalog.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.FieldConditionText;
import dev.pulse.catalog.model.Located;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.detector.BackendEventDetector;
import dev.pulse.detect.detector.BackendFieldCondition;
import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.DetectorSite;
import dev.pulse.detect.detector.Threshold;

/**
 * Builds a trigger's detector through its {@link DetectorKind} (defaults overridden by the
 * trigger's thresholds, its intent numbered as the catalog's {@link IntentMatcher} numbers it; a
 * backend event's name and field conditions); its conditions are {@link ConditionCompiler}'s.
 */
final class DetectorFactory
{
    private final DetectorSite site;
    private final IntentMatcher intents;

    DetectorFactory(final long keyPageMask, final Map<String, Integer> kindByName, final long[] ignoredClickTargets,
        final IntentMatcher intents)
    {
        this.intents = intents;
        this.site = new DetectorSite(keyPageMask, kindByName.getOrDefault(DetectorSite.CART_PAGE_KIND, -1),
            kindByName.getOrDefault(DetectorSite.CHECKOUT_PAGE_KIND, -1), ignoredClickTargets);
    }

    Detector create(final CatalogModel.Trigger trigger)
    {
        final DetectorKind kind = DetectorKind.fromCatalogName(trigger.detector().value());
        final List<Threshold> thresholds = kind.thresholds();
        final long[] values = kind.defaults();
        for (int i = 0; i < values.length; i++)
        {
            if (thresholds.get(i).unit() == Threshold.Unit.INTENT)
            {
                // Named by the trigger's 'intent' key; its number is its place among the catalog's intents.
                values[i] = trigger.intent() == null ? IntentMatcher.NONE : intents.number(trigger.intent().value());
                continue;
            }
            final Located<Long> value = trigger.thresholds().get(thresholds.get(i).name());
            if (value != null)
            {
                values[i] = value.value();
            }
        }
        final Detector detector = kind.create(values, site);
        return detector instanceof BackendEventDetector ? backendEvent((BackendEventDetector)detector, trigger) : detector;
    }

    /** The trigger's event name and field conditions, compiled to hashes and numbers. */
    private static Detector backendEvent(final BackendEventDetector detector, final CatalogModel.Trigger trigger)
    {
        final List<BackendFieldCondition> conditions = new ArrayList<>();
        for (final Map.Entry<String, Located<String>> field : trigger.backendFields().entrySet())
        {
            final long keyHash = Hash64.of(field.getKey());
            final FieldConditionText condition = FieldConditionText.parse(field.getValue());
            conditions.add(condition.text() != null
                ? BackendFieldCondition.textEquals(keyHash, Hash64.of(condition.text()))
                : BackendFieldCondition.compare(keyHash, condition.operator(), condition.number()));
        }
        return detector.matching(Hash64.of(trigger.backendEvent().value()), conditions.toArray(new BackendFieldCondition[0]));
    }

}
