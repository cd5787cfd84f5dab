package dev.pulse.catalog.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.compile.PathPatterns;
import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Durations;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Suggestions;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.Threshold;

/**
 * Checks what a catalog means: every reference resolves, every id is unique, every number is in
 * its sane range, every question has 3 to 5 choices that each route to an approved response,
 * every URL is safe, every trigger can match some page. Reports all problems in one pass.
 */
public final class CatalogValidator
{
    /** Kind 0 is "no kind": pages no pattern matches. The rest are bits of a long. */
    public static final int MAX_PAGE_KINDS = SessionStateFlyweight.MAX_PAGE_KINDS - 1;
    public static final int MIN_CHOICES = 3;
    public static final int MAX_CHOICES = 5;
    static final int MAX_QUESTION_TEXT = 300;
    static final int MAX_LABEL = 120;
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 2_000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    /** Spellings of {@code self} that are not it (CSP writes it quoted): an error that says how to write it. */
    private static final Pattern SELF_LOOKALIKE = Pattern.compile("(?i)['\"]?self['\"]?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?");

    private final PolicyValidator policyValidator = new PolicyValidator();

    public void validate(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.PageKind> kinds = pageKinds(catalog, diagnostics);
        validateSite(catalog, diagnostics);
        validateJourney(catalog, kinds, diagnostics);
        final Map<String, CatalogModel.Response> responses = responses(catalog, diagnostics);
        final Map<String, CatalogModel.Question> questions = questions(catalog, responses, diagnostics);
        new TriggerValidator(kinds, questions.keySet()).validate(catalog.triggers(), diagnostics);
        warnUnroutedResponses(catalog, diagnostics);
        policyValidator.validate(catalog.policy(), diagnostics);
    }

    private static void validateSite(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final CatalogModel.Site site = catalog.site();
        if (site == null)
        {
            return;
        }
        if (site.key() != null && !NAME.matcher(site.key().value()).matches())
        {
            error(diagnostics, site.key(), "the site key '" + site.key().value() + "' is not a simple name",
                "use lower-case letters, digits, '-' or '_', starting with a letter");
        }
        if (site.origins().isEmpty())
        {
            diagnostics.warning(site.node(), "site.origins", "no origins: no browser can connect to this site",
                "list the site's origins, e.g. [https://shop.example]");
        }
        for (final Located<String> origin : site.origins())
        {
            final String value = origin.value();
            if (value.equals(CompiledCatalog.SELF_ORIGIN))
            {
                continue;
            }
            if (SELF_LOOKALIKE.matcher(value).matches())
            {
                error(diagnostics, origin, "'" + value + "' is not an origin",
                    "write self, lower-case and unquoted, for the origin of the server's own pages");
            }
            else if (!ORIGIN.matcher(value).matches())
            {
                error(diagnostics, origin, "'" + value + "' is not an origin",
                    "an origin is scheme://host[:port] with no path or trailing slash, e.g. https://shop.example, " +
                    "or self for the server's own pages");
            }
        }
    }

    private static Map<String, CatalogModel.PageKind> pageKinds(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.PageKind> kinds = new LinkedHashMap<>();
        final Map<String, Located<String>> exactPatterns = new HashMap<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.PageKind kind : catalog.pageKinds())
        {
            if (!NAME.matcher(kind.name().value()).matches())
            {
                error(diagnostics, kind.name(), "the page kind '" + kind.name().value() + "' is not a simple name",
                    "use lower-case letters, digits, '-' or '_', starting with a letter");
            }
            if (!kinds.containsKey(kind.name().value()))
            {
                // Session records and outcome windows remember a page kind across reloads by this hash of its name.
                distinctKey(kind.name(), keys, diagnostics);
            }
            kinds.put(kind.name().value(), kind);
            for (final CatalogModel.Pattern pattern : kind.patterns())
            {
                final String problem = PathPatterns.problem(pattern.type(), pattern.pattern().value());
                if (problem != null)
                {
                    error(diagnostics, pattern.pattern(), problem, "patterns are paths: /pricing, /docs/ (prefix), /product/*/reviews (glob)");
                }
                else if (pattern.type() == CatalogModel.PatternType.EXACT)
                {
                    final String normalised = PathPatterns.normalise(pattern.pattern().value());
                    final Located<String> earlier = exactPatterns.putIfAbsent(normalised, pattern.pattern());
                    if (earlier != null)
                    {
                        error(diagnostics, pattern.pattern(), "the path " + normalised + " is already matched exactly at line " +
                            earlier.location().line(), "a path belongs to one page kind");
                    }
                }
            }
        }
        if (kinds.size() > MAX_PAGE_KINDS)
        {
            diagnostics.error(catalog.pageKinds().get(MAX_PAGE_KINDS).node(), "pages",
                "more than " + MAX_PAGE_KINDS + " page kinds", "group pages into fewer kinds");
        }
        if (kinds.isEmpty() && catalog.site() != null)
        {
            diagnostics.error(catalog.site().node(), "pages", "no page kinds", "name at least the pages triggers apply to");
        }
        return kinds;
    }

    private static void validateJourney(final CatalogModel catalog, final Map<String, CatalogModel.PageKind> kinds, final Diagnostics diagnostics)
    {
        final Set<String> seen = new HashSet<>();
        for (final List<Located<String>> stage : catalog.journey())
        {
            for (final Located<String> kind : stage)
            {
                unknownKind(kind, kinds, diagnostics);
                if (!seen.add(kind.value()))
                {
                    error(diagnostics, kind, "'" + kind.value() + "' appears twice in the journey", "a page kind has one place in the journey");
                }
            }
        }
    }

    private static Map<String, CatalogModel.Response> responses(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.Response> responses = new LinkedHashMap<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.Response response : catalog.responses())
        {
            if (response.id() == null)
            {
                continue;
            }
            if (uniqueId(response.id(), responses.containsKey(response.id().value()), "response", diagnostics) &&
                distinctKey(response.id(), keys, diagnostics))
            {
                responses.put(response.id().value(), response);
            }
            notEmpty(response.title(), MAX_TITLE, diagnostics);
            notEmpty(response.body(), MAX_BODY, diagnostics);
            safeCta(response.cta(), diagnostics);
            if (response.approval() == null)
            {
                diagnostics.error(response.node(), response.path(), "the response '" + response.id().value() +
                    "' is not approved, so it cannot be served", "add approved: { by: <name>, at: <date> } once the copy is signed off");
            }
            else
            {
                notEmpty(response.approval().by(), 200, diagnostics);
                if (response.approval().at() != null && !DATE.matcher(response.approval().at().value()).matches())
                {
                    error(diagnostics, response.approval().at(), "'" + response.approval().at().value() + "' is not a date",
                        "write the approval date as 2026-11-02");
                }
            }
            final Set<String> segmentIds = new HashSet<>();
            for (final CatalogModel.Segment segment : response.segments())
            {
                segmentId(segment, segmentIds, diagnostics);
                if (segment.title() != null)
                {
                    notEmpty(segment.title(), MAX_TITLE, diagnostics);
                }
                if (segment.body() != null)
                {
                    notEmpty(segment.body(), MAX_BODY, diagnostics);
                }
                safeCta(segment.cta(), diagnostics);
            }
        }
        return responses;
    }

    private static Map<String, CatalogModel.Question> questions(
        final CatalogModel catalog, final Map<String, CatalogModel.Response> responses, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.Question> questions = new LinkedHashMap<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.Question question : catalog.questions())
        {
            if (question.id() != null && uniqueId(question.id(), questions.containsKey(question.id().value()), "question", diagnostics) &&
                distinctKey(question.id(), keys, diagnostics))
            {
                questions.put(question.id().value(), question);
            }
            notEmpty(question.text(), MAX_QUESTION_TEXT, diagnostics);
            final int choices = question.choices().size();
            if (choices < MIN_CHOICES || choices > MAX_CHOICES)
            {
                diagnostics.error(question.node(), question.path() + ".choices", "the question has " + choices + " choice" +
                    (choices == 1 ? "" : "s") + "; it needs 3 to 5", choices < MIN_CHOICES ?
                    "add the answers customers actually give" : "keep the 5 answers that matter most");
            }
            final Set<String> choiceIds = new HashSet<>();
            final Set<Long> choiceHashes = new HashSet<>();
            for (final CatalogModel.Choice choice : question.choices())
            {
                if (choice.id() != null)
                {
                    if (!choiceIds.add(choice.id().value()))
                    {
                        error(diagnostics, choice.id(), "the choice id '" + choice.id().value() + "' is used twice in this question", "give each choice its own id");
                    }
                    else if (!choiceHashes.add(Hash64.of(choice.id().value())))
                    {
                        error(diagnostics, choice.id(), "the choice id '" + choice.id().value() + "' collides with another's hash", "rename it");
                    }
                    validId(choice.id(), diagnostics);
                }
                notEmpty(choice.label(), MAX_LABEL, diagnostics);
                if (choice.response() != null && !responses.containsKey(choice.response().value()))
                {
                    final String nearest = Suggestions.nearest(choice.response().value(), responses.keySet());
                    error(diagnostics, choice.response(), "the choice routes to '" + choice.response().value() + "', which is no response",
                        nearest != null ? "did you mean '" + nearest + "'?" : "define the response under 'responses'");
                }
            }
            validateVariants(question, choiceIds, diagnostics);
        }
        return questions;
    }

    private static void validateVariants(final CatalogModel.Question question, final Set<String> choiceIds, final Diagnostics diagnostics)
    {
        final Set<String> variantIds = new HashSet<>();
        for (final CatalogModel.Variant variant : question.variants())
        {
            if (variant.id() != null && !variantIds.add(variant.id().value()))
            {
                error(diagnostics, variant.id(), "the variant id '" + variant.id().value() + "' is used twice", "give each variant its own id");
            }
            if (variant.weight() != null && !(variant.weight().value() > 0 && Double.isFinite(variant.weight().value())))
            {
                error(diagnostics, variant.weight(), "a variant's weight must be positive, found " + variant.weight().value(),
                    "weights are relative shares, e.g. 50 and 50; remove a variant to stop showing it");
            }
            if (variant.text() != null)
            {
                notEmpty(variant.text(), MAX_QUESTION_TEXT, diagnostics);
            }
            labels(variant.labels(), choiceIds, diagnostics);
        }
        final Set<String> segmentIds = new HashSet<>();
        for (final CatalogModel.Segment segment : question.segments())
        {
            segmentId(segment, segmentIds, diagnostics);
            if (segment.text() != null)
            {
                notEmpty(segment.text(), MAX_QUESTION_TEXT, diagnostics);
            }
            labels(segment.labels(), choiceIds, diagnostics);
        }
    }

    private static void labels(final Map<String, Located<String>> labels, final Set<String> choiceIds, final Diagnostics diagnostics)
    {
        for (final Map.Entry<String, Located<String>> label : labels.entrySet())
        {
            if (!choiceIds.contains(label.getKey()))
            {
                final String nearest = Suggestions.nearest(label.getKey(), choiceIds);
                error(diagnostics, label.getValue(), "'" + label.getKey() + "' is not a choice of this question",
                    nearest != null ? "did you mean '" + nearest + "'?" : "labels are keyed by choice id");
            }
            notEmpty(label.getValue(), MAX_LABEL, diagnostics);
        }
    }

    private static void segmentId(final CatalogModel.Segment segment, final Set<String> ids, final Diagnostics diagnostics)
    {
        if (segment.id() != null && !ids.add(segment.id().value()))
        {
            error(diagnostics, segment.id(), "the segment id '" + segment.id().value() + "' is used twice", "give each segment its own id");
        }
        for (final Map.Entry<String, Located<String>> condition : segment.when().entrySet())
        {
            if (condition.getKey().isBlank() || condition.getValue().value().isBlank())
            {
                error(diagnostics, condition.getValue(), "a segment condition needs a key and a value", "e.g. when: { device: mobile }");
            }
        }
    }

    private static void warnUnroutedResponses(final CatalogModel catalog, final Diagnostics diagnostics)
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

    private static void safeCta(final CatalogModel.CallToAction cta, final Diagnostics diagnostics)
    {
        if (cta == null)
        {
            return;
        }
        notEmpty(cta.label(), MAX_LABEL, diagnostics);
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

    static boolean uniqueId(final Located<String> id, final boolean duplicate, final String what, final Diagnostics diagnostics)
    {
        validId(id, diagnostics);
        if (duplicate)
        {
            error(diagnostics, id, "the " + what + " id '" + id.value() + "' is defined twice", "ids must be unique; rename one");
            return false;
        }
        return true;
    }

    /** Session records remember questions, triggers and page kinds by a 32-bit hash of their id; it must be unique and non-zero. */
    static boolean distinctKey(final Located<String> id, final Set<Integer> keys, final Diagnostics diagnostics)
    {
        final int key = Hash64.key32(id.value());
        if (key == 0 || !keys.add(key))
        {
            error(diagnostics, id, "the id '" + id.value() + "' collides with another id's hash", "rename it (any small change will do)");
            return false;
        }
        return true;
    }

    static void validId(final Located<String> id, final Diagnostics diagnostics)
    {
        if (!ID.matcher(id.value()).matches())
        {
            error(diagnostics, id, "'" + id.value() + "' is not a valid id", "use letters, digits, '-', '_' or '.', at most 64");
        }
    }

    static void notEmpty(final Located<String> text, final int maxLength, final Diagnostics diagnostics)
    {
        if (text == null)
        {
            return;
        }
        if (text.value().isBlank())
        {
            error(diagnostics, text, "the text is empty", "write the copy the customer will read");
        }
        else if (text.value().length() > maxLength)
        {
            error(diagnostics, text, "the text is " + text.value().length() + " characters long; at most " + maxLength + " fit",
                "shorten it: the widget is small");
        }
    }

    static boolean unknownKind(final Located<String> kind, final Map<String, CatalogModel.PageKind> kinds, final Diagnostics diagnostics)
    {
        if (kinds.containsKey(kind.value()))
        {
            return false;
        }
        final String nearest = Suggestions.nearest(kind.value(), kinds.keySet());
        error(diagnostics, kind, "unknown page kind '" + kind.value() + "'",
            nearest != null ? "did you mean '" + nearest + "'?" : "page kinds are defined under 'pages'");
        return true;
    }

    static void error(final Diagnostics diagnostics, final Located<?> value, final String message, final String hint)
    {
        diagnostics.error(value.node(), value.path(), message, hint);
    }

    static void range(final Located<Long> value, final Threshold threshold, final String what, final Diagnostics diagnostics)
    {
        if (!threshold.accepts(value.value()))
        {
            final boolean millis = threshold.unit() == Threshold.Unit.MILLIS;
            error(diagnostics, value, what + " " + (millis ? Durations.format(value.value()) : value.value()) +
                " is out of its sane range [" + (millis ? Durations.format(threshold.min()) : threshold.min()) + ", " +
                (millis ? Durations.format(threshold.max()) : threshold.max()) + "]", "the default is " +
                (millis ? Durations.format(threshold.defaultValue()) : threshold.defaultValue()));
        }
    }

    /** For the trigger validator: the detector kind of a name, or null (the reader reported it). */
    static DetectorKind detector(final Located<String> name)
    {
        return name == null ? null : DetectorKind.fromCatalogName(name.value());
    }
}
