package dev.pulse.catalog.validate;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;

import static dev.pulse.catalog.validate.ValueChecks.error;
import static dev.pulse.catalog.validate.ValueChecks.notEmpty;

/**
 * Checks a response's kind and its hand-off: a response of kind {@code handoff} has a
 * {@code handoff} (and only it), which offers a safe link or a webhook (https, or http to this
 * machine) or both, office hours that parse (known days, {@code HH:MM} times with from before to,
 * an IANA zone), and the text shown when no one is available.
 */
final class HandoffValidator
{
    static final String HANDOFF = "handoff";
    private static final int MAX_UNAVAILABLE = 300;

    void validate(final CatalogModel.Response response, final Diagnostics diagnostics)
    {
        final Located<String> kind = response.kind();
        if (kind != null && !kind.value().equals(HANDOFF) && !kind.value().equals("answer"))
        {
            error(diagnostics, kind, "unknown response kind '" + kind.value() + "'",
                "leave 'kind' out for an answer, or write kind: handoff to offer a person");
            return;
        }
        final boolean handoffKind = kind != null && kind.value().equals(HANDOFF);
        final CatalogModel.Handoff handoff = response.handoff();
        if (handoffKind && handoff == null)
        {
            diagnostics.error(response.node(), response.path() + ".handoff", "a response of kind handoff needs 'handoff'",
                "add handoff: { link: { label: Chat with us, url: https://... }, hours: {...}, unavailable: ... }");
            return;
        }
        if (handoff == null)
        {
            return;
        }
        if (!handoffKind)
        {
            diagnostics.error(handoff.node(), handoff.path(), "'handoff' belongs to a response of kind handoff",
                "add kind: handoff to the response, or remove 'handoff'");
        }
        if (handoff.link() == null && handoff.webhook() == null)
        {
            diagnostics.error(handoff.node(), handoff.path(), "a hand-off needs a 'link' or a 'webhook' (or both)",
                "give the chat or call link: link: { label: Chat with us, url: https://chat.example.com/start }");
        }
        ResponseValidator.safeCta(handoff.link(), diagnostics);
        if (handoff.webhook() != null)
        {
            final String problem = SafeUrls.webhookProblem(handoff.webhook().value());
            if (problem != null)
            {
                error(diagnostics, handoff.webhook(), "unsafe hand-off webhook: " + problem, "the support tool's https endpoint");
            }
        }
        notEmpty(handoff.unavailable(), MAX_UNAVAILABLE, diagnostics);
        if (handoff.hours() != null)
        {
            hours(handoff.hours(), diagnostics);
        }
    }

    private static void hours(final CatalogModel.OfficeHours hours, final Diagnostics diagnostics)
    {
        if (hours.days().isEmpty())
        {
            diagnostics.error(hours.node(), hours.path() + ".days", "office hours need 'days'", "e.g. days: [mon, tue, wed, thu, fri]");
        }
        TimeChecks.days(hours.days(), diagnostics);
        final int from = TimeChecks.openingMinute(hours.from(), diagnostics);
        final int to = TimeChecks.closingMinute(hours.to(), diagnostics);
        if (from >= 0 && to >= 0 && from >= to)
        {
            error(diagnostics, hours.to(), "the hours close at " + hours.to().value() + ", not after they open at " + hours.from().value(),
                "'to' must be later than 'from' on the same day (24:00 for midnight); hours across midnight are not supported");
        }
        TimeChecks.zone(hours.zone(), diagnostics);
    }
}
