package dev.pulse.catalog.validate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;

import static dev.pulse.catalog.validate.ValueChecks.error;
import static dev.pulse.catalog.validate.ValueChecks.notEmpty;

/**
 * Checks responses: unique ids with distinct hashes, copy that fits the widget, safe call-to-action
 * URLs, and an approval (who and when) without which a response is never served; then warns of
 * responses no choice routes to. Returns the responses by id: choices route to them.
 */
final class ResponseValidator
{
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 2_000;
    /**
     * Above this many characters a body gets a warning: the widget shows the title and the first
     * paragraph with "More" for the rest, and an answer this long is rarely read to its end.
     */
    static final int LONG_BODY = 600;
    private static final int MAX_APPROVER = 200;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?");

    private final HandoffValidator handoffValidator = new HandoffValidator();

    /** The responses by id, in catalog order; one whose id is taken or collides is reported and left out. */
    Map<String, CatalogModel.Response> responses(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.Response> responses = new LinkedHashMap<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.Response response : catalog.responses())
        {
            if (response.id() == null)
            {
                continue;
            }
            if (ValueChecks.uniqueId(response.id(), responses.containsKey(response.id().value()), "response", diagnostics) &&
                ValueChecks.distinctKey(response.id(), keys, diagnostics))
            {
                responses.put(response.id().value(), response);
            }
            notEmpty(response.title(), MAX_TITLE, diagnostics);
            notEmpty(response.body(), MAX_BODY, diagnostics);
            warnLong(response.body(), diagnostics);
            safeCta(response.cta(), diagnostics);
            approval(response, diagnostics);
            handoffValidator.validate(response, diagnostics);
            final Set<String> segmentIds = new HashSet<>();
            for (final CatalogModel.Segment segment : response.segments())
            {
                ValueChecks.segmentId(segment, segmentIds, diagnostics);
                if (segment.title() != null)
                {
                    notEmpty(segment.title(), MAX_TITLE, diagnostics);
                }
                if (segment.body() != null)
                {
                    notEmpty(segment.body(), MAX_BODY, diagnostics);
                    warnLong(segment.body(), diagnostics);
                }
                safeCta(segment.cta(), diagnostics);
            }
        }
        return responses;
    }

    /** A warning for each response no choice routes to: it can never be shown. */
    void warnUnrouted(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Set<String> routed = new HashSet<>();
        for (final CatalogModel.Question question : catalog.questions())
        {
            for (final CatalogModel.Choice choice : question.choices())
            {
                if (choice.response() != null)
                {
                    routed.add(choice.response().value());
                }
            }
        }
        for (final CatalogModel.Response response : catalog.responses())
        {
            if (response.id() != null && !routed.contains(response.id().value()))
            {
                diagnostics.warning(response.id().node(), response.path(), "no choice routes to the response '" + response.id().value() + "'",
                    "route a choice to it, or remove it");
            }
        }
    }

    private static void approval(final CatalogModel.Response response, final Diagnostics diagnostics)
    {
        if (response.approval() == null)
        {
            diagnostics.error(response.node(), response.path(), "the response '" + response.id().value() +
                "' is not approved, so it cannot be served", "add approved: { by: <name>, at: <date> } once the copy is signed off");
            return;
        }
        notEmpty(response.approval().by(), MAX_APPROVER, diagnostics);
        if (response.approval().at() != null && !DATE.matcher(response.approval().at().value()).matches())
        {
            error(diagnostics, response.approval().at(), "'" + response.approval().at().value() + "' is not a date",
                "write the approval date as 2026-11-02");
        }
    }

    /** A warning above {@link #LONG_BODY} characters (progressive disclosure keeps it readable, but not short). */
    private static void warnLong(final Located<String> body, final Diagnostics diagnostics)
    {
        if (body != null && body.value().length() > LONG_BODY && body.value().length() <= MAX_BODY)
        {
            diagnostics.warning(body.node(), body.path(), "the body is " + body.value().length() + " characters long; above " + LONG_BODY
                + " the widget shows its first paragraph and hides the rest behind 'More'",
                "shorten it, or put what most people need in the first paragraph (paragraphs are separated by a blank line)");
        }
    }

    static void safeCta(final CatalogModel.CallToAction cta, final Diagnostics diagnostics)
    {
        if (cta == null)
        {
            return;
        }
        notEmpty(cta.label(), QuestionValidator.MAX_LABEL, diagnostics);
        if (cta.url() != null)
        {
            final String problem = SafeUrls.problem(cta.url().value());
            if (problem != null)
            {
                error(diagnostics, cta.url(), "unsafe call-to-action URL '" + cta.url().value() + "': " + problem,
                    "use a path on the site (/pricing#compare) or an https:// URL");
            }
        }
    }
}
