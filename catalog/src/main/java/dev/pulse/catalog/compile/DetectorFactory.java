package dev.pulse.catalog.compile;

import java.util.List;
import java.util.Map;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.DetectorSite;
import dev.pulse.detect.detector.Threshold;

/**
 * Builds a trigger's detector through its {@link DetectorKind} (defaults overridden by the
 * trigger's thresholds); its conditions are {@link ConditionCompiler}'s.
 */
final class DetectorFactory
{
    private final DetectorSite site;

    DetectorFactory(final long keyPageMask, final Map<String, Integer> kindByName, final long[] ignoredClickTargets)
    {
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
            final Located<Long> value = trigger.thresholds().get(thresholds.get(i).name());
            if (value != null)
            {
                values[i] = value.value();
            }
        }
        return kind.create(values, site);
    }

}
