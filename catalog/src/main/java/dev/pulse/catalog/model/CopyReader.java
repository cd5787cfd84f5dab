package dev.pulse.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;

/** Reads the copy a team approves: questions with their choices and variants, and responses. */
final class CopyReader
{
    private static final WhenReader WHEN_READER = new WhenReader();
    static final Set<String> QUESTION_KEYS = Set.of("id", "text", "choices", "variants", "segments");
    static final Set<String> CHOICE_KEYS = Set.of("id", "label", "response");
    static final Set<String> VARIANT_KEYS = Set.of("id", "weight", "text", "labels");
    static final Set<String> QUESTION_SEGMENT_KEYS = Set.of("id", "when", "text", "labels");
    static final Set<String> RESPONSE_KEYS = Set.of("id", "title", "body", "cta", "segments", "approved", "feedback", "kind", "handoff");
    static final Set<String> RESPONSE_SEGMENT_KEYS = Set.of("id", "when", "title", "body", "cta");
    static final Set<String> CTA_KEYS = Set.of("label", "url");
    static final Set<String> APPROVAL_KEYS = Set.of("by", "at");

    CatalogModel.Question readQuestion(final Node node, final String path, final Diagnostics diagnostics)
    {
        final Fields question = Fields.of(node, path, diagnostics, QUESTION_KEYS);
        if (question == null)
        {
            return null;
        }
        final List<CatalogModel.Choice> choices = new ArrayList<>();
        final List<Node> choiceNodes = question.list("choices");
        for (int i = 0; i < choiceNodes.size(); i++)
        {
            final String choicePath = question.path("choices") + "[" + i + "]";
            final Fields choice = Fields.of(choiceNodes.get(i), choicePath, diagnostics, CHOICE_KEYS);
            if (choice != null)
            {
                choices.add(new CatalogModel.Choice(
                    choice.requiredString("id", "give the choice an id, e.g. id: team-size"),
                    choice.requiredString("label", "the answer as the customer reads it"),
                    choice.requiredString("response", "the id of the approved response this answer gets"),
                    choiceNodes.get(i), choicePath));
            }
        }
        final List<CatalogModel.Variant> variants = new ArrayList<>();
        final List<Node> variantNodes = question.list("variants");
        for (int i = 0; i < variantNodes.size(); i++)
        {
            final String variantPath = question.path("variants") + "[" + i + "]";
            final Fields variant = Fields.of(variantNodes.get(i), variantPath, diagnostics, VARIANT_KEYS);
            if (variant != null)
            {
                variants.add(new CatalogModel.Variant(
                    variant.requiredString("id", "give the variant an id, e.g. id: b"),
                    weight(variant, diagnostics),
                    variant.optionalString("text"),
                    variant.stringMap("labels"),
                    variantNodes.get(i), variantPath));
            }
        }
        return new CatalogModel.Question(
            question.requiredString("id", "give the question an id, e.g. id: plan-fit"),
            question.requiredString("text", "the one question the customer is asked"),
            choices,
            variants,
            readSegments(question, QUESTION_SEGMENT_KEYS, diagnostics),
            node, path);
    }

    CatalogModel.Response readResponse(final Node node, final String path, final Diagnostics diagnostics)
    {
        final Fields response = Fields.of(node, path, diagnostics, RESPONSE_KEYS);
        if (response == null)
        {
            return null;
        }
        CatalogModel.Approval approval = null;
        if (response.has("approved"))
        {
            final Fields approved = Fields.of(response.node("approved"), response.path("approved"), diagnostics, APPROVAL_KEYS);
            if (approved != null)
            {
                approval = new CatalogModel.Approval(
                    approved.requiredString("by", "who approved this copy"),
                    approved.requiredString("at", "when, as a date: 2026-11-02"),
                    response.node("approved"), response.path("approved"));
            }
        }
        return new CatalogModel.Response(
            response.requiredString("id", "give the response an id"),
            response.requiredString("title", "a short title the widget shows"),
            response.requiredString("body", "the approved answer, plain text"),
            readCta(response, diagnostics),
            readSegments(response, RESPONSE_SEGMENT_KEYS, diagnostics),
            approval,
            response.has("feedback") ? response.bool("feedback", false) : null,
            response.optionalString("kind"),
            HandoffReader.read(response, diagnostics),
            node, path);
    }

    /**
     * A segment's {@code when}: a condition block as a trigger's, or the short form of context
     * values that must all be equal ({@code when: { device: mobile }}), told apart by its keys: a
     * map none of whose keys is a condition's name is the short form.
     */
    private static CatalogModel.When segmentWhen(final Fields segment, final Diagnostics diagnostics)
    {
        final Node node = segment.node("when");
        final String path = segment.path("when");
        if (node == null)
        {
            return CatalogModel.When.none(segment.map(), path);
        }
        if (node instanceof Node.MapNode && ((Node.MapNode)node).entries().keySet().stream().noneMatch(WhenReader.WHEN_KEYS::contains))
        {
            return CatalogModel.When.context(segment.stringMap("when"), node, path);
        }
        final CatalogModel.When when = WHEN_READER.read(node, path, diagnostics);
        return when != null ? when : CatalogModel.When.none(node, path);
    }

    private static List<CatalogModel.Segment> readSegments(final Fields parent, final Set<String> keys, final Diagnostics diagnostics)
    {
        final List<CatalogModel.Segment> segments = new ArrayList<>();
        final List<Node> segmentNodes = parent.list("segments");
        for (int i = 0; i < segmentNodes.size(); i++)
        {
            final String segmentPath = parent.path("segments") + "[" + i + "]";
            final Fields segment = Fields.of(segmentNodes.get(i), segmentPath, diagnostics, keys);
            if (segment == null)
            {
                continue;
            }
            if (!segment.has("when"))
            {
                diagnostics.error(segmentNodes.get(i), segmentPath, "a segment needs 'when'",
                    "say which sessions it is for, e.g. when: { device: mobile }");
            }
            segments.add(new CatalogModel.Segment(
                segment.requiredString("id", "give the segment an id, e.g. id: mobile"),
                segmentWhen(segment, diagnostics),
                segment.optionalString("text"),
                segment.stringMap("labels"),
                segment.optionalString("title"),
                segment.optionalString("body"),
                readCta(segment, diagnostics),
                segmentNodes.get(i), segmentPath));
        }
        return segments;
    }

    private static CatalogModel.CallToAction readCta(final Fields parent, final Diagnostics diagnostics)
    {
        return readCta(parent, "cta", diagnostics);
    }

    /** A call to action (a label and a URL) under {@code key}: a response's cta, a hand-off's link. */
    static CatalogModel.CallToAction readCta(final Fields parent, final String key, final Diagnostics diagnostics)
    {
        if (!parent.has(key))
        {
            return null;
        }
        final Fields cta = Fields.of(parent.node(key), parent.path(key), diagnostics, CTA_KEYS);
        if (cta == null)
        {
            return null;
        }
        return new CatalogModel.CallToAction(
            cta.requiredString("label", "the button text"),
            cta.requiredString("url", "where the button leads: a relative path or an https URL"),
            parent.node(key), parent.path(key));
    }

    private static Located<Double> weight(final Fields variant, final Diagnostics diagnostics)
    {
        final Node node = variant.node("weight");
        if (node == null)
        {
            diagnostics.error(variant.map(), variant.path("weight"), "'weight' is missing", "give each variant a positive weight, e.g. weight: 50");
            return null;
        }
        if (node instanceof Node.ScalarNode && ((Node.ScalarNode)node).kind() == Node.ScalarKind.NUMBER)
        {
            return new Located<>(Double.parseDouble(((Node.ScalarNode)node).text()), node, variant.path("weight"));
        }
        diagnostics.error(node, variant.path("weight"), "expected a number, found " + node.describe(), "write a positive number such as 50");
        return null;
    }
}
