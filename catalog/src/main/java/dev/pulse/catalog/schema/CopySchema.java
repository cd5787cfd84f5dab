package dev.pulse.catalog.schema;

import java.util.List;
import java.util.Map;

import dev.pulse.catalog.model.TimeTerms;

import static dev.pulse.catalog.schema.CatalogSchema.array;
import static dev.pulse.catalog.schema.CatalogSchema.described;
import static dev.pulse.catalog.schema.CatalogSchema.object;
import static dev.pulse.catalog.schema.CatalogSchema.properties;
import static dev.pulse.catalog.schema.CatalogSchema.ref;

/** The schema of the approved copy: questions with their choices, variants and segments, and responses. */
final class CopySchema
{

    private CopySchema()
    {
    }

    static Map<String, Object> question()
    {
        final Map<String, Object> question = object("the one question a trigger asks", List.of("id", "text", "choices"));
        final Map<String, Object> properties = properties(question);
        properties.put("id", ref(CatalogSchema.text()));
        properties.put("text", ref(CatalogSchema.text()));
        final Map<String, Object> choice = object("an answer, routed to an approved response", List.of("id", "label", "response"));
        properties(choice).put("id", ref(CatalogSchema.text()));
        properties(choice).put("label", ref(CatalogSchema.text()));
        properties(choice).put("response", described(ref(CatalogSchema.text()), "the id of a response"));
        properties.put("choices", array(choice));
        final Map<String, Object> variant = object("A/B copy, drawn by weight, sticky per session", List.of("id", "weight"));
        properties(variant).put("id", ref(CatalogSchema.text()));
        properties(variant).put("weight", Map.of("type", "number", "exclusiveMinimum", 0));
        properties(variant).put("text", ref(CatalogSchema.text()));
        properties(variant).put("labels", described(ref(CatalogSchema.textMap()), "choice id to label"));
        properties.put("variants", array(variant));
        final Map<String, Object> segment = segment();
        properties(segment).put("text", ref(CatalogSchema.text()));
        properties(segment).put("labels", described(ref(CatalogSchema.textMap()), "choice id to label"));
        properties.put("segments", array(segment));
        return question;
    }

    static Map<String, Object> response()
    {
        final Map<String, Object> response = object("an approved answer", List.of("id", "title", "body"));
        final Map<String, Object> properties = properties(response);
        properties.put("id", ref(CatalogSchema.text()));
        properties.put("title", ref(CatalogSchema.text()));
        properties.put("body", ref(CatalogSchema.text()));
        properties.put("cta", cta());
        final Map<String, Object> segment = segment();
        properties(segment).put("title", ref(CatalogSchema.text()));
        properties(segment).put("body", ref(CatalogSchema.text()));
        properties(segment).put("cta", cta());
        properties.put("segments", array(segment));
        final Map<String, Object> approved = object("who approved this copy, and when", List.of("by", "at"));
        properties(approved).put("by", ref(CatalogSchema.text()));
        properties(approved).put("at", described(Map.of("type", "string"), "a date: 2026-11-02"));
        properties.put("approved", approved);
        properties.put("feedback", described(Map.of("type", "boolean"), "ask \"Did this help?\" under this response (default: site.feedback)"));
        properties.put("kind", described(Map.of("enum", List.of("answer", "handoff")), "handoff offers a person; absent: an answer"));
        properties.put("handoff", handoff());
        return response;
    }

    private static Map<String, Object> handoff()
    {
        final Map<String, Object> handoff = object("a hand-off to a person (kind: handoff): a link and/or a webhook, office hours",
            List.of("hours", "unavailable"));
        properties(handoff).put("link", cta());
        properties(handoff).put("webhook", described(ref(CatalogSchema.text()),
            "the support tool's endpoint, https (http only to localhost); POSTed signed with webhook_secret_file"));
        final Map<String, Object> hours = object("when someone answers, in the hours' own time zone", List.of("days", "from", "to", "zone"));
        properties(hours).put("days", array(Map.of("enum", TimeTerms.DAYS)));
        properties(hours).put("from", described(Map.of("type", "string", "pattern", TimeTerms.TIME_PATTERN), "the opening time, HH:MM"));
        properties(hours).put("to", described(Map.of("type", "string", "pattern", TimeTerms.TIME_PATTERN), "the closing time, HH:MM (24:00 for midnight)"));
        properties(hours).put("zone", described(ref(CatalogSchema.text()), "an IANA time zone: Europe/Berlin"));
        properties(handoff).put("hours", hours);
        properties(handoff).put("unavailable", described(ref(CatalogSchema.text()), "what the widget says when no one is available"));
        return handoff;
    }

    private static Map<String, Object> segment()
    {
        final Map<String, Object> segment = object("copy for a context segment; the first match applies", List.of("id", "when"));
        properties(segment).put("id", ref(CatalogSchema.text()));
        properties(segment).put("when", described(Map.of("anyOf", List.of(ref("#/definitions/" + TriggerSchema.WHEN_BLOCK), ref(CatalogSchema.textMap()))),
            "the sessions it is for, as a trigger's when (e.g. { number: { team_size: { at_least: 6 } } }), or context values: { device: mobile }"));
        return segment;
    }

    private static Map<String, Object> cta()
    {
        final Map<String, Object> cta = object("a button under the response", List.of("label", "url"));
        properties(cta).put("label", ref(CatalogSchema.text()));
        properties(cta).put("url", described(ref(CatalogSchema.text()), "a relative path or an https URL"));
        return cta;
    }
}
