package dev.pulse.detect;

import org.agrona.MutableDirectBuffer;

import static dev.pulse.detect.SessionStateDescriptor.CREATED_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FLAGS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FLAG_HIDDEN;
import static dev.pulse.detect.SessionStateDescriptor.IDLE_ELAPSED_AT_HIDE_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.IDLE_SINCE_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.LAST_ACTIVITY_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.LAST_EVENT_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.LAST_SEQ_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_VIEW_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SID_HI_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SID_LO_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SITE_KEY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.VISITED_KINDS_MASK_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.VISITOR_HASH_OFFSET;

/**
 * A view over one session's fixed-size state record: everything the detectors and the governor
 * need, in {@link #LENGTH} bytes that the server keeps off-heap (a Chronicle Map entry) and updates
 * in place. Nothing is copied to the heap; point the flyweight at the record with
 * {@link #wrap(MutableDirectBuffer, int)} and read or write fields. The layout, drawn, is in
 * {@link SessionStateDescriptor}.
 *
 * <p>This flyweight holds the header: identity, clocks, visibility and the page view. Its views
 * over the same bytes, wrapped with it, hold the rest by role: {@link #history()} (the rings the
 * detectors read), {@link #questions()} (the governor's open question, deferred signal and asked
 * list), {@link #triggerMemory()} (per-trigger signal and action times) and {@link #context()}.
 *
 * <p>A record starts all zero except what {@link #init} writes; {@link #verifyLayout()} rejects
 * records of another version. Page kinds are small ints from the catalog (0 = no kind), below
 * {@link #MAX_PAGE_KINDS}: numbers of one catalog version, which the record does not name. Whoever
 * keeps the record keeps that version with it and renumbers the kinds ({@link #translatePageKinds})
 * before a version that numbers them differently reads the record.
 *
 * <p>Not thread-safe: the server holds the entry's lock while a flyweight points at it.
 */
public final class SessionStateFlyweight extends RecordFlyweight
{
    /**
     * 3: the visitor's hash, so the holdout can be drawn per visitor (2: the kind-run ring, so
     * cart-checkout loops of more than 16 page views are seen).
     */
    public static final byte LAYOUT_VERSION = 3;
    public static final int LENGTH = 1920;

    /** Page kinds are bits of a long mask. */
    public static final int MAX_PAGE_KINDS = 64;
    public static final int PAGE_RING_CAPACITY = 16;
    public static final int BACK_RING_CAPACITY = 8;
    public static final int FAILED_SEARCH_RING_CAPACITY = 8;
    public static final int CLICK_RING_CAPACITY = 8;
    public static final int FORM_ERROR_RING_CAPACITY = 8;
    public static final int KIND_RUN_RING_CAPACITY = 32;
    public static final int CONTEXT_CAPACITY = 8;
    /** The per-session question cap can be at most this: the asked list has this many slots. */
    public static final int ASKED_CAPACITY = 8;
    public static final int TRIGGER_MEMORY_CAPACITY = 8;

    private final SessionHistoryFlyweight history = new SessionHistoryFlyweight();
    private final SessionQuestionsFlyweight questions = new SessionQuestionsFlyweight();
    private final TriggerMemoryFlyweight triggerMemory = new TriggerMemoryFlyweight();
    private final SessionContextFlyweight context = new SessionContextFlyweight();

    /** Points this flyweight, and its views, at a record of {@link #LENGTH} bytes at {@code offset}. */
    public SessionStateFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapRecord(buffer, offset);
        history.wrap(buffer, offset);
        questions.wrap(buffer, offset);
        triggerMemory.wrap(buffer, offset);
        context.wrap(buffer, offset);
        return this;
    }

    /** The record's history: its rings of page views, backs, failed searches, clicks and form errors. */
    public SessionHistoryFlyweight history()
    {
        return history;
    }

    /** The governor's part of the record: the open question, the deferred signal, what was asked. */
    public SessionQuestionsFlyweight questions()
    {
        return questions;
    }

    /** When each recent trigger last signalled and acted. */
    public TriggerMemoryFlyweight triggerMemory()
    {
        return triggerMemory;
    }

    /** The session's context values (device, tier, ...), as hashes. */
    public SessionContextFlyweight context()
    {
        return context;
    }

    /** Writes a fresh record for a new session: all zero but its identity and clocks. */
    public SessionStateFlyweight init(final long sidHi, final long sidLo, final long siteKey, final long nowMs)
    {
        clearRecord(LENGTH, LAYOUT_VERSION);
        buffer.putLong(offset + SID_HI_OFFSET, sidHi);
        buffer.putLong(offset + SID_LO_OFFSET, sidLo);
        buffer.putLong(offset + SITE_KEY_OFFSET, siteKey);
        buffer.putLong(offset + CREATED_MS_OFFSET, nowMs);
        buffer.putLong(offset + LAST_EVENT_MS_OFFSET, nowMs);
        buffer.putLong(offset + LAST_ACTIVITY_MS_OFFSET, nowMs);
        buffer.putLong(offset + IDLE_SINCE_MS_OFFSET, nowMs);
        return this;
    }

    /** The layout version the record was written with (0 for a record never initialised). */
    public int layoutVersion()
    {
        return recordVersion();
    }

    /**
     * Checks that the record was written by this layout version.
     *
     * @throws IncompatibleSessionStateException if it was not.
     */
    public SessionStateFlyweight verifyLayout()
    {
        final int version = layoutVersion();
        if (version != LAYOUT_VERSION)
        {
            throw new IncompatibleSessionStateException(version, LAYOUT_VERSION);
        }
        return this;
    }

    // ---- identity and clocks ----------------------------------------------------------------

    public long sidHi()
    {
        return buffer.getLong(offset + SID_HI_OFFSET);
    }

    public long sidLo()
    {
        return buffer.getLong(offset + SID_LO_OFFSET);
    }

    public long siteKey()
    {
        return buffer.getLong(offset + SITE_KEY_OFFSET);
    }

    /**
     * The session's visitor: the {@link Hash64} of the stable visitor id it started with (the
     * signed token's claim or the snippet's {@code vid}), or 0 when it had none. Set once, when the
     * session starts, and kept by a resumed session.
     */
    public long visitorHash()
    {
        return buffer.getLong(offset + VISITOR_HASH_OFFSET);
    }

    public SessionStateFlyweight visitorHash(final long hash)
    {
        buffer.putLong(offset + VISITOR_HASH_OFFSET, hash);
        return this;
    }

    /** Who the per-visitor holdout is drawn for: the visitor, or the session when it names none. */
    public long holdoutUnitHash()
    {
        final long visitor = visitorHash();
        return visitor != 0 ? visitor : Hash64.combine(sidHi(), sidLo());
    }

    public long createdMs()
    {
        return buffer.getLong(offset + CREATED_MS_OFFSET);
    }

    /** The last protocol {@code seq} the server handled for this session (0 before any). */
    public long lastSeq()
    {
        return buffer.getLong(offset + LAST_SEQ_OFFSET);
    }

    public SessionStateFlyweight lastSeq(final long seq)
    {
        buffer.putLong(offset + LAST_SEQ_OFFSET, seq);
        return this;
    }

    /** The session's clock: the latest event time seen; it never goes backwards. */
    public long lastEventMs()
    {
        return buffer.getLong(offset + LAST_EVENT_MS_OFFSET);
    }

    public SessionStateFlyweight lastEventMs(final long nowMs)
    {
        buffer.putLong(offset + LAST_EVENT_MS_OFFSET, nowMs);
        return this;
    }

    public int pageViewCount()
    {
        return buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET);
    }

    // ---- activity and visibility ------------------------------------------------------------

    public long lastActivityMs()
    {
        return buffer.getLong(offset + LAST_ACTIVITY_MS_OFFSET);
    }

    public SessionStateFlyweight lastActivityMs(final long nowMs)
    {
        buffer.putLong(offset + LAST_ACTIVITY_MS_OFFSET, nowMs);
        return this;
    }

    /** While visible, idle time is {@code now - idleSinceMs}; hiding the tab pauses that clock. */
    public long idleSinceMs()
    {
        return buffer.getLong(offset + IDLE_SINCE_MS_OFFSET);
    }

    public SessionStateFlyweight idleSinceMs(final long ms)
    {
        buffer.putLong(offset + IDLE_SINCE_MS_OFFSET, ms);
        return this;
    }

    /** Idle time already accrued when the tab was hidden; it resumes from here when shown. */
    public long idleElapsedAtHideMs()
    {
        return buffer.getLong(offset + IDLE_ELAPSED_AT_HIDE_MS_OFFSET);
    }

    public SessionStateFlyweight idleElapsedAtHideMs(final long ms)
    {
        buffer.putLong(offset + IDLE_ELAPSED_AT_HIDE_MS_OFFSET, ms);
        return this;
    }

    public boolean hidden()
    {
        return flag(FLAGS_OFFSET, FLAG_HIDDEN);
    }

    public SessionStateFlyweight hidden(final boolean hidden)
    {
        flag(FLAGS_OFFSET, FLAG_HIDDEN, hidden);
        return this;
    }

    /** Page kinds viewed before the current page view (bit {@code k} for kind {@code k}). */
    public long visitedKindsMask()
    {
        return buffer.getLong(offset + VISITED_KINDS_MASK_OFFSET);
    }

    public boolean visitedKindBefore(final int pageKind)
    {
        return (visitedKindsMask() & (1L << pageKind)) != 0;
    }

    // ---- the page view --------------------------------------------------------------------------

    /**
     * Records a page view: the page being left joins the visited kinds, the new one becomes the
     * current page (age 0 of the ring).
     */
    public void pushPage(final long pageHash, final int pageKind, final NavType nav, final long nowMs)
    {
        if (history.pageCount() > 0)
        {
            final long visited = visitedKindsMask() | (1L << currentPageKind());
            buffer.putLong(offset + VISITED_KINDS_MASK_OFFSET, visited);
        }
        history.pushPage(pageHash, pageKind, nav, nowMs);
        buffer.putInt(offset + PAGE_VIEW_COUNT_OFFSET, pageViewCount() + 1);
    }

    /**
     * Renumbers every page kind the record holds (the page ring, the kind runs and the visited kinds) for a catalog
     * version that numbers them differently: kind {@code k} becomes {@code newKindByOldKind[k]}. A
     * kind the table does not cover becomes 0 (no kind). Allocation-free.
     *
     * @param newKindByOldKind a table of at least {@link #MAX_PAGE_KINDS} entries, each below {@link #MAX_PAGE_KINDS}.
     */
    public void translatePageKinds(final int[] newKindByOldKind)
    {
        history.translatePageKinds(newKindByOldKind);
        final long visited = visitedKindsMask();
        long translated = 0;
        for (int kind = 0; kind < MAX_PAGE_KINDS; kind++)
        {
            if ((visited & (1L << kind)) != 0)
            {
                translated |= 1L << translated(newKindByOldKind, kind);
            }
        }
        buffer.putLong(offset + VISITED_KINDS_MASK_OFFSET, translated);
    }

    static int translated(final int[] newKindByOldKind, final int kind)
    {
        final int to = kind >= 0 && kind < newKindByOldKind.length ? newKindByOldKind[kind] : 0;
        return to >= 0 && to < MAX_PAGE_KINDS ? to : 0;
    }

    /** The hash of the current page, or 0 before the first page view. */
    public long currentPageHash()
    {
        return history.pageCount() == 0 ? 0 : history.pageHashAt(0);
    }

    /** The kind of the current page, or 0 (no kind) before the first page view. */
    public int currentPageKind()
    {
        return history.pageCount() == 0 ? 0 : history.pageKindAt(0);
    }

    /** When the current page view began (the session's start before the first page view). */
    public long currentPageEnteredMs()
    {
        return history.pageCount() == 0 ? createdMs() : history.pageEnteredMsAt(0);
    }
}
