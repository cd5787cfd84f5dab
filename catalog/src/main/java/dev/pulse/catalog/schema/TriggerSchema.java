package dev.pulse.catalog.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.detect.detector.DetectorKind;

import static dev.pulse.catalog.schema.CatalogSchema.described;
import static dev.pulse.catalog.schema.CatalogSchema.object;
import static dev.pulse.catalog.schema.CatalogSchema.properties;
import static dev.pulse.catalog.schema.CatalogSchema.ref;

/** The schema of one trigger: its detector from {@link DetectorKind}, and that detector's thresholds. */
final class TriggerSchema
{
    private TriggerSchema()
    {
    }

    static String thresholdsName(final DetectorKind kind)
    {
        return "thresholds_" + kind.catalogName();
    }

    static Map<String, Object> trigger()
    {
        final Map<String, Object> trigger = object("a stuck moment to act on", List.of("id", "detector", "question"));
        final Map<String, Object> properties = properties(trigger);
        properties.put("id", ref(CatalogSchema.text()));
        final List<Object> names = new ArrayList<>();
        for (final DetectorKind kind : DetectorKind.values())
        {
            names.add(kind.catalogName());
        }
        properties.put("detector", described(Map.of("enum", names), "the pattern; see detection-core/README.md"));
        properties.put("thresholds", described(Map.of("type", "object"), "overrides of the detector's defaults"));
        properties.put("pages", described(ref(CatalogSchema.textOrList()), "the page kinds it applies to (default: every page)"));
        properties.put("when", when());
        properties.put("priority", described(Map.of("type", "integer", "minimum", -1_000, "maximum", 1_000),
            "higher wins when several fire on one event"));
        properties.put("mode", described(Map.of("enum", List.of("live", "shadow", "off")), "shadow: recorded, never shown"));
        properties.put("urgent", described(Map.of("type", "boolean"), "may skip the cooldown between questions (never the cap)"));
        properties.put("cooldown", described(ref(CatalogSchema.duration()), "this trigger's own cooldown"));
        properties.put("early", described(Map.of("type", "boolean"), "may ask in the page's first seconds"));
        properties.put("question", described(ref(CatalogSchema.text()), "the id of the question it asks"));
        properties.put("intent", described(ref(CatalogSchema.text()),
            "failed_search and search_intent: count only searches of this intent (a name under 'intents')"));
        properties.put("event", described(ref(CatalogSchema.text()), "backend_event only: the backend event's name, e.g. payment_declined"));
        properties.put("fields", described(Map.of("type", "object", "additionalProperties", Map.of("type", List.of("string", "number"))),
            "backend_event only: conditions on the event's fields: text to equal, a number, or a comparison such as \">= 100\""));
        final List<Object> byDetector = new ArrayList<>();
        for (final DetectorKind kind : DetectorKind.values())
        {
            final Map<String, Object> when = new LinkedHashMap<>();
            when.put("if", Map.of("properties", Map.of("detector", Map.of("const", kind.catalogName())), "required", List.of("detector")));
            when.put("then", Map.of("properties", Map.of("thresholds", ref("#/definitions/" + thresholdsName(kind)))));
            byDetector.add(when);
        }
        trigger.put("allOf", byDetector);
        return trigger;
    }

    private static Map<String, Object> when()
    {
        final Map<String, Object> when = object("conditions that must all hold", List.of());
        properties(when).put("visited", described(ref(CatalogSchema.textOrList()), "page kinds seen earlier in the session"));
        properties(when).put("context", described(ref(CatalogSchema.textMap()), "values the page sent in hello.ctx"));
        properties(when).put("min_dwell", described(ref(CatalogSchema.duration()), "time on the current page"));
        properties(when).put("scrolled_back", described(Map.of("type", "integer", "minimum", 1, "maximum", 20),
            "scrolled back up the current page at least this many times"));
        return when;
    }
}
