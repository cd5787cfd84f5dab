package dev.pulse.catalog.compile;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.trigger.SiteTimeZone;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerIndex;

import dev.pulse.catalog.CatalogArchive;
/**
 * A validated catalog in the form the hot path reads: ids are small ints, page patterns a matcher
 * that allocates nothing, (detector, page kind) to candidate triggers one array read, questions and
 * responses with their copy precomputed. It carries a hash of its source so every shown question
 * can be journaled with exactly which approved copy was shown. Immutable; shared by all threads.
 */
public final class CompiledCatalog
{
    /**
     * The entry of {@code site.origins} that stands for the origin of the server's own pages (the
     * scheme the server speaks and the host and port the page was loaded from, whatever they are),
     * so the bundled demo works on any port and host name. Only where listed; never an Origin itself.
     */
    public static final String SELF_ORIGIN = "self";

    private final String sourceName;
    private final String sourceText;
    private final String version;
    private final long versionHash;
    private final String siteKey;
    private final Set<String> origins;
    private final boolean allowsSelfOrigin;
    private final boolean captureEvents;
    private final NameList keepQuery;
    private final NameList clientContext;
    private final NameList templateKeys;
    private final long[] templateKeyHashes;
    private final SiteTimeZone timeZone;
    private final List<String> pageKindNames;
    private final int[] pageKindKeys;
    private final Int2IntHashMap pageKindByKey = new Int2IntHashMap(-1);
    private final long keyPageMask;
    private final int[] journeyStage;
    private final PageKindMatcher pageKinds;
    private final TriggerIndex triggers;
    private final Governor governor;
    private final CompiledQuestion[] questionByTriggerIndex;
    private final List<CompiledQuestion> questions;
    private final Int2ObjectHashMap<CompiledQuestion> questionByKey = new Int2ObjectHashMap<>();
    private final List<CompiledResponse> responses;
    private final long outcomeWindowMs;
    private final long sessionExpiryMs;
    private final List<String> contextKeys;
    private final IntentMatcher intents;

    CompiledCatalog(final String sourceName, final String sourceText, final CatalogCompiler.Parts parts)
    {
        this.sourceName = sourceName;
        this.sourceText = sourceText;
        this.version = parts.version();
        this.versionHash = parts.versionHash();
        this.siteKey = parts.siteKey();
        this.allowsSelfOrigin = parts.origins().contains(SELF_ORIGIN);
        this.origins = parts.origins().stream().filter(origin -> !origin.equals(SELF_ORIGIN)).collect(Collectors.toUnmodifiableSet());
        this.captureEvents = parts.captureEvents();
        this.keepQuery = new NameList(parts.keepQuery());
        this.clientContext = new NameList(parts.clientContext());
        this.templateKeys = new NameList(parts.templateKeys());
        this.templateKeyHashes = parts.templateKeys().stream().mapToLong(Hash64::of).toArray();
        this.timeZone = parts.timeZone();
        this.pageKindNames = List.copyOf(parts.pageKindNames());
        this.pageKindKeys = new int[pageKindNames.size()];
        for (int kind = 1; kind < pageKindKeys.length; kind++)
        {
            pageKindKeys[kind] = Hash64.key32(pageKindNames.get(kind));
            pageKindByKey.put(pageKindKeys[kind], kind);
        }
        pageKindByKey.put(0, 0);
        this.keyPageMask = parts.keyPageMask();
        this.journeyStage = parts.journeyStage().clone();
        this.pageKinds = parts.pageKinds();
        this.triggers = parts.triggers();
        this.governor = parts.governor();
        this.questionByTriggerIndex = parts.questionByTriggerIndex().clone();
        this.questions = List.copyOf(parts.questions());
        for (final CompiledQuestion question : questions)
        {
            questionByKey.put(question.key(), question);
        }
        this.responses = List.copyOf(parts.responses());
        this.outcomeWindowMs = parts.outcomeWindowMs();
        this.sessionExpiryMs = parts.sessionExpiryMs();
        this.contextKeys = List.copyOf(parts.contextKeys());
        this.intents = parts.intents();
    }

    /** The file the catalog came from. */
    public String sourceName()
    {
        return sourceName;
    }

    /** The file's text exactly, whose hash is {@link #versionHash()}: what a {@link CatalogArchive} keeps. */
    public String sourceText()
    {
        return sourceText;
    }

    /** The version the file declares. */
    public String version()
    {
        return version;
    }

    /** The first 64 bits of the SHA-256 of the source: which approved copy exactly. */
    public long versionHash()
    {
        return versionHash;
    }

    public String versionHashHex()
    {
        return String.format("%016x", versionHash);
    }

    public String siteKey()
    {
        return siteKey;
    }

    /** The origins listed by name ({@value #SELF_ORIGIN} is not one: see {@link #allowsSelfOrigin()}). */
    public Set<String> origins()
    {
        return origins;
    }

    /** Whether {@code site.origins} lists {@value #SELF_ORIGIN}: the origin of the server's own pages is allowed too. */
    public boolean allowsSelfOrigin()
    {
        return allowsSelfOrigin;
    }

    /** Whether raw events are journaled for replay (the site's {@code capture_events}). */
    public boolean captureEvents()
    {
        return captureEvents;
    }

    /**
     * The query parameters a page URL keeps ({@code site.keep_query}): the server drops every other one,
     * and every fragment, from each URL a client sends, and the welcome tells the snippet this list.
     */
    public NameList keepQuery()
    {
        return keepQuery;
    }

    /**
     * The context keys a client may set itself when sessions are signed ({@code site.client_context}):
     * with a signing key, any other key counts only when the session's token carries it.
     */
    public NameList clientContext()
    {
        return clientContext;
    }

    /**
     * The context keys the responses' templates insert ({@code {{first_name|there}}}), at most
     * {@code ContextTextsFlyweight.TEXT_CAPACITY}: a session keeps the text of these keys only.
     */
    public NameList templateKeys()
    {
        return templateKeys;
    }

    /** Whether a context key, by its hash, is one the templates insert; allocation-free. */
    public boolean isTemplateKey(final long keyHash)
    {
        for (final long templateKeyHash : templateKeyHashes)
        {
            if (templateKeyHash == keyHash)
            {
                return true;
            }
        }
        return false;
    }

    /** The site's time zone ({@code site.time_zone}; UTC when absent), which time-of-day and day-of-week conditions read. */
    public SiteTimeZone timeZone()
    {
        return timeZone;
    }

    /** Whether {@code origin} is one of the origins listed by name (a header reading {@value #SELF_ORIGIN} is not). */
    public boolean allowsOrigin(final String origin)
    {
        return origins.contains(origin);
    }

    /** Page kind names by kind number; kind 0 is "other" (no pattern matched). */
    public List<String> pageKindNames()
    {
        return pageKindNames;
    }

    public String pageKindName(final int kind)
    {
        return kind >= 0 && kind < pageKindNames.size() ? pageKindNames.get(kind) : pageKindNames.get(0);
    }

    /** The kind of the page with this name, or -1. */
    public int pageKind(final String name)
    {
        return pageKindNames.indexOf(name);
    }

    /**
     * The stable identity of a page kind across versions: a 32-bit hash of its name (0 for kind 0,
     * no kind). Kind numbers are positions in this version's list and change when a reload inserts
     * or reorders kinds; the key does not.
     */
    public int pageKindKey(final int kind)
    {
        return kind > 0 && kind < pageKindKeys.length ? pageKindKeys[kind] : 0;
    }

    /** The kind number of the page kind with this {@link #pageKindKey key} in this version, or -1; allocation-free. */
    public int pageKindByKey(final int key)
    {
        return pageKindByKey.get(key);
    }

    /**
     * Fills {@code newKindByOldKind} (at least {@link SessionStateFlyweight#MAX_PAGE_KINDS} long) with
     * this version's number for each kind number of {@code from}: the same page kind by name, or 0
     * (no kind) where this version has none. Allocation-free.
     */
    public void pageKindNumbersFrom(final CompiledCatalog from, final int[] newKindByOldKind)
    {
        for (int kind = 0; kind < SessionStateFlyweight.MAX_PAGE_KINDS; kind++)
        {
            final int to = kind < from.pageKindKeys.length ? pageKindByKey(from.pageKindKey(kind)) : 0;
            newKindByOldKind[kind] = Math.max(0, to);
        }
    }

    /**
     * Fills {@code newIntentByOldIntent} (at least {@link SessionStateFlyweight#MAX_INTENTS} + 1 long)
     * with this version's number for each intent number of {@code from}: the same intent by name, or
     * 0 (none) where this version has none. Allocation-free.
     */
    public void intentNumbersFrom(final CompiledCatalog from, final int[] newIntentByOldIntent)
    {
        for (int intent = 0; intent < newIntentByOldIntent.length; intent++)
        {
            final String name = from.intents.name(intent);
            newIntentByOldIntent[intent] = name == null ? 0 : intents.number(name);
        }
    }

    public long keyPageMask()
    {
        return keyPageMask;
    }

    /** The page kind of a normalised path (0 if none matches); allocation-free. */
    public int pageKindOf(final PagePath path)
    {
        return pageKinds.kindOf(path);
    }

    /** Whether reaching {@code toKind} is forward movement for someone stuck on {@code fromKind}: a later journey stage. */
    public boolean isForward(final int fromKind, final int toKind)
    {
        final int from = stage(fromKind);
        final int to = stage(toKind);
        return from >= 0 && to > from;
    }

    /** The journey stage of a kind, or -1 when the kind is not on the journey. */
    public int stage(final int kind)
    {
        return kind >= 0 && kind < journeyStage.length ? journeyStage[kind] : -1;
    }

    public TriggerIndex triggers()
    {
        return triggers;
    }

    public Governor governor()
    {
        return governor;
    }

    /** The question a trigger asks. */
    public CompiledQuestion question(final Trigger trigger)
    {
        return questionByTriggerIndex[trigger.index()];
    }

    /** The question with this key (as session records keep it), or null. */
    public CompiledQuestion questionByKey(final int key)
    {
        return questionByKey.get(key);
    }

    public List<CompiledQuestion> questions()
    {
        return questions;
    }

    public List<CompiledResponse> responses()
    {
        return responses;
    }

    /** How long after a question (or a holdout) forward movement counts for it. */
    public long outcomeWindowMs()
    {
        return outcomeWindowMs;
    }

    /** Sessions idle longer than this are ended and removed. */
    public long sessionExpiryMs()
    {
        return sessionExpiryMs;
    }

    /**
     * The context keys ({@code hello.ctx}) the catalog names in triggers' conditions and segments, sorted: the catalog
     * declares no list of its own, so these are what the outcome report breaks its results down by.
     */
    public List<String> contextKeys()
    {
        return contextKeys;
    }

    /** The search intents: a search's text classified into at most one ({@link IntentMatcher#NONE} when the catalog declares none). */
    public IntentMatcher intents()
    {
        return intents;
    }

    @Override
    public String toString()
    {
        return "CompiledCatalog{site=" + siteKey + ", version=" + version + ", hash=" + versionHashHex() + '}';
    }
}
