package dev.pulse.catalog.validate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Checks what a catalog means: every reference resolves, every id is unique, every number is in
 * its sane range, every question has 3 to 5 choices that each route to an approved response,
 * every URL is safe, every trigger can match some page. Reports all problems in one pass.
 *
 * <p>Each part of the catalog has its validator; this one runs them in the order the parts refer to
 * each other (page kinds and responses before the questions and triggers that name them), so a
 * reference is checked against what was found valid.
 */
public final class CatalogValidator
{
    /** Kind 0 is "no kind": pages no pattern matches. The rest are bits of a long. */
    public static final int MAX_PAGE_KINDS = SessionStateFlyweight.MAX_PAGE_KINDS - 1;
    public static final int MIN_CHOICES = 3;
    public static final int MAX_CHOICES = 5;

    private final PageKindValidator pageKindValidator = new PageKindValidator();
    private final SiteValidator siteValidator = new SiteValidator();
    private final ResponseValidator responseValidator = new ResponseValidator();
    private final PolicyValidator policyValidator = new PolicyValidator();
    private final IntentValidator intentValidator = new IntentValidator();

    public void validate(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.PageKind> kinds = pageKindValidator.pageKinds(catalog, diagnostics);
        siteValidator.validate(catalog.site(), diagnostics);
        pageKindValidator.journey(catalog.journey(), kinds, diagnostics);
        final Map<String, CatalogModel.Response> responses = responseValidator.responses(catalog, diagnostics);
        final Map<String, CatalogModel.Question> questions = new QuestionValidator(responses).questions(catalog, diagnostics);
        final Set<String> intents = intentValidator.validate(catalog.intents(), diagnostics);
        final Set<String> journeyKinds = new HashSet<>();
        catalog.journey().forEach(stage -> stage.forEach(kind -> journeyKinds.add(kind.value())));
        final WhenValidator whenValidator = new WhenValidator(kinds, journeyKinds, intents);
        new TriggerValidator(kinds, questions.keySet(), intents, whenValidator).validate(catalog.triggers(), diagnostics);
        catalog.questions().forEach(question -> question.segments().forEach(segment -> whenValidator.validate(segment.when(), diagnostics)));
        catalog.responses().forEach(response -> response.segments().forEach(segment -> whenValidator.validate(segment.when(), diagnostics)));
        new TemplateValidator().validate(catalog, diagnostics);
        responseValidator.warnUnrouted(catalog, diagnostics);
        policyValidator.validate(catalog.policy(), diagnostics);
    }
}
