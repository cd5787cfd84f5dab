package dev.pulse.catalog.model;

import java.util.List;
import java.util.Map;

import dev.pulse.catalog.source.Node;

/**
 * A catalog as written, before validation: every value keeps its place in the file so the
 * validator can point at it. Absent optional values are null; lists are never null.
 */
public record CatalogModel(
    Located<String> version,
    Site site,
    List<PageKind> pageKinds,
    List<List<Located<String>>> journey,
    List<Trigger> triggers,
    List<Question> questions,
    List<Response> responses,
    Policy policy,
    List<Intent> intents)
{
    /**
     * A search intent: its name and the words, phrases and prefixes ({@code refund*}) whose presence
     * in a search's text says what the person came for.
     */
    public record Intent(Located<String> name, List<Located<String>> terms, Node node, String path)
    {
    }

    /**
     * The site: its key, the origins allowed to connect, click targets rage clicks ignore,
     * whether raw events are captured in the journal for replay (off unless turned on), the query
     * parameters a page URL may keep ({@code keep_query}; every other one is dropped), and the
     * context keys a client may set itself when sessions are signed ({@code client_context}),
     * whether responses ask "Did this help?" ({@code feedback}, with its wording in {@code feedback_copy}),
     * the IANA time zone time-of-day conditions read ({@code time_zone}, null for UTC), and the context
     * keys response templates may insert ({@code context_keys}).
     */
    public record Site(Located<String> key, List<Located<String>> origins, List<Located<String>> ignoreClickTargets,
        boolean captureEvents, List<Located<String>> keepQuery, List<Located<String>> clientContext, Feedback feedback,
        Located<String> timeZone, List<Located<String>> contextKeys, Node node)
    {
    }

    /**
     * The site's "Did this help?": whether every response asks it by default, and its wording; each
     * wording is null when the catalog keeps the default ({@code dev.pulse.catalog.compile.FeedbackCopy}).
     */
    public record Feedback(boolean ask, Located<String> question, Located<String> yes, Located<String> no, Located<String> thanks)
    {
    }

    /** A named kind of page (pricing, cart, ...) and the URL patterns that select it. */
    public record PageKind(Located<String> name, boolean key, List<Pattern> patterns, Node node, String path)
    {
    }

    /** How a URL pattern matches a normalised path. */
    public enum PatternType
    {
        EXACT,
        PREFIX,
        GLOB
    }

    /** One URL pattern of a page kind. */
    public record Pattern(PatternType type, Located<String> pattern)
    {
    }

    /**
     * A trigger: a detector, its thresholds and conditions, and the question it asks; {@code intent}
     * (or null) the search intent its detector counts, for the detectors that read one.
     */
    public record Trigger(
        Located<String> id,
        Located<String> detector,
        Map<String, Located<Long>> thresholds,
        List<Located<String>> pages,
        When when,
        int priority,
        Located<String> mode,
        boolean urgent,
        Located<Long> cooldownMs,
        boolean early,
        Located<String> question,
        Located<String> intent,
        Located<String> backendEvent,
        Map<String, Located<String>> backendFields,
        Node node,
        String path)
    {
    }

    /**
     * A block of conditions (a trigger's {@code when}, an {@code any} entry, a {@code not}): all of its
     * keys must hold. Absent keys are null or empty; {@code trusted} makes its context and number
     * conditions (and those of blocks inside it) count only values the site's backend vouched for.
     */
    public record When(
        List<Located<String>> visited,
        Map<String, Located<String>> context,
        Map<String, NumberBounds> numbers,
        Located<Long> minDwellMs,
        Located<Long> scrolledBack,
        TimeWindow time,
        List<Located<String>> days,
        Located<Long> sessionLongerThanMs,
        Located<String> stageReached,
        Located<String> goalReached,
        SearchedFor searchedFor,
        boolean trusted,
        List<When> any,
        When not,
        Node node,
        String path)
    {
        /** No conditions: always holds. */
        public static When none(final Node node, final String path)
        {
            return context(Map.of(), node, path);
        }

        /** Only context values that must all be equal: a segment's short form. */
        public static When context(final Map<String, Located<String>> context, final Node node, final String path)
        {
            return new When(List.of(), context, Map.of(), null, null, null, List.of(), null, null, null, null, false, List.of(), null, node, path);
        }
    }

    /**
     * Searches of an intent ({@code searched_for: returns}, or {@code { intent: returns, count: 2,
     * within: 10m }}); an absent count is null (1), an absent window null (any time in the session).
     */
    public record SearchedFor(Located<String> intent, Located<Long> count, Located<Long> withinMs, Node node, String path)
    {
    }

    /** Bounds on a numeric context value; absent bounds are null. */
    public record NumberBounds(Located<Double> atLeast, Located<Double> moreThan, Located<Double> atMost, Located<Double> lessThan,
        Node node, String path)
    {
    }

    /** A time-of-day window, {@code HH:MM} each, from inclusive to exclusive. */
    public record TimeWindow(Located<String> from, Located<String> to, Node node, String path)
    {
    }

    /** A diagnostic question: its default copy, its choices, and optional copy variants. */
    public record Question(
        Located<String> id,
        Located<String> text,
        List<Choice> choices,
        List<Variant> variants,
        List<Segment> segments,
        Node node,
        String path)
    {
    }

    /** An answer: its id, its label, the response it routes to. */
    public record Choice(Located<String> id, Located<String> label, Located<String> response, Node node, String path)
    {
    }

    /** An A/B copy variant: drawn by weight, sticky per session; text and labels override the default copy. */
    public record Variant(Located<String> id, Located<Double> weight, Located<String> text, Map<String, Located<String>> labels, Node node, String path)
    {
    }

    /**
     * Copy for a segment of sessions (device, tier, team size, ...); the first segment whose
     * {@code when} holds applies. {@code when} is a trigger's condition language; the short form,
     * a map of context keys only ({@code when: { device: mobile }}), is read as its {@code context}.
     */
    public record Segment(
        Located<String> id,
        When when,
        Located<String> text,
        Map<String, Located<String>> labels,
        Located<String> title,
        Located<String> body,
        CallToAction cta,
        Node node,
        String path)
    {
    }

    /**
     * A pre-approved response; {@code feedback} is its own "Did this help?" (null: the site's default);
     * {@code kind} is null (an answer) or {@code handoff}, which has {@code handoff}.
     */
    public record Response(
        Located<String> id,
        Located<String> title,
        Located<String> body,
        CallToAction cta,
        List<Segment> segments,
        Approval approval,
        Boolean feedback,
        Located<String> kind,
        Handoff handoff,
        Node node,
        String path)
    {
    }

    /**
     * A hand-off to a person: a chat or call link and/or the support tool's webhook, the office hours
     * in which someone answers, and the honest text shown outside them. Absent values are null.
     */
    public record Handoff(CallToAction link, Located<String> webhook, OfficeHours hours, Located<String> unavailable, Node node, String path)
    {
    }

    /** When someone answers: days ({@code mon} .. {@code sun}), from and to ({@code HH:MM}), in an IANA time zone. */
    public record OfficeHours(List<Located<String>> days, Located<String> from, Located<String> to, Located<String> zone, Node node, String path)
    {
    }

    /** A call to action: a label and where it leads. */
    public record CallToAction(Located<String> label, Located<String> url, Node node, String path)
    {
    }

    /** Who approved a response, and when. */
    public record Approval(Located<String> by, Located<String> at, Node node, String path)
    {
    }

    /** The fatigue and measurement policy; absent values are null and take the defaults. */
    public record Policy(
        Located<Long> cooldownMs,
        Located<Long> maxQuestionsPerSession,
        Located<Long> pageGraceMs,
        Boolean silentAfterDismiss,
        Located<Long> holdoutPerMillion,
        Located<String> holdoutUnit,
        Located<Long> outcomeWindowMs,
        Located<Long> sessionExpiryMs,
        Node node)
    {
    }
}
