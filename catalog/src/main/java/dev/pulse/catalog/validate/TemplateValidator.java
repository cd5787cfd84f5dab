package dev.pulse.catalog.validate;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Templates;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.ContextTextsFlyweight;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * Checks response templates ({@link Templates}): each placeholder closes, names a context key the
 * catalog declares in {@code site.context_keys}, and gives a fallback; the catalog's templates use at
 * most {@link ContextTextsFlyweight#TEXT_CAPACITY} keys (a session keeps that many texts); no
 * placeholder goes into a question (asked before anything is known of the person). A URL with one
 * is refused as unsafe already ({@link SafeUrls}: braces are no URL's characters), so a person's
 * value never chooses where a link leads.
 */
final class TemplateValidator
{
    private static final Pattern FALLBACK = Pattern.compile("[^{}]*");

    void validate(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Set<String> declared = new LinkedHashSet<>();
        if (catalog.site() != null)
        {
            catalog.site().contextKeys().forEach(key -> declared.add(key.value()));
        }
        final Set<String> used = new LinkedHashSet<>();
        for (final CatalogModel.Response response : catalog.responses())
        {
            text(response.title(), declared, used, diagnostics);
            text(response.body(), declared, used, diagnostics);
            cta(response.cta(), declared, used, diagnostics);
            for (final CatalogModel.Segment segment : response.segments())
            {
                text(segment.title(), declared, used, diagnostics);
                text(segment.body(), declared, used, diagnostics);
                cta(segment.cta(), declared, used, diagnostics);
            }
        }
        for (final CatalogModel.Question question : catalog.questions())
        {
            notHere(question.text(), "a question", diagnostics);
            question.choices().forEach(choice -> notHere(choice.label(), "a question", diagnostics));
        }
        if (used.size() > ContextTextsFlyweight.TEXT_CAPACITY && catalog.site() != null)
        {
            diagnostics.error(catalog.site().node(), "site.context_keys", "the responses insert " + used.size() + " context keys " + used +
                "; a session keeps " + ContextTextsFlyweight.TEXT_CAPACITY, "use at most " + ContextTextsFlyweight.TEXT_CAPACITY +
                " keys in templates");
        }
    }

    private static void cta(final CatalogModel.CallToAction cta, final Set<String> declared, final Set<String> used,
        final Diagnostics diagnostics)
    {
        if (cta != null)
        {
            text(cta.label(), declared, used, diagnostics);
        }
    }

    private static void notHere(final Located<String> text, final String where, final Diagnostics diagnostics)
    {
        if (text != null && Templates.isTemplate(text.value()))
        {
            error(diagnostics, text, "placeholders cannot go in " + where, "insert context values in a response's title, body or button label");
        }
    }

    private static void text(final Located<String> text, final Set<String> declared, final Set<String> used, final Diagnostics diagnostics)
    {
        if (text == null || !Templates.isTemplate(text.value()))
        {
            return;
        }
        try
        {
            for (final Templates.Placeholder placeholder : Templates.placeholders(text.value()))
            {
                final String shown = "{{" + placeholder.name() + "}}";
                if (!declared.contains(placeholder.name()))
                {
                    error(diagnostics, text, "the placeholder " + shown + " names no declared context key",
                        declared.isEmpty() ? "declare it: site: { context_keys: [" + placeholder.name() + "] }" :
                            "declared keys: " + String.join(", ", declared) + "; add it to site.context_keys");
                }
                else
                {
                    used.add(placeholder.name());
                }
                if (placeholder.fallback() == null)
                {
                    error(diagnostics, text, "the placeholder " + shown + " has no fallback",
                        "say what to show when the value is missing: {{" + placeholder.name() + "|there}} (or {{" + placeholder.name() +
                        "|}} for nothing)");
                }
                else if (!FALLBACK.matcher(placeholder.fallback()).matches())
                {
                    error(diagnostics, text, "the fallback of " + shown + " has a brace", "write the fallback as plain text");
                }
            }
        }
        catch (final IllegalArgumentException e)
        {
            error(diagnostics, text, e.getMessage(), "write a placeholder as {{first_name|there}}");
        }
    }
}
