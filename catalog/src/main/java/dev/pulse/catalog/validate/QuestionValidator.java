package dev.pulse.catalog.validate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Suggestions;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.Hash64;

import static dev.pulse.catalog.validate.ValueChecks.error;
import static dev.pulse.catalog.validate.ValueChecks.notEmpty;

/**
 * Checks questions: unique ids with distinct hashes, 3 to 5 choices with their own ids (and
 * distinct hashes: an answer names its choice by hash) that each route to a known response, and
 * A/B variants and context segments whose labels name choices of the question.
 */
final class QuestionValidator
{
    static final int MAX_QUESTION_TEXT = 300;
    static final int MAX_LABEL = 120;

    private final Map<String, CatalogModel.Response> responses;

    QuestionValidator(final Map<String, CatalogModel.Response> responses)
    {
        this.responses = responses;
    }

    /** The questions by id, in catalog order; one whose id is taken or collides is reported and left out. */
    Map<String, CatalogModel.Question> questions(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.Question> questions = new LinkedHashMap<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.Question question : catalog.questions())
        {
            if (question.id() != null && ValueChecks.uniqueId(question.id(), questions.containsKey(question.id().value()), "question",
                diagnostics) && ValueChecks.distinctKey(question.id(), keys, diagnostics))
            {
                questions.put(question.id().value(), question);
            }
            notEmpty(question.text(), MAX_QUESTION_TEXT, diagnostics);
            final int choices = question.choices().size();
            if (choices < CatalogValidator.MIN_CHOICES || choices > CatalogValidator.MAX_CHOICES)
            {
                diagnostics.error(question.node(), question.path() + ".choices", "the question has " + choices + " choice" +
                    (choices == 1 ? "" : "s") + "; it needs 3 to 5", choices < CatalogValidator.MIN_CHOICES ?
                    "add the answers customers actually give" : "keep the 5 answers that matter most");
            }
            final Set<String> choiceIds = choices(question, diagnostics);
            variants(question, choiceIds, diagnostics);
        }
        return questions;
    }

    /** Checks each choice and returns the ids of the question's choices. */
    private Set<String> choices(final CatalogModel.Question question, final Diagnostics diagnostics)
    {
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
                ValueChecks.validId(choice.id(), diagnostics);
            }
            notEmpty(choice.label(), MAX_LABEL, diagnostics);
            if (choice.response() != null && !responses.containsKey(choice.response().value()))
            {
                final String nearest = Suggestions.nearest(choice.response().value(), responses.keySet());
                error(diagnostics, choice.response(), "the choice routes to '" + choice.response().value() + "', which is no response",
                    nearest != null ? "did you mean '" + nearest + "'?" : "define the response under 'responses'");
            }
        }
        return choiceIds;
    }

    private static void variants(final CatalogModel.Question question, final Set<String> choiceIds, final Diagnostics diagnostics)
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
            ValueChecks.segmentId(segment, segmentIds, diagnostics);
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
}
