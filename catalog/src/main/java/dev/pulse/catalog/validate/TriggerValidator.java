package dev.pulse.catalog.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Suggestions;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.DetectorSite;
import dev.pulse.detect.detector.Threshold;

import static dev.pulse.catalog.validate.ValueChecks.error;

/** Checks triggers: ids, thresholds in range, known page kinds and questions, pages that can match. */
final class TriggerValidator
{
    static final Set<String> MODES = Set.of("live", "shadow", "off");
    private static final Threshold COOLDOWN = new Threshold("cooldown", Threshold.Unit.MILLIS, 0, 0, 86_400_000);
    private static final Threshold PRIORITY = new Threshold("priority", Threshold.Unit.COUNT, 0, -1_000, 1_000);

    private final Map<String, CatalogModel.PageKind> kinds;
    private final Set<String> questionIds;
    private final Set<String> intents;
    private final WhenValidator whenValidator;

    TriggerValidator(final Map<String, CatalogModel.PageKind> kinds, final Set<String> questionIds, final Set<String> intents,
        final WhenValidator whenValidator)
    {
        this.kinds = kinds;
        this.questionIds = questionIds;
        this.intents = intents;
        this.whenValidator = whenValidator;
    }

    void validate(final List<CatalogModel.Trigger> triggers, final Diagnostics diagnostics)
    {
        final Set<String> ids = new HashSet<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.Trigger trigger : triggers)
        {
            if (trigger.id() != null && ValueChecks.uniqueId(trigger.id(), !ids.add(trigger.id().value()), "trigger", diagnostics))
            {
                ValueChecks.distinctKey(trigger.id(), keys, diagnostics);
            }
            final DetectorKind detector = ValueChecks.detector(trigger.detector());
            if (detector != null)
            {
                for (final Map.Entry<String, Located<Long>> threshold : trigger.thresholds().entrySet())
                {
                    ValueChecks.range(threshold.getValue(), detector.threshold(threshold.getKey()), threshold.getKey(), diagnostics);
                }
                pages(trigger, detector, diagnostics);
                intent(trigger, detector, diagnostics);
                BackendEventValidator.validate(trigger, detector, diagnostics);
            }
            if (trigger.mode() != null && !MODES.contains(trigger.mode().value()))
            {
                final String nearest = Suggestions.nearest(trigger.mode().value(), MODES);
                error(diagnostics, trigger.mode(), "unknown mode '" + trigger.mode().value() + "'",
                    nearest != null ? "did you mean '" + nearest + "'?" : "a trigger is live, shadow or off");
            }
            whenValidator.validate(trigger.when(), diagnostics);
            if (trigger.cooldownMs() != null)
            {
                ValueChecks.range(trigger.cooldownMs(), COOLDOWN, "cooldown", diagnostics);
            }
            if (!PRIORITY.accepts(trigger.priority()))
            {
                diagnostics.error(trigger.node(), trigger.path() + ".priority", "priority " + trigger.priority() +
                    " is out of range [-1000, 1000]", "priorities only order triggers that fire together");
            }
            if (trigger.question() != null && !questionIds.contains(trigger.question().value()))
            {
                final String nearest = Suggestions.nearest(trigger.question().value(), questionIds);
                error(diagnostics, trigger.question(), "the trigger asks '" + trigger.question().value() + "', which is no question",
                    nearest != null ? "did you mean '" + nearest + "'?" : "define the question under 'questions'");
            }
        }
    }

    /** A trigger's intent: only for a detector that reads one, and one the catalog declares. */
    private void intent(final CatalogModel.Trigger trigger, final DetectorKind detector, final Diagnostics diagnostics)
    {
        final boolean readsIntent = detector.thresholds().stream().anyMatch(threshold -> threshold.unit() == Threshold.Unit.INTENT);
        final Located<String> intent = trigger.intent();
        if (intent != null && !readsIntent)
        {
            error(diagnostics, intent, detector.catalogName() + " reads no search intent",
                "an intent narrows failed_search and search_intent; leave it out here");
        }
        else if (intent != null && !intents.contains(intent.value()))
        {
            final String nearest = Suggestions.nearest(intent.value(), intents);
            error(diagnostics, intent, "the trigger counts searches of '" + intent.value() + "', which is no intent",
                nearest != null ? "did you mean '" + nearest + "'?" : "declare it under 'intents', e.g. intents: { " + intent.value() + ": [word] }");
        }
        else if (detector == DetectorKind.SEARCH_INTENT && intents.isEmpty())
        {
            diagnostics.error(trigger.node(), trigger.path() + ".detector", "search_intent can never fire: the catalog declares no intents",
                "declare intents: { returns: [return, refund] } and name one with intent: returns");
        }
    }

    /** The trigger's pages exist, and the detector can fire on at least one of them. */
    private void pages(final CatalogModel.Trigger trigger, final DetectorKind detector, final Diagnostics diagnostics)
    {
        final List<String> pages = new ArrayList<>();
        if (trigger.pages() == null)
        {
            pages.addAll(kinds.keySet());
        }
        else
        {
            if (trigger.pages().isEmpty())
            {
                diagnostics.error(trigger.node(), trigger.path() + ".pages", "the trigger applies to no pages, so it can never match",
                    "list page kinds, or leave 'pages' out to apply everywhere");
                return;
            }
            for (final Located<String> page : trigger.pages())
            {
                if (!ValueChecks.unknownKind(page, kinds, diagnostics))
                {
                    pages.add(page.value());
                }
            }
            if (pages.size() < trigger.pages().size())
            {
                return;
            }
        }
        final String where = trigger.path() + (trigger.pages() == null ? "" : ".pages");
        if (detector.pages() == DetectorKind.Pages.KEY_PAGES && pages.stream().noneMatch(page -> kinds.get(page).key()))
        {
            diagnostics.error(trigger.node(), where, "the trigger can never match: " + detector.catalogName() +
                " fires only on key pages and none of " + pages + " is one", "mark a page kind with key: true, or choose other pages");
        }
        if (detector.pages() == DetectorKind.Pages.CART_AND_CHECKOUT)
        {
            final String cart = DetectorSite.CART_PAGE_KIND;
            final String checkout = DetectorSite.CHECKOUT_PAGE_KIND;
            if (!kinds.containsKey(cart) || !kinds.containsKey(checkout))
            {
                diagnostics.error(trigger.node(), trigger.path() + ".detector", detector.catalogName() + " needs page kinds named '" +
                    cart + "' and '" + checkout + "'", "define both under 'pages'");
            }
            else if (!pages.contains(cart))
            {
                diagnostics.error(trigger.node(), where, "the trigger can never match: " + detector.catalogName() + " completes on the " +
                    cart + " page, which " + pages + " leaves out", "add " + cart + " to its pages");
            }
        }
        if (trigger.pages() != null)
        {
            for (final Located<String> page : trigger.pages())
            {
                if (kinds.get(page.value()).patterns().isEmpty())
                {
                    error(diagnostics, page, "the page kind '" + page.value() + "' has no patterns, so the trigger can never match on it",
                        "give the page kind a match: pattern");
                }
            }
        }
    }
}
