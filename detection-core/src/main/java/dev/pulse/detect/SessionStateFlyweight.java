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
import static dev.pulse.detect.SessionStateDescriptor.SID_HI_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SID_LO_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SITE_KEY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.VISITOR_HASH_OFFSET;

/**
 * A view over one session's fixed-size state record: everything the detectors and the governor
 * need, in {@link #LENGTH} bytes that the server keeps off-heap (a Chronicle Map entry) and updates
 * in place. Nothing is copied to the heap; point the flyweight at the record with
 * {@link #wrap(MutableDirectBuffer, int)} and read or write fields. The layout, drawn, is in
 * {@link SessionStateDescriptor}.
 *
 * <p>This class holds the header: identity, clocks and visibility. The rest of the record is in
 * parts by role, each an abstract class of its own file: {@link #history()} (the page view and the
 * rings the detectors read, its searches in {@link SessionSearchFlyweight}), {@link #questions()} (the governor's open question, deferred signal
 * and asked list), {@link #triggerMemory()} (per-trigger signal and action times), {@link #signals()} (backend
 * events, scrolling back up) and
 * {@link #context()}. Each accessor answers this flyweight, typed as its part, so a caller names
 * the part it uses.
 *
 * <p>Why the parts are a chain of superclasses ({@link SessionHistoryFlyweight} extends
 * {@link SessionSearchFlyweight} extends {@link SessionSignalsFlyweight} extends {@link SessionQuestionsFlyweight} extends {@link TriggerMemoryFlyweight} extends
 * {@link SessionContextFlyweight} extends {@link RecordFlyweight}; the order means nothing) rather
 * than views of their own: this is the hot path's one object. A view object per part held its own
 * buffer and offset, which the JIT cannot know to be this flyweight's, so each access through a view
 * loaded them again after any write to the record and each wrap stored them again: 3-5 ns per event
 * in {@code DetectionBenchmark} (9-15%). Interfaces with default methods cost about as much (calls
 * through an interface type are guarded by the receiver's class). As superclasses with final
 * methods, every part reads this object's two fields, bound at compile time (BENCHMARKS.md, issue 15).
 *
 * <p>A record starts all zero except what {@link #init} writes; {@link #verifyLayout()} rejects
 * records of another version. Page kinds are small ints from the catalog (0 = no kind), below
 * {@link #MAX_PAGE_KINDS}: numbers of one catalog version, which the record does not name. Whoever
 * keeps the record keeps that version with it and renumbers the kinds ({@link #translatePageKinds})
 * before a version that numbers them differently reads the record.
 *
 * <p>Not thread-safe: the server holds the entry's lock while a flyweight points at it.
 */
public final class SessionStateFlyweight extends SessionHistoryFlyweight
{
    /**
     * 5: areas for backend events, search intents, numeric and trusted context, scrolling, feedback
     * and goals reached (issue 19), 640 bytes more; 4: a kind run in one long (its kind and its time: one store per page view, 256 bytes less);
     * 3: the visitor's hash, so the holdout can be drawn per visitor; 2: the kind-run ring, so
     * cart-checkout loops of more than 16 page views are seen.
     */
    public static final byte LAYOUT_VERSION = 5;
    public static final int LENGTH = 2304;

    /** Page kinds are bits of a long mask. */
    public static final int MAX_PAGE_KINDS = 64;
    public static final int PAGE_RING_CAPACITY = 16;
    public static final int BACK_RING_CAPACITY = 8;
    public static final int FAILED_SEARCH_RING_CAPACITY = 8;
    /** Searches of a catalog intent kept for the {@code search_intent} detector: its largest count. */
    public static final int INTENT_RING_CAPACITY = 8;
    /** A catalog declares at most this many search intents (numbered 1..; 0 is none). */
    public static final int MAX_INTENTS = 64;
    public static final int CLICK_RING_CAPACITY = 8;
    public static final int FORM_ERROR_RING_CAPACITY = 8;
    public static final int KIND_RUN_RING_CAPACITY = 32;
    public static final int BACKEND_RING_CAPACITY = 8;
    public static final int CONTEXT_CAPACITY = 8;
    /** The per-session question cap can be at most this: the asked list has this many slots. */
    public static final int ASKED_CAPACITY = 8;
    public static final int TRIGGER_MEMORY_CAPACITY = 8;

    /** Points this flyweight (and so each of its parts) at a record of {@link #LENGTH} bytes at {@code offset}. */
    public SessionStateFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapRecord(buffer, offset);
        return this;
    }

    /** The record's history: its rings of page views, backs, failed searches, clicks and form errors. */
    public SessionHistoryFlyweight history()
    {
        return this;
    }

    /** The signals beyond the page: backend events and scrolling back up. */
    public SessionSignalsFlyweight signals()
    {
        return this;
    }

    /** The governor's part of the record: the open question, the deferred signal, what was asked. */
    public SessionQuestionsFlyweight questions()
    {
        return this;
    }

    /** When each recent trigger last signalled and acted. */
    public TriggerMemoryFlyweight triggerMemory()
    {
        return this;
    }

    /** The session's context values (device, tier, ...), as hashes. */
    public SessionContextFlyweight context()
    {
        return this;
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
}
