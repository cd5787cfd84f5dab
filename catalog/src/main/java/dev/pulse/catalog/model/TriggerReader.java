package dev.pulse.catalog.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.Threshold;

/**
 * Reads one trigger: its detector, thresholds in the detector's units, pages, conditions and
 * policy, and for a {@code backend_event} its event's name and field conditions (as written: the
 * validator and compiler read them with {@link FieldConditionText}).
 */
final class TriggerReader
{
    static final Set<String> TRIGGER_KEYS = Set.of(
        "id", "detector", "thresholds", "pages", "when", "priority", "mode", "urgent", "cooldown", "early", "question", "intent", "event",
        "fields");
    private final WhenReader whenReader = new WhenReader();

    CatalogModel.Trigger read(final Node node, final String path, final Diagnostics diagnostics)
    {
        final Fields trigger = Fields.of(node, path, diagnostics, TRIGGER_KEYS);
        if (trigger == null)
        {
            return null;
        }
        final Located<String> id = trigger.requiredString("id", "give the trigger an id, e.g. id: pricing-hesitation");
        final Located<String> detector = trigger.requiredString("detector", "one of " + detectorNames());
        final DetectorKind kind = detector == null ? null : DetectorKind.fromCatalogName(detector.value());
        if (detector != null && kind == null)
        {
            final String nearest = Suggestions.nearest(detector.value(), detectorNames());
            diagnostics.error(detector.node(), detector.path(), "unknown detector '" + detector.value() + "'",
                nearest != null ? "did you mean '" + nearest + "'?" : "known detectors: " + String.join(", ", detectorNames()));
        }

        CatalogModel.When when = CatalogModel.When.none(node, trigger.path("when"));
        if (trigger.has("when"))
        {
            final CatalogModel.When read = whenReader.read(trigger.node("when"), trigger.path("when"), diagnostics);
            when = read == null ? when : read;
        }
        final Located<Long> priority = trigger.integer("priority");
        return new CatalogModel.Trigger(
            id,
            detector,
            readThresholds(trigger, kind, diagnostics),
            trigger.has("pages") ? trigger.stringOrList("pages") : null,
            when,
            priority == null ? 0 : priority.value().intValue(),
            trigger.optionalString("mode"),
            trigger.bool("urgent", false),
            trigger.duration("cooldown"),
            trigger.bool("early", false),
            trigger.requiredString("question", "name the question this trigger asks"),
            trigger.optionalString("intent"),
            trigger.optionalString("event"),
            trigger.stringMap("fields"),
            node,
            path);
    }

    /** Thresholds by name, each in its unit (counts and pixels as numbers, durations with units). */
    private static Map<String, Located<Long>> readThresholds(final Fields trigger, final DetectorKind kind, final Diagnostics diagnostics)
    {
        final Map<String, Located<Long>> thresholds = new LinkedHashMap<>();
        final Node node = trigger.node("thresholds");
        if (node == null || kind == null)
        {
            return thresholds;
        }
        // An intent is named by the trigger's own 'intent' key, not written as a number here.
        final Set<String> names = kind.thresholds().stream().filter(threshold -> threshold.unit() != Threshold.Unit.INTENT)
            .map(Threshold::name).collect(Collectors.toSet());
        final Fields fields = Fields.of(node, trigger.path("thresholds"), diagnostics, names);
        if (fields == null)
        {
            return thresholds;
        }
        for (final Threshold threshold : kind.thresholds())
        {
            if (!fields.has(threshold.name()) || threshold.unit() == Threshold.Unit.INTENT)
            {
                continue;
            }
            final Located<Long> value = threshold.unit() == Threshold.Unit.MILLIS ?
                fields.duration(threshold.name()) : fields.integer(threshold.name());
            if (value != null)
            {
                thresholds.put(threshold.name(), value);
            }
        }
        return thresholds;
    }

    static List<String> detectorNames()
    {
        return java.util.Arrays.stream(DetectorKind.values()).map(DetectorKind::catalogName).collect(Collectors.toList());
    }
}
