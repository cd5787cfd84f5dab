package dev.pulse.detect;

import org.agrona.MutableDirectBuffer;

/**
 * A view over one session's fixed-size state record: everything the detectors and the governor
 * need, in {@link #LENGTH} bytes that the server keeps off-heap (a Chronicle Map entry) and updates
 * in place. Nothing is copied to the heap; point the flyweight at the record with
 * {@link #wrap(MutableDirectBuffer, int)} and read or write fields. Byte order is the platform's.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+---------------+---------------+---------------+   hot: every event
 *  |    version    |     flags     |   pageCount   |   pageHead    |  0
 *  |   backCount   |   backHead    |  searchCount  |  searchHead   |  4
 *  |  clickCount   |   clickHead   |   formCount   |   formHead    |  8
 *  | contextCount  |  askedCount   |   triggerMemoryCount  | (pad) | 12
 *  |                 lastSeq (8), lastEventMs (8)                  | 16
 *  |             lastActivityMs (8), idleSinceMs (8)               | 32
 *  |       pageViewCount (4)       |          openIid (4)          | 48
 *  |    pendingTriggerKey (4)      |     pendingPageView (4)       | 56
 *  |     pendingDueMs (8), idleElapsedAtHideMs (8)                 | 64
 *  |       visitedKindsMask (8), lastShownMs (8)                   | 80
 *  |      openQuestionKey (4)      |      openTriggerKey (4)       | 96
 *  |  openVariant  | kindRunCount  |  kindRunHead  |     (pad)     | 104
 *  |                          lastIid (4)                          | 108
 *  |              openShownMs (8), createdMs (8)                   | 112
 *  +---------------------------------------------------------------+   identity
 *  |        sidHi (8), sidLo (8), siteKey (8)                      | 128
 *  |              askedQuestionKeys: 8 x int (32)                  | 152
 *  |  triggerMemory: 8 x {key(4) pageView(4) signalMs(8) actedMs(8)}| 184
 *  +---------------------------------------------------------------+   history
 *  |           context: 8 x {keyHash(8) valueHash(8)}              | 376
 *  |  pageRing: 16 x {hash(8) enteredMs(8) kind(2) nav(1) pad(5)}  | 504
 *  |           backRing: 8 x {pairHash(8) timeMs(8)}               | 888
 *  |           failedSearchRing: 8 x {timeMs(8)}                   | 1016
 *  |   clickRing: 8 x {targetHash(8) timeMs(8) x(4) y(4)}          | 1080
 *  |           formErrorRing: 8 x {formHash(8) timeMs(8)}          | 1272
 *  |       kindRunRing: 32 x {lastEnteredMs(8) kind(2) pad(6)}     | 1400
 *  +---------------------------------------------------------------+ 1912
 * </pre>
 *
 * The entries of the tables ({@code *_OFFSET} constants are relative to the entry); the rings'
 * entries are drawn in {@link SessionHistoryFlyweight}:
 *
 * <pre>
 *  context     | keyHash (8)       | valueHash (8)     |                                16
 *  trigger     | key (4) | signalPageView (4) | signalMs (8) | actedMs (8)              |  24
 * </pre>
 *
 * <p>The first 128 bytes (an adjacent cache-line pair) hold what every event reads or writes, so a
 * cold record costs one miss before the history. The rings' part ({@link #history()}) keeps the
 * newest entries of each kind. A record starts all zero except what {@link #init} writes;
 * {@link #verifyLayout()} rejects records of another version. Page kinds are small ints from the
 * catalog (0 = no kind), below {@link #MAX_PAGE_KINDS}: numbers of one catalog version, which the
 * record does not name. Whoever keeps the record keeps that version with it and renumbers the kinds
 * ({@link #translatePageKinds}) before a version that numbers them differently reads the record.
 *
 * <p>Not thread-safe: the server holds the entry's lock while a flyweight points at it.
 */
public final class SessionStateFlyweight extends RecordFlyweight
{
    /** 2: the kind-run ring, so cart-checkout loops of more than 16 page views are seen. */
    public static final byte LAYOUT_VERSION = 2;
    public static final int LENGTH = 1912;

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

    public static final int VERSION_OFFSET = RECORD_VERSION_OFFSET;
    public static final int FLAGS_OFFSET = 1;
    public static final int PAGE_COUNT_OFFSET = 2;
    public static final int PAGE_HEAD_OFFSET = 3;
    public static final int BACK_COUNT_OFFSET = 4;
    public static final int BACK_HEAD_OFFSET = 5;
    public static final int SEARCH_COUNT_OFFSET = 6;
    public static final int SEARCH_HEAD_OFFSET = 7;
    public static final int CLICK_COUNT_OFFSET = 8;
    public static final int CLICK_HEAD_OFFSET = 9;
    public static final int FORM_COUNT_OFFSET = 10;
    public static final int FORM_HEAD_OFFSET = 11;
    public static final int CONTEXT_COUNT_OFFSET = 12;
    public static final int ASKED_COUNT_OFFSET = 13;
    public static final int TRIGGER_MEMORY_COUNT_OFFSET = 14;
    public static final int LAST_SEQ_OFFSET = 16;
    public static final int LAST_EVENT_MS_OFFSET = 24;
    public static final int LAST_ACTIVITY_MS_OFFSET = 32;
    public static final int IDLE_SINCE_MS_OFFSET = 40;
    public static final int PAGE_VIEW_COUNT_OFFSET = 48;
    public static final int OPEN_IID_OFFSET = 52;
    public static final int PENDING_TRIGGER_KEY_OFFSET = 56;
    public static final int PENDING_PAGE_VIEW_OFFSET = 60;
    public static final int PENDING_DUE_MS_OFFSET = 64;
    public static final int IDLE_ELAPSED_AT_HIDE_MS_OFFSET = 72;
    public static final int VISITED_KINDS_MASK_OFFSET = 80;
    public static final int LAST_SHOWN_MS_OFFSET = 88;
    public static final int OPEN_QUESTION_KEY_OFFSET = 96;
    public static final int OPEN_TRIGGER_KEY_OFFSET = 100;
    public static final int OPEN_VARIANT_OFFSET = 104;
    public static final int KIND_RUN_COUNT_OFFSET = 105;
    public static final int KIND_RUN_HEAD_OFFSET = 106;
    public static final int LAST_IID_OFFSET = 108;
    public static final int OPEN_SHOWN_MS_OFFSET = 112;
    public static final int CREATED_MS_OFFSET = 120;
    public static final int SID_HI_OFFSET = 128;
    public static final int SID_LO_OFFSET = 136;
    public static final int SITE_KEY_OFFSET = 144;
    public static final int ASKED_KEYS_OFFSET = 152;
    public static final int ASKED_KEY_LENGTH = 4;
    public static final int TRIGGER_MEMORY_OFFSET = 184;
    public static final int TRIGGER_MEMORY_ENTRY_LENGTH = 24;
    public static final int TRIGGER_KEY_OFFSET = 0;
    public static final int TRIGGER_SIGNAL_PAGE_VIEW_OFFSET = 4;
    public static final int TRIGGER_SIGNAL_MS_OFFSET = 8;
    public static final int TRIGGER_ACTED_MS_OFFSET = 16;
    public static final int CONTEXT_OFFSET = 376;
    public static final int CONTEXT_ENTRY_LENGTH = 16;
    public static final int CONTEXT_KEY_HASH_OFFSET = 0;
    public static final int CONTEXT_VALUE_HASH_OFFSET = 8;
    public static final int PAGE_RING_OFFSET = 504;
    public static final int PAGE_ENTRY_LENGTH = 24;
    public static final int BACK_RING_OFFSET = 888;
    public static final int BACK_ENTRY_LENGTH = 16;
    public static final int SEARCH_RING_OFFSET = 1016;
    public static final int SEARCH_ENTRY_LENGTH = 8;
    public static final int CLICK_RING_OFFSET = 1080;
    public static final int CLICK_ENTRY_LENGTH = 24;
    public static final int FORM_RING_OFFSET = 1272;
    public static final int FORM_ENTRY_LENGTH = 16;
    public static final int KIND_RUN_RING_OFFSET = 1400;
    public static final int KIND_RUN_ENTRY_LENGTH = 16;

    private static final int FLAG_HIDDEN = 1;
    private static final int FLAG_DISMISSED = 1 << 1;

    private final SessionHistoryFlyweight history = new SessionHistoryFlyweight();

    /** Points this flyweight at a record of {@link #LENGTH} bytes at {@code offset}. */
    public SessionStateFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapRecord(buffer, offset);
        history.wrap(buffer, offset);
        return this;
    }

    /** The record's history: its rings of page views, backs, failed searches, clicks and form errors. */
    public SessionHistoryFlyweight history()
    {
        return history;
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

    /** Allocates the next intervention id of this session (1, 2, ...). */
    public int nextIid()
    {
        final int iid = buffer.getInt(offset + LAST_IID_OFFSET) + 1;
        buffer.putInt(offset + LAST_IID_OFFSET, iid);
        return iid;
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
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_HIDDEN) != 0;
    }

    public SessionStateFlyweight hidden(final boolean hidden)
    {
        return flag(FLAG_HIDDEN, hidden);
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

    // ---- context ----------------------------------------------------------------------------

    public int contextCount()
    {
        return buffer.getByte(offset + CONTEXT_COUNT_OFFSET) & 0xFF;
    }

    /**
     * Sets a context value (device, tier, ...), both as hashes. A key already present is
     * overwritten.
     *
     * @return false if the key is new and all {@link #CONTEXT_CAPACITY} slots are taken.
     */
    public boolean putContext(final long keyHash, final long valueHash)
    {
        final int count = contextCount();
        for (int i = 0; i < count; i++)
        {
            final int entry = offset + CONTEXT_OFFSET + CONTEXT_ENTRY_LENGTH * i;
            if (buffer.getLong(entry + CONTEXT_KEY_HASH_OFFSET) == keyHash)
            {
                buffer.putLong(entry + CONTEXT_VALUE_HASH_OFFSET, valueHash);
                return true;
            }
        }
        if (count == CONTEXT_CAPACITY)
        {
            return false;
        }
        final int entry = offset + CONTEXT_OFFSET + CONTEXT_ENTRY_LENGTH * count;
        buffer.putLong(entry + CONTEXT_KEY_HASH_OFFSET, keyHash);
        buffer.putLong(entry + CONTEXT_VALUE_HASH_OFFSET, valueHash);
        buffer.putByte(offset + CONTEXT_COUNT_OFFSET, (byte)(count + 1));
        return true;
    }

    public boolean contextEquals(final long keyHash, final long valueHash)
    {
        for (int i = 0, count = contextCount(); i < count; i++)
        {
            final int entry = offset + CONTEXT_OFFSET + CONTEXT_ENTRY_LENGTH * i;
            if (buffer.getLong(entry + CONTEXT_KEY_HASH_OFFSET) == keyHash)
            {
                return buffer.getLong(entry + CONTEXT_VALUE_HASH_OFFSET) == valueHash;
            }
        }
        return false;
    }

    // ---- governor: the open question and what was asked -------------------------------------

    /** The open intervention's id, or 0 when no question is open. */
    public int openIid()
    {
        return buffer.getInt(offset + OPEN_IID_OFFSET);
    }

    public int openQuestionKey()
    {
        return buffer.getInt(offset + OPEN_QUESTION_KEY_OFFSET);
    }

    public int openTriggerKey()
    {
        return buffer.getInt(offset + OPEN_TRIGGER_KEY_OFFSET);
    }

    public int openVariant()
    {
        return buffer.getByte(offset + OPEN_VARIANT_OFFSET);
    }

    /** Which copy variant of the open question was shown; the server sets it after choosing. */
    public SessionStateFlyweight openVariant(final int variant)
    {
        buffer.putByte(offset + OPEN_VARIANT_OFFSET, (byte)variant);
        return this;
    }

    public long openShownMs()
    {
        return buffer.getLong(offset + OPEN_SHOWN_MS_OFFSET);
    }

    public void openQuestion(final int iid, final int questionKey, final int triggerKey, final long nowMs)
    {
        buffer.putInt(offset + OPEN_IID_OFFSET, iid);
        buffer.putInt(offset + OPEN_QUESTION_KEY_OFFSET, questionKey);
        buffer.putInt(offset + OPEN_TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putByte(offset + OPEN_VARIANT_OFFSET, (byte)0);
        buffer.putLong(offset + OPEN_SHOWN_MS_OFFSET, nowMs);
    }

    public void closeOpenQuestion()
    {
        buffer.putInt(offset + OPEN_IID_OFFSET, 0);
    }

    /** When the last question was shown (or held out), for the cross-question cooldown; 0 if never. */
    public long lastShownMs()
    {
        return buffer.getLong(offset + LAST_SHOWN_MS_OFFSET);
    }

    public SessionStateFlyweight lastShownMs(final long nowMs)
    {
        buffer.putLong(offset + LAST_SHOWN_MS_OFFSET, nowMs);
        return this;
    }

    /**
     * The trigger whose signal waits for the page grace to pass (0 if none). Its question is
     * decided again at {@link #pendingDueMs()} if the page view is still {@link #pendingPageView()}.
     */
    public int pendingTriggerKey()
    {
        return buffer.getInt(offset + PENDING_TRIGGER_KEY_OFFSET);
    }

    public int pendingPageView()
    {
        return buffer.getInt(offset + PENDING_PAGE_VIEW_OFFSET);
    }

    public long pendingDueMs()
    {
        return buffer.getLong(offset + PENDING_DUE_MS_OFFSET);
    }

    public void pending(final int triggerKey, final long dueMs)
    {
        buffer.putInt(offset + PENDING_TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putInt(offset + PENDING_PAGE_VIEW_OFFSET, pageViewCount());
        buffer.putLong(offset + PENDING_DUE_MS_OFFSET, dueMs);
    }

    public void clearPending()
    {
        buffer.putInt(offset + PENDING_TRIGGER_KEY_OFFSET, 0);
    }

    /** How many questions were asked (shown or held out) in this session. */
    public int askedCount()
    {
        return buffer.getByte(offset + ASKED_COUNT_OFFSET) & 0xFF;
    }

    public int askedQuestionKeyAt(final int index)
    {
        return buffer.getInt(offset + ASKED_KEYS_OFFSET + ASKED_KEY_LENGTH * index);
    }

    public boolean wasAsked(final int questionKey)
    {
        for (int i = 0, count = askedCount(); i < count; i++)
        {
            if (askedQuestionKeyAt(i) == questionKey)
            {
                return true;
            }
        }
        return false;
    }

    /** Adds a question to the asked list; the governor's cap keeps it within {@link #ASKED_CAPACITY}. */
    public void addAsked(final int questionKey)
    {
        final int count = askedCount();
        if (count < ASKED_CAPACITY)
        {
            buffer.putInt(offset + ASKED_KEYS_OFFSET + ASKED_KEY_LENGTH * count, questionKey);
            buffer.putByte(offset + ASKED_COUNT_OFFSET, (byte)(count + 1));
        }
    }

    public boolean dismissed()
    {
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_DISMISSED) != 0;
    }

    public SessionStateFlyweight dismissed(final boolean dismissed)
    {
        return flag(FLAG_DISMISSED, dismissed);
    }

    // ---- per-trigger memory -----------------------------------------------------------------

    /**
     * The slot that remembers {@code triggerKey}'s last signal and last action, or -1 if this
     * session has none. Eight slots, least recently signalled evicted first.
     */
    public int triggerSlot(final int triggerKey)
    {
        for (int i = 0, count = triggerMemoryCount(); i < count; i++)
        {
            if (buffer.getInt(offset + triggerEntry(i) + TRIGGER_KEY_OFFSET) == triggerKey)
            {
                return i;
            }
        }
        return -1;
    }

    /** The page view in which the trigger last signalled (0 if never). */
    public int triggerSignalPageView(final int slot)
    {
        return slot < 0 ? 0 : buffer.getInt(offset + triggerEntry(slot) + TRIGGER_SIGNAL_PAGE_VIEW_OFFSET);
    }

    /** When the trigger last signalled (0 if never): evidence older than this is spent. */
    public long triggerSignalMs(final int slot)
    {
        return slot < 0 ? 0 : buffer.getLong(offset + triggerEntry(slot) + TRIGGER_SIGNAL_MS_OFFSET);
    }

    /** When the trigger last asked, held out or shadowed (0 if never): its own cooldown runs from here. */
    public long triggerActedMs(final int slot)
    {
        return slot < 0 ? 0 : buffer.getLong(offset + triggerEntry(slot) + TRIGGER_ACTED_MS_OFFSET);
    }

    public void recordTriggerSignal(final int triggerKey, final long nowMs)
    {
        final int entry = offset + triggerEntry(slotFor(triggerKey));
        buffer.putInt(entry + TRIGGER_SIGNAL_PAGE_VIEW_OFFSET, pageViewCount());
        buffer.putLong(entry + TRIGGER_SIGNAL_MS_OFFSET, nowMs);
    }

    public void recordTriggerActed(final int triggerKey, final long nowMs)
    {
        buffer.putLong(offset + triggerEntry(slotFor(triggerKey)) + TRIGGER_ACTED_MS_OFFSET, nowMs);
    }

    private int triggerMemoryCount()
    {
        return buffer.getByte(offset + TRIGGER_MEMORY_COUNT_OFFSET) & 0xFF;
    }

    private int slotFor(final int triggerKey)
    {
        final int existing = triggerSlot(triggerKey);
        if (existing >= 0)
        {
            return existing;
        }
        final int count = triggerMemoryCount();
        int slot = count;
        if (count == TRIGGER_MEMORY_CAPACITY)
        {
            slot = 0;
            for (int i = 1; i < count; i++)
            {
                if (triggerSignalMs(i) < triggerSignalMs(slot))
                {
                    slot = i;
                }
            }
        }
        else
        {
            buffer.putByte(offset + TRIGGER_MEMORY_COUNT_OFFSET, (byte)(count + 1));
        }
        final int entry = offset + triggerEntry(slot);
        buffer.putInt(entry + TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putInt(entry + TRIGGER_SIGNAL_PAGE_VIEW_OFFSET, 0);
        buffer.putLong(entry + TRIGGER_SIGNAL_MS_OFFSET, 0);
        buffer.putLong(entry + TRIGGER_ACTED_MS_OFFSET, 0);
        return slot;
    }

    private static int triggerEntry(final int slot)
    {
        return TRIGGER_MEMORY_OFFSET + TRIGGER_MEMORY_ENTRY_LENGTH * slot;
    }

    // ---- flag plumbing ----------------------------------------------------------------------

    private SessionStateFlyweight flag(final int mask, final boolean on)
    {
        final int flags = buffer.getByte(offset + FLAGS_OFFSET);
        buffer.putByte(offset + FLAGS_OFFSET, (byte)(on ? flags | mask : flags & ~mask));
        return this;
    }
}
