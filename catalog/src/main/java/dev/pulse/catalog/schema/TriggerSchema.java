package dev.pulse.catalog.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.catalog.model.TimeTerms;
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

    /** The definition nested blocks ({@code any}, {@code not}) refer to. */
    static final String WHEN_BLOCK = "when_block";

    /** A block of conditions that must all hold; {@code any} and {@code not} nest blocks of the same shape. */
    static Map<String, Object> when()
    {
        final Map<String, Object> when = object("conditions that must all hold", List.of());
        final Map<String, Object> properties = properties(when);
        final Map<String, Object> block = ref("#/definitions/" + WHEN_BLOCK);
        properties.put("visited", described(ref(CatalogSchema.textOrList()), "page kinds seen earlier in the session"));
        properties.put("context", described(ref(CatalogSchema.textMap()), "context values equal to these (hello.ctx, the token, backend context)"));
        final Map<String, Object> bounds = object("bounds on a numeric context value", List.of());
        for (final String bound : List.of("at_least", "more_than", "at_most", "less_than"))
        {
            properties(bounds).put(bound, Map.of("type", "number"));
        }
        bounds.put("minProperties", 1);
        final Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("description", "numeric context values within bounds, e.g. team_size: { at_least: 6 }");
        numbers.put("type", "object");
        numbers.put("additionalProperties", bounds);
        properties.put("number", numbers);
        properties.put("min_dwell", described(ref(CatalogSchema.duration()), "time on the current page"));
        properties.put("scrolled_back", described(Map.of("type", "integer", "minimum", 1, "maximum", 20),
            "scrolled back up the current page at least this many times"));
        final Map<String, Object> time = object("a time-of-day window in site.time_zone, from included to excluded", List.of("from", "to"));
        final Map<String, Object> hhmm = Map.of("type", "string", "pattern", TimeTerms.TIME_PATTERN);
        properties(time).put("from", hhmm);
        properties(time).put("to", described(hhmm, "24:00 for midnight"));
        properties.put("time", time);
        final Map<String, Object> day = Map.of("enum", TimeTerms.DAYS);
        properties.put("days", described(Map.of("anyOf", List.of(day, Map.of("type", "array", "items", day))),
            "days of the week in site.time_zone"));
        properties.put("session_longer_than", described(ref(CatalogSchema.duration()), "the session has lasted longer than this"));
        properties.put("stage_reached", described(ref(CatalogSchema.text()), "a page kind on the journey: that stage or a later one was reached"));
        properties.put("goal_reached", described(ref(CatalogSchema.text()), "a goal the page reported earlier (Pulse.goal)"));
        final Map<String, Object> searched = object("searches of an intent, whatever they found", List.of("intent"));
        properties(searched).put("intent", described(ref(CatalogSchema.text()), "an intent declared under intents"));
        properties(searched).put("count", described(Map.of("type", "integer", "minimum", 1, "maximum", 8), "at least this many (default 1)"));
        properties(searched).put("within", described(ref(CatalogSchema.duration()), "within this long before now (default: any time in the session)"));
        properties.put("searched_for", described(Map.of("anyOf", List.of(ref(CatalogSchema.text()), searched)),
            "the person searched for an intent: searched_for: returns, or { intent: returns, count: 2, within: 10m }"));
        properties.put("trusted", described(Map.of("type", "boolean"),
            "context and number conditions here count only values from the site's backend (token, backend context event)"));
        properties.put("any", described(Map.of("type", "array", "items", block, "minItems", 1), "blocks of which at least one holds"));
        properties.put("not", described(block, "a block that must not hold"));
        return when;
    }
}
