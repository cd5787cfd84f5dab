package dev.pulse.catalog.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.agrona.collections.Long2LongHashMap;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.TimeTerms;
import dev.pulse.catalog.model.Templates;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.governor.HoldoutUnit;
import dev.pulse.detect.trigger.SiteTimeZone;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerBuilder;
import dev.pulse.detect.trigger.TriggerIndex;
import dev.pulse.detect.trigger.TriggerMode;

/**
 * Compiles a validated {@link CatalogModel} into the parts a {@code CompiledCatalog} is made of.
 * Assumes validation passed: it does not re-check references.
 */
public final class CatalogCompiler
{
    /** Compiles a validated model into the catalog a server serves; {@code sourceName} names it in messages. */
    public CompiledCatalog catalog(final String sourceName, final CatalogModel model, final String source)
    {
        return new CompiledCatalog(sourceName, source, compile(model, source));
    }

    /** Everything a compiled catalog holds, for its constructor. */
    public record Parts(
        String version,
        long versionHash,
        String siteKey,
        List<String> origins,
        boolean captureEvents,
        List<String> keepQuery,
        List<String> clientContext,
        List<String> pageKindNames,
        long keyPageMask,
        int[] journeyStage,
        PageKindMatcher pageKinds,
        TriggerIndex triggers,
        Governor governor,
        CompiledQuestion[] questionByTriggerIndex,
        List<CompiledQuestion> questions,
        List<CompiledResponse> responses,
        long outcomeWindowMs,
        long sessionExpiryMs,
        List<String> contextKeys,
        IntentMatcher intents,
        SiteTimeZone timeZone,
        List<String> templateKeys)
    {
    }

    public static final long DEFAULT_OUTCOME_WINDOW_MS = 10 * 60_000;
    public static final long DEFAULT_SESSION_EXPIRY_MS = 30 * 60_000;

    public Parts compile(final CatalogModel model, final String source)
    {
        final List<String> kindNames = new ArrayList<>();
        kindNames.add("other");
        final Map<String, Integer> kindByName = new HashMap<>();
        long keyPageMask = 0;
        for (final CatalogModel.PageKind kind : model.pageKinds())
        {
            kindByName.put(kind.name().value(), kindNames.size());
            if (kind.key())
            {
                keyPageMask |= 1L << kindNames.size();
            }
            kindNames.add(kind.name().value());
        }

        final int[] stage = new int[kindNames.size()];
        Arrays.fill(stage, -1);
        for (int i = 0; i < model.journey().size(); i++)
        {
            for (final Located<String> kind : model.journey().get(i))
            {
                stage[kindByName.get(kind.value())] = i;
            }
        }

        final IntentMatcher intents = intents(model);
        final SiteTimeZone zone = model.site().timeZone() == null ? SiteTimeZone.UTC : new SiteTimeZone(TimeTerms.zone(model.site().timeZone().value()));
        final ConditionCompiler conditions = new ConditionCompiler(kindByName, stage, zone, intents);
        final Map<String, CompiledResponse> responses = new HashMap<>();
        final List<CompiledResponse> responseList = new ArrayList<>();
        final FeedbackCopy feedback = FeedbackCopy.of(model.site().feedback());
        for (final CatalogModel.Response response : model.responses())
        {
            final boolean asks = response.feedback() != null ? response.feedback() : model.site().feedback().ask();
            final CompiledResponse compiled = response(response, responseList.size(), asks ? feedback : null, conditions);
            responses.put(compiled.id(), compiled);
            responseList.add(compiled);
        }
        final Map<String, CompiledQuestion> questions = new HashMap<>();
        final List<CompiledQuestion> questionList = new ArrayList<>();
        for (final CatalogModel.Question question : model.questions())
        {
            final CompiledQuestion compiled = question(question, questionList.size(), responses, conditions);
            questions.put(compiled.id(), compiled);
            questionList.add(compiled);
        }

        final long[] ignoredTargets = model.site().ignoreClickTargets().stream().mapToLong(t -> Hash64.of(t.value())).toArray();
        final DetectorFactory detectors = new DetectorFactory(keyPageMask, kindByName, ignoredTargets, intents);
        final List<Trigger> triggers = new ArrayList<>();
        final CompiledQuestion[] questionByTrigger = new CompiledQuestion[model.triggers().size()];
        for (final CatalogModel.Trigger trigger : model.triggers())
        {
            final int index = triggers.size();
            triggers.add(TriggerBuilder.trigger(trigger.id().value(), detectors.create(trigger))
                .index(index)
                .pageKindMask(pageMask(trigger, kindByName))
                .when(conditions.conditions(trigger.when()))
                .priority(trigger.priority())
                .mode(trigger.mode() == null ? TriggerMode.LIVE : TriggerMode.valueOf(trigger.mode().value().toUpperCase(java.util.Locale.ROOT)))
                .urgent(trigger.urgent())
                .cooldownMs(trigger.cooldownMs() == null ? 0 : trigger.cooldownMs().value())
                .early(trigger.early())
                .question(trigger.question().value())
                .build());
            questionByTrigger[index] = questions.get(trigger.question().value());
        }

        final CatalogModel.Policy policy = model.policy();
        final GovernorPolicy governorPolicy = new GovernorPolicy(
            value(policy.cooldownMs(), GovernorPolicy.DEFAULT_COOLDOWN_MS),
            (int)value(policy.maxQuestionsPerSession(), GovernorPolicy.DEFAULT_MAX_QUESTIONS_PER_SESSION),
            value(policy.pageGraceMs(), GovernorPolicy.DEFAULT_PAGE_GRACE_MS),
            policy.silentAfterDismiss() == null || policy.silentAfterDismiss(),
            (int)value(policy.holdoutPerMillion(), GovernorPolicy.DEFAULT_HOLDOUT_PER_MILLION),
            policy.holdoutUnit() == null ? GovernorPolicy.DEFAULT_HOLDOUT_UNIT : HoldoutUnit.ofCatalogName(policy.holdoutUnit().value()));

        return new Parts(
            model.version().value(),
            sha256Prefix(source),
            model.site().key().value(),
            model.site().origins().stream().map(Located::value).toList(),
            model.site().captureEvents(),
            model.site().keepQuery().stream().map(Located::value).distinct().toList(),
            model.site().clientContext().stream().map(Located::value).distinct().toList(),
            kindNames,
            keyPageMask,
            stage,
            matcher(model, kindByName),
            new TriggerIndex(triggers),
            new Governor(governorPolicy),
            questionByTrigger,
            questionList,
            responseList,
            value(policy.outcomeWindowMs(), DEFAULT_OUTCOME_WINDOW_MS),
            value(policy.sessionExpiryMs(), DEFAULT_SESSION_EXPIRY_MS),
            contextKeys(model),
            intents,
            zone,
            templateKeys(model));
    }

    /** The search intents, numbered from 1 in catalog order (the order that decides ties). */
    private static IntentMatcher intents(final CatalogModel model)
    {
        return model.intents().isEmpty() ? IntentMatcher.EMPTY : new IntentMatcher(
            model.intents().stream().map(intent -> intent.name().value()).toList(),
            model.intents().stream().map(intent -> intent.terms().stream().map(Located::value).toList()).toList());
    }

    /** The context keys the responses' templates insert, in the order they first appear. */
    static List<String> templateKeys(final CatalogModel model)
    {
        final Set<String> keys = new LinkedHashSet<>();
        for (final CatalogModel.Response response : model.responses())
        {
            final List<Located<String>> texts = new ArrayList<>(List.of(response.title(), response.body()));
            if (response.cta() != null)
            {
                texts.add(response.cta().label());
            }
            for (final CatalogModel.Segment segment : response.segments())
            {
                texts.add(segment.title());
                texts.add(segment.body());
                if (segment.cta() != null)
                {
                    texts.add(segment.cta().label());
                }
            }
            texts.stream().filter(text -> text != null && Templates.isTemplate(text.value()))
                .forEach(text -> Templates.placeholders(text.value()).forEach(placeholder -> keys.add(placeholder.name())));
        }
        return List.copyOf(keys);
    }

    /** The context keys a block of conditions and the blocks in it compare. */
    private static void whenKeys(final CatalogModel.When when, final Set<String> keys)
    {
        keys.addAll(when.context().keySet());
        keys.addAll(when.numbers().keySet());
        when.any().forEach(block -> whenKeys(block, keys));
        if (when.not() != null)
        {
            whenKeys(when.not(), keys);
        }
    }

    /**
     * The context keys the catalog names, sorted: those its triggers' {@code when.context} and its questions' and
     * responses' segments' {@code when} compare. The catalog has no list of context keys of its own; these are the
     * ones it uses, so the report breaks its results down by them.
     */
    static List<String> contextKeys(final CatalogModel model)
    {
        final TreeSet<String> keys = new TreeSet<>();
        model.triggers().forEach(trigger -> whenKeys(trigger.when(), keys));
        model.questions().forEach(question -> question.segments().forEach(segment -> whenKeys(segment.when(), keys)));
        model.responses().forEach(response -> response.segments().forEach(segment -> whenKeys(segment.when(), keys)));
        return List.copyOf(keys);
    }

    private static PageKindMatcher matcher(final CatalogModel model, final Map<String, Integer> kindByName)
    {
        final Long2LongHashMap exact = new Long2LongHashMap(-1);
        final List<PageKindMatcher.Rule> rules = new ArrayList<>();
        final PagePath path = new PagePath();
        for (final CatalogModel.PageKind kind : model.pageKinds())
        {
            final int kindNumber = kindByName.get(kind.name().value());
            for (final CatalogModel.Pattern pattern : kind.patterns())
            {
                final String normalised = path.normalise(pattern.pattern().value()).toString();
                if (pattern.type() == CatalogModel.PatternType.EXACT)
                {
                    exact.put(path.hash(), kindNumber);
                }
                else
                {
                    rules.add(new PageKindMatcher.Rule(pattern.type(), normalised, kindNumber));
                }
            }
        }
        return new PageKindMatcher(exact, rules);
    }

    private static long pageMask(final CatalogModel.Trigger trigger, final Map<String, Integer> kindByName)
    {
        if (trigger.pages() == null)
        {
            return -1L;
        }
        long mask = 0;
        for (final Located<String> page : trigger.pages())
        {
            mask |= 1L << kindByName.get(page.value());
        }
        return mask;
    }

    private static CompiledQuestion question(
        final CatalogModel.Question question, final int index, final Map<String, CompiledResponse> responses, final ConditionCompiler conditions)
    {
        final int choices = question.choices().size();
        final String[] choiceIds = new String[choices];
        final String[] labels = new String[choices];
        final CompiledResponse[] routed = new CompiledResponse[choices];
        for (int i = 0; i < choices; i++)
        {
            final CatalogModel.Choice choice = question.choices().get(i);
            choiceIds[i] = choice.id().value();
            labels[i] = choice.label().value();
            routed[i] = responses.get(choice.response().value());
        }
        final List<CatalogModel.Variant> variants = question.variants();
        final int variantCount = Math.max(1, variants.size());
        final double[] weights = new double[variantCount];
        final List<CatalogModel.Segment> segments = question.segments();
        final QuestionCopy[][] copies = new QuestionCopy[variantCount][segments.size() + 1];
        for (int v = 0; v < variantCount; v++)
        {
            final CatalogModel.Variant variant = variants.isEmpty() ? null : variants.get(v);
            weights[v] = variant == null ? 1 : variant.weight().value();
            final String variantId = variant == null ? "default" : variant.id().value();
            final String text = variant != null && variant.text() != null ? variant.text().value() : question.text().value();
            final String[] variantLabels = overridden(labels, choiceIds, variant == null ? Map.of() : variant.labels());
            copies[v][0] = new QuestionCopy(variantId, null, text, List.of(variantLabels));
            for (int s = 0; s < segments.size(); s++)
            {
                final CatalogModel.Segment segment = segments.get(s);
                copies[v][s + 1] = new QuestionCopy(variantId, segment.id().value(),
                    segment.text() != null ? segment.text().value() : text,
                    List.of(overridden(variantLabels, choiceIds, segment.labels())));
            }
        }
        return new CompiledQuestion(question.id().value(), index, choiceIds, routed, weights, SegmentCondition.of(segments, conditions), copies);
    }

    private static CompiledResponse response(final CatalogModel.Response response, final int index, final FeedbackCopy feedback,
        final ConditionCompiler conditions)
    {
        final List<CatalogModel.Segment> segments = response.segments();
        final ResponseCopy[] copies = new ResponseCopy[segments.size() + 1];
        copies[0] = new ResponseCopy(null, response.title().value(), response.body().value(),
            response.cta() == null ? null : response.cta().label().value(), response.cta() == null ? null : response.cta().url().value());
        for (int s = 0; s < segments.size(); s++)
        {
            final CatalogModel.Segment segment = segments.get(s);
            final CatalogModel.CallToAction cta = segment.cta() != null ? segment.cta() : response.cta();
            copies[s + 1] = new ResponseCopy(segment.id().value(),
                segment.title() != null ? segment.title().value() : copies[0].title(),
                segment.body() != null ? segment.body().value() : copies[0].body(),
                cta == null ? null : cta.label().value(), cta == null ? null : cta.url().value());
        }
        return new CompiledResponse(response.id().value(), index, response.approval().by().value(),
            response.approval().at().value(), SegmentCondition.of(segments, conditions), copies, feedback, handoff(response.handoff()));
    }

    /** A validated hand-off (its days, times and zone parse), or null. */
    private static CompiledHandoff handoff(final CatalogModel.Handoff handoff)
    {
        if (handoff == null)
        {
            return null;
        }
        final CatalogModel.OfficeHours hours = handoff.hours();
        int dayBits = 0;
        for (final Located<String> day : hours.days())
        {
            dayBits |= 1 << TimeTerms.dayIndex(day.value());
        }
        return new CompiledHandoff(
            handoff.link() == null ? null : handoff.link().label().value(),
            handoff.link() == null ? null : handoff.link().url().value(),
            handoff.webhook() == null ? null : handoff.webhook().value(),
            new OfficeHours(dayBits, TimeTerms.minuteOfDay(hours.from().value()), TimeTerms.minuteOfDay(hours.to().value()),
                new SiteTimeZone(TimeTerms.zone(hours.zone().value()))),
            handoff.unavailable().value());
    }

    private static String[] overridden(final String[] labels, final String[] choiceIds, final Map<String, Located<String>> overrides)
    {
        final String[] result = labels.clone();
        for (int i = 0; i < choiceIds.length; i++)
        {
            final Located<String> override = overrides.get(choiceIds[i]);
            if (override != null)
            {
                result[i] = override.value();
            }
        }
        return result;
    }

    private static long value(final Located<Long> value, final long defaultValue)
    {
        return value == null ? defaultValue : value.value();
    }

    private static long sha256Prefix(final String source)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            long prefix = 0;
            for (int i = 0; i < 8; i++)
            {
                prefix = (prefix << 8) | (digest[i] & 0xFF);
            }
            return prefix;
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
