package dev.pulse.catalog.model;

import java.util.Set;

import dev.pulse.catalog.source.Diagnostics;

/** Reads a response's {@code handoff}: the link, the webhook, the office hours and the text shown outside them. */
final class HandoffReader
{
    static final Set<String> HANDOFF_KEYS = Set.of("link", "webhook", "hours", "unavailable");
    static final Set<String> HOURS_KEYS = Set.of("days", "from", "to", "zone");

    private HandoffReader()
    {
    }

    /** The response's hand-off, or null when it has none (or it is not a map: reported). */
    static CatalogModel.Handoff read(final Fields response, final Diagnostics diagnostics)
    {
        if (!response.has("handoff"))
        {
            return null;
        }
        final Fields handoff = Fields.of(response.node("handoff"), response.path("handoff"), diagnostics, HANDOFF_KEYS);
        if (handoff == null)
        {
            return null;
        }
        return new CatalogModel.Handoff(
            CopyReader.readCta(handoff, "link", diagnostics),
            handoff.optionalString("webhook"),
            hours(handoff, diagnostics),
            handoff.requiredString("unavailable", "what the widget says when no one is available, e.g. "
                + "'No one is available right now: we answer Monday to Friday, 9:00 to 17:00.'"),
            response.node("handoff"), response.path("handoff"));
    }

    private static CatalogModel.OfficeHours hours(final Fields handoff, final Diagnostics diagnostics)
    {
        if (!handoff.has("hours"))
        {
            diagnostics.error(handoff.map(), handoff.path("hours"), "a hand-off needs 'hours'",
                "say when someone answers, e.g. hours: { days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:00\", zone: Europe/Berlin }");
            return null;
        }
        final Fields hours = Fields.of(handoff.node("hours"), handoff.path("hours"), diagnostics, HOURS_KEYS);
        if (hours == null)
        {
            return null;
        }
        return new CatalogModel.OfficeHours(
            hours.stringOrList("days"),
            hours.requiredString("from", "the opening time, e.g. from: \"09:00\""),
            hours.requiredString("to", "the closing time, e.g. to: \"17:00\" (24:00 for midnight)"),
            hours.requiredString("zone", "the IANA time zone of these hours, e.g. zone: Europe/Berlin"),
            handoff.node("hours"), handoff.path("hours"));
    }
}
