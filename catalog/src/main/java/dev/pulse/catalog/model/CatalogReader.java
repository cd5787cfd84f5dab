package dev.pulse.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;

/**
 * Turns the document's nodes into a {@link CatalogModel}: the shape and the types of every value,
 * every unknown key, every missing required one. Meaning (references, ranges, counts) is the
 * validator's job. Everything found is reported; reading never stops at the first problem.
 */
public final class CatalogReader
{
    static final Set<String> TOP_KEYS = Set.of("version", "site", "pages", "journey", "triggers", "questions", "responses", "policy", "intents");
    static final Set<String> SITE_KEYS = Set.of("key", "origins", "ignore_click_targets", "capture_events", "keep_query", "client_context", "feedback",
        "feedback_copy", "time_zone", "context_keys");
    static final Set<String> FEEDBACK_COPY_KEYS = Set.of("question", "yes", "no", "thanks");
    static final Set<String> PAGE_KEYS = Set.of("key", "match");
    static final Set<String> PATTERN_KEYS = Set.of("exact", "prefix", "glob");
    static final Set<String> POLICY_KEYS = Set.of(
        "cooldown", "max_questions_per_session", "page_grace", "silent_after_dismiss", "holdout", "holdout_unit", "outcome_window",
        "session_expiry");

    private final TriggerReader triggerReader = new TriggerReader();
    private final CopyReader copyReader = new CopyReader();

    /** Reads the root; returns null only if the root is not a map (reported). */
    public CatalogModel read(final Node root, final Diagnostics diagnostics)
    {
        final Fields top = Fields.of(root, "", diagnostics, TOP_KEYS);
        if (top == null)
        {
            return null;
        }
        final Located<String> version = top.requiredString("version", "give the catalog a version, e.g. version: 1");
        final CatalogModel.Site site = readSite(top, diagnostics);
        final List<CatalogModel.PageKind> pageKinds = readPages(top, diagnostics);
        final List<List<Located<String>>> journey = readJourney(top, diagnostics);

        final List<CatalogModel.Trigger> triggers = new ArrayList<>();
        final List<Node> triggerNodes = top.list("triggers");
        for (int i = 0; i < triggerNodes.size(); i++)
        {
            final CatalogModel.Trigger trigger = triggerReader.read(triggerNodes.get(i), "triggers[" + i + "]", diagnostics);
            if (trigger != null)
            {
                triggers.add(trigger);
            }
        }
        final List<CatalogModel.Question> questions = new ArrayList<>();
        final List<Node> questionNodes = top.list("questions");
        for (int i = 0; i < questionNodes.size(); i++)
        {
            final CatalogModel.Question question = copyReader.readQuestion(questionNodes.get(i), "questions[" + i + "]", diagnostics);
            if (question != null)
            {
                questions.add(question);
            }
        }
        final List<CatalogModel.Response> responses = new ArrayList<>();
        final List<Node> responseNodes = top.list("responses");
        for (int i = 0; i < responseNodes.size(); i++)
        {
            final CatalogModel.Response response = copyReader.readResponse(responseNodes.get(i), "responses[" + i + "]", diagnostics);
            if (response != null)
            {
                responses.add(response);
            }
        }
        return new CatalogModel(version, site, pageKinds, journey, triggers, questions, responses, readPolicy(top, diagnostics),
            readIntents(top, diagnostics));
    }

    private static CatalogModel.Site readSite(final Fields top, final Diagnostics diagnostics)
    {
        final Node node = top.node("site");
        if (node == null)
        {
            diagnostics.error(top.map(), "site", "'site' is missing", "say which site this is: site: { key: acme, origins: [https://acme.example] }");
            return null;
        }
        final Fields site = Fields.of(node, "site", diagnostics, SITE_KEYS);
        if (site == null)
        {
            return null;
        }
        return new CatalogModel.Site(
            site.requiredString("key", "the site key the snippet sends: ?site=<key>"),
            site.stringOrList("origins"),
            site.stringOrList("ignore_click_targets"),
            site.bool("capture_events", false),
            site.stringOrList("keep_query"),
            site.stringOrList("client_context"),
            readFeedback(site, diagnostics),
            site.optionalString("time_zone"),
            site.stringOrList("context_keys"),
            node);
    }

    /** {@code feedback: true} and the optional {@code feedback_copy: {question, yes, no, thanks}}. */
    private static CatalogModel.Feedback readFeedback(final Fields site, final Diagnostics diagnostics)
    {
        final boolean ask = site.bool("feedback", false);
        final Fields copy = site.has("feedback_copy")
            ? Fields.of(site.node("feedback_copy"), site.path("feedback_copy"), diagnostics, FEEDBACK_COPY_KEYS) : null;
        if (copy == null)
        {
            return new CatalogModel.Feedback(ask, null, null, null, null);
        }
        return new CatalogModel.Feedback(ask, copy.optionalString("question"), copy.optionalString("yes"), copy.optionalString("no"),
            copy.optionalString("thanks"));
    }

    private static List<CatalogModel.PageKind> readPages(final Fields top, final Diagnostics diagnostics)
    {
        final List<CatalogModel.PageKind> kinds = new ArrayList<>();
        final Node node = top.node("pages");
        if (node == null)
        {
            diagnostics.error(top.map(), "pages", "'pages' is missing", "name the kinds of page, e.g. pages: { pricing: { match: [/pricing] } }");
            return kinds;
        }
        if (!(node instanceof Node.MapNode))
        {
            diagnostics.error(node, "pages", "expected a map of page kinds, found " + node.describe(), "write one page kind per line: pricing: { match: [/pricing] }");
            return kinds;
        }
        for (final Node.Entry entry : ((Node.MapNode)node).entries().values())
        {
            final String path = "pages." + entry.key();
            final Fields page = Fields.of(entry.value(), path, diagnostics, PAGE_KEYS);
            if (page == null)
            {
                continue;
            }
            final List<CatalogModel.Pattern> patterns = new ArrayList<>();
            final List<Node> matchNodes = page.has("match") && page.node("match") instanceof Node.ScalarNode ?
                List.of(page.node("match")) : page.list("match");
            for (int i = 0; i < matchNodes.size(); i++)
            {
                final CatalogModel.Pattern pattern = readPattern(matchNodes.get(i), path + ".match[" + i + "]", diagnostics);
                if (pattern != null)
                {
                    patterns.add(pattern);
                }
            }
            final Node.ScalarNode name = new Node.ScalarNode(entry.keyLocation(), Node.ScalarKind.STRING, entry.key());
            kinds.add(new CatalogModel.PageKind(new Located<>(entry.key(), name, path), page.bool("key", false), patterns, entry.value(), path));
        }
        return kinds;
    }

    /** "/pricing" is exact, "/product/*" is a glob; {exact|prefix|glob: ...} says so explicitly. */
    private static CatalogModel.Pattern readPattern(final Node node, final String path, final Diagnostics diagnostics)
    {
        if (node instanceof Node.ScalarNode)
        {
            final Located<String> text = Fields.string(node, path, diagnostics);
            if (text == null)
            {
                return null;
            }
            return new CatalogModel.Pattern(text.value().contains("*") ? CatalogModel.PatternType.GLOB : CatalogModel.PatternType.EXACT, text);
        }
        final Fields pattern = Fields.of(node, path, diagnostics, PATTERN_KEYS);
        if (pattern == null)
        {
            return null;
        }
        if (pattern.map().entries().size() != 1)
        {
            diagnostics.error(node, path, "a pattern has exactly one of exact, prefix or glob", "write e.g. { prefix: /docs/ }");
            return null;
        }
        final String type = pattern.map().entries().keySet().iterator().next();
        final Located<String> text = pattern.optionalString(type);
        if (text == null || !PATTERN_KEYS.contains(type))
        {
            return null;
        }
        return new CatalogModel.Pattern(CatalogModel.PatternType.valueOf(Fields.lower(type).toUpperCase(java.util.Locale.ROOT)), text);
    }

    private static List<List<Located<String>>> readJourney(final Fields top, final Diagnostics diagnostics)
    {
        final List<List<Located<String>>> stages = new ArrayList<>();
        final List<Node> stageNodes = top.list("journey");
        for (int i = 0; i < stageNodes.size(); i++)
        {
            final Node stage = stageNodes.get(i);
            final String path = "journey[" + i + "]";
            final List<Located<String>> kinds = new ArrayList<>();
            if (stage instanceof Node.ListNode)
            {
                final List<Node> items = ((Node.ListNode)stage).items();
                for (int j = 0; j < items.size(); j++)
                {
                    final Located<String> kind = Fields.string(items.get(j), path + "[" + j + "]", diagnostics);
                    if (kind != null)
                    {
                        kinds.add(kind);
                    }
                }
            }
            else
            {
                final Located<String> kind = Fields.string(stage, path, diagnostics);
                if (kind != null)
                {
                    kinds.add(kind);
                }
            }
            stages.add(kinds);
        }
        return stages;
    }

    /** {@code intents: { returns: [return, refund*, "send back"], ... }}, in the file's order (which decides ties). */
    private static List<CatalogModel.Intent> readIntents(final Fields top, final Diagnostics diagnostics)
    {
        final List<CatalogModel.Intent> intents = new ArrayList<>();
        final Node node = top.node("intents");
        if (node == null)
        {
            return intents;
        }
        if (!(node instanceof Node.MapNode))
        {
            diagnostics.error(node, "intents", "expected a map of intents, found " + node.describe(),
                "write one intent per line: returns: [return, refund, \"send back\"]");
            return intents;
        }
        final Fields map = Fields.of(node, "intents", diagnostics, ((Node.MapNode)node).entries().keySet());
        for (final Node.Entry entry : ((Node.MapNode)node).entries().values())
        {
            final String path = "intents." + entry.key();
            final Node.ScalarNode name = new Node.ScalarNode(entry.keyLocation(), Node.ScalarKind.STRING, entry.key());
            intents.add(new CatalogModel.Intent(new Located<>(entry.key(), name, path), map.stringOrList(entry.key()), entry.value(), path));
        }
        return intents;
    }

    private static CatalogModel.Policy readPolicy(final Fields top, final Diagnostics diagnostics)
    {
        final Node node = top.node("policy");
        if (node == null)
        {
            return new CatalogModel.Policy(null, null, null, null, null, null, null, null, top.map());
        }
        final Fields policy = Fields.of(node, "policy", diagnostics, POLICY_KEYS);
        if (policy == null)
        {
            return new CatalogModel.Policy(null, null, null, null, null, null, null, null, node);
        }
        return new CatalogModel.Policy(
            policy.duration("cooldown"),
            policy.integer("max_questions_per_session"),
            policy.duration("page_grace"),
            policy.has("silent_after_dismiss") ? policy.bool("silent_after_dismiss", true) : null,
            policy.share("holdout"),
            policy.optionalString("holdout_unit"),
            policy.duration("outcome_window"),
            policy.duration("session_expiry"),
            node);
    }
}
