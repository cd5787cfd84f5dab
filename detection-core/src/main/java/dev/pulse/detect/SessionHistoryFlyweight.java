package dev.pulse.detect;

import static dev.pulse.detect.SessionStateDescriptor.BACK_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.BACK_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.BACK_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.BACK_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CLICK_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CLICK_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.CLICK_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CLICK_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CREATED_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FORM_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FORM_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.FORM_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FORM_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.KIND_RUN_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.KIND_RUN_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.KIND_RUN_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.KIND_RUN_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_VIEW_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.VISITED_KINDS_MASK_OFFSET;
import static dev.pulse.detect.SessionStateFlyweight.BACK_RING_CAPACITY;
import static dev.pulse.detect.SessionStateFlyweight.CLICK_RING_CAPACITY;
import static dev.pulse.detect.SessionStateFlyweight.FORM_ERROR_RING_CAPACITY;
import static dev.pulse.detect.SessionStateFlyweight.KIND_RUN_RING_CAPACITY;
import static dev.pulse.detect.SessionStateFlyweight.MAX_PAGE_KINDS;
import static dev.pulse.detect.SessionStateFlyweight.PAGE_RING_CAPACITY;

/**
 * The history part of a session's state record ({@link SessionStateFlyweight#history()}): the page
 * view (the current page, the page-view count, the kinds visited before) and rings of the newest
 * page views, page-kind runs, back navigations, clicks and form errors (and, from its superclass,
 * searches), each a
 * {@link HistoryRing} placed by {@link SessionStateDescriptor}. {@link EventRecorder} is its one
 * writer; detectors read it. Age 0 is the newest entry of a ring.
 *
 * The entries ({@code *_OFFSET} constants are relative to the entry; where each ring sits, its
 * capacity and its count and head bytes are the record's, in {@link SessionStateDescriptor}):
 *
 * <pre>
 *  page        | hash (8)          | enteredMs (8)     | kind (2) | nav (1) | pad (5) |  24
 *  back        | key: pairHash (8) | timeMs (8)        |                                16
 *  click       | targetHash (8)    | timeMs (8)        | x (4)    | y (4)             |  24
 *  formError   | key: formHash (8) | timeMs (8)        |                                16
 *  kindRun     | kind (high 16 bits) and lastEnteredMs (low 48 bits) of one long       8
 * </pre>
 *
 * <p>History sizes, from what each detector reads within its own window (thresholds in
 * {@link dev.pulse.detect.detector.DetectorKind}): failed searches and rage clicks count the
 * newest entries without gaps, so a ring of the largest count threshold (8) is exact. Back-and-forth
 * and repeated form errors count entries of one pair or form among others: 8 hold the largest count
 * when nothing else interleaves. The cart-checkout loop reads the kind-run ring, where consecutive
 * page views of one kind share an entry (the newest time of the run): a loop needs its kinds'
 * changes, not its page views, and 32 runs hold the largest 7 round trips with one other page kind
 * between every two steps ({@code 4 x 7 + 1 = 29}), or the default 2 with up to 7, however many
 * page views each run has. The page ring (16) serves the current and previous page. Searches
 * (failed ones and those of an intent) are the {@link SessionSearchFlyweight}'s.
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class SessionHistoryFlyweight extends SessionSearchFlyweight
{
    public static final int PAGE_HASH_OFFSET = 0;
    public static final int PAGE_ENTERED_MS_OFFSET = 8;
    public static final int PAGE_KIND_OFFSET = 16;
    public static final int PAGE_NAV_OFFSET = 18;
    /** Back and form-error entries are alike: a key (a hash) and the time it happened. */
    public static final int KEY_OFFSET = 0;
    public static final int KEY_TIME_MS_OFFSET = 8;
    public static final int CLICK_TARGET_HASH_OFFSET = 0;
    public static final int CLICK_TIME_MS_OFFSET = 8;
    public static final int CLICK_X_OFFSET = 16;
    public static final int CLICK_Y_OFFSET = 20;
    /** A kind run is one long: the kind in the high 16 bits, the time in the low 48 (until the year 10889). */
    private static final int KIND_RUN_KIND_SHIFT = 48;
    private static final long KIND_RUN_TIME_MASK = (1L << KIND_RUN_KIND_SHIFT) - 1;

    private static final HistoryRing PAGE_RING = new HistoryRing(
        PAGE_COUNT_OFFSET, PAGE_HEAD_OFFSET, PAGE_RING_OFFSET, PAGE_RING_CAPACITY, PAGE_ENTRY_LENGTH);
    private static final HistoryRing BACK_RING = new HistoryRing(
        BACK_COUNT_OFFSET, BACK_HEAD_OFFSET, BACK_RING_OFFSET, BACK_RING_CAPACITY, BACK_ENTRY_LENGTH);
    private static final HistoryRing CLICK_RING = new HistoryRing(
        CLICK_COUNT_OFFSET, CLICK_HEAD_OFFSET, CLICK_RING_OFFSET, CLICK_RING_CAPACITY, CLICK_ENTRY_LENGTH);
    private static final HistoryRing FORM_RING = new HistoryRing(
        FORM_COUNT_OFFSET, FORM_HEAD_OFFSET, FORM_RING_OFFSET, FORM_ERROR_RING_CAPACITY, FORM_ENTRY_LENGTH);
    private static final HistoryRing KIND_RUN_RING = new HistoryRing(
        KIND_RUN_COUNT_OFFSET, KIND_RUN_HEAD_OFFSET, KIND_RUN_RING_OFFSET, KIND_RUN_RING_CAPACITY, KIND_RUN_ENTRY_LENGTH);

    // ---- the page view ---------------------------------------------------------------------

    /** How many page views the session has had. */
    public final int pageViewCount()
    {
        return buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET);
    }

    /** Page kinds viewed before the current page view (bit {@code k} for kind {@code k}). */
    public final long visitedKindsMask()
    {
        return buffer.getLong(offset + VISITED_KINDS_MASK_OFFSET);
    }

    /**
     * Page kinds viewed so far, the current page's included: what a session carried to another node
     * takes there ({@link #addVisitedKinds}).
     */
    public final long viewedKindsMask()
    {
        return pageCount() == 0 ? visitedKindsMask() : visitedKindsMask() | 1L << currentPageKind();
    }

    /** Page kinds viewed elsewhere (another node) join the visited kinds. */
    public final void addVisitedKinds(final long kindsMask)
    {
        buffer.putLong(offset + VISITED_KINDS_MASK_OFFSET, visitedKindsMask() | kindsMask);
    }

    public final boolean visitedKindBefore(final int pageKind)
    {
        return (visitedKindsMask() & (1L << pageKind)) != 0;
    }

    /** The hash of the current page, or 0 before the first page view. */
    public final long currentPageHash()
    {
        return pageCount() == 0 ? 0 : pageHashAt(0);
    }

    /** The kind of the current page, or 0 (no kind) before the first page view. */
    public final int currentPageKind()
    {
        return pageCount() == 0 ? 0 : pageKindAt(0);
    }

    /** When the current page view began (the session's start before the first page view). */
    public final long currentPageEnteredMs()
    {
        return pageCount() == 0 ? buffer.getLong(offset + CREATED_MS_OFFSET) : pageEnteredMsAt(0);
    }

    /**
     * Records a page view: the page being left joins the visited kinds, the new one becomes the
     * current page (age 0 of the page ring) and, if {@code keepsRun}, extends the newest kind run
     * when it is of the same kind or starts one. Runs are kept only of the kinds some detector reads
     * ({@link dev.pulse.detect.trigger.TriggerIndex#pageKindRunKinds}): on a busy page the kind runs
     * are a cache line of their own, and most page views need not touch it.
     */
    public final void pushPage(final long pageHash, final int pageKind, final NavType nav, final long nowMs, final boolean keepsRun)
    {
        final boolean hadPage = pageCount() > 0;
        if (hadPage)
        {
            buffer.putLong(offset + VISITED_KINDS_MASK_OFFSET, visitedKindsMask() | (1L << currentPageKind()));
        }
        if (keepsRun)
        {
            final int run = kindRunCount() > 0 && pageKindRunKindAt(0) == pageKind
                ? KIND_RUN_RING.entryAt(buffer, offset, 0)
                : KIND_RUN_RING.push(buffer, offset);
            buffer.putLong(run, kindRun(pageKind, nowMs));
        }
        final int entry = PAGE_RING.push(buffer, offset);
        buffer.putLong(entry + PAGE_HASH_OFFSET, pageHash);
        buffer.putLong(entry + PAGE_ENTERED_MS_OFFSET, nowMs);
        buffer.putShort(entry + PAGE_KIND_OFFSET, (short)pageKind);
        buffer.putByte(entry + PAGE_NAV_OFFSET, (byte)nav.ordinal());
        buffer.putInt(offset + PAGE_VIEW_COUNT_OFFSET, pageViewCount() + 1);
    }

    /**
     * Renumbers every page kind the record holds (the page ring, the kind runs and the visited
     * kinds) for a catalog version that numbers them differently: kind {@code k} becomes
     * {@code newKindByOldKind[k]}. A kind the table does not cover becomes 0 (no kind). Allocation-free.
     *
     * @param newKindByOldKind a table of at least {@link SessionStateFlyweight#MAX_PAGE_KINDS} entries,
     *                         each below {@link SessionStateFlyweight#MAX_PAGE_KINDS}.
     */
    public final void translatePageKinds(final int[] newKindByOldKind)
    {
        for (int age = 0, count = pageCount(); age < count; age++)
        {
            final int at = PAGE_RING.entryAt(buffer, offset, age) + PAGE_KIND_OFFSET;
            buffer.putShort(at, (short)translated(newKindByOldKind, buffer.getShort(at)));
        }
        for (int age = 0, count = kindRunCount(); age < count; age++)
        {
            final int at = KIND_RUN_RING.entryAt(buffer, offset, age);
            final long run = buffer.getLong(at);
            buffer.putLong(at, kindRun(translated(newKindByOldKind, kindOf(run)), run & KIND_RUN_TIME_MASK));
        }
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

    private static int translated(final int[] newKindByOldKind, final int kind)
    {
        final int to = kind >= 0 && kind < newKindByOldKind.length ? newKindByOldKind[kind] : 0;
        return to >= 0 && to < MAX_PAGE_KINDS ? to : 0;
    }

    // ---- pages ------------------------------------------------------------------------------

    /** How many page views the ring holds (at most {@link SessionStateFlyweight#PAGE_RING_CAPACITY}). */
    public final int pageCount()
    {
        return PAGE_RING.count(buffer, offset);
    }

    public final long pageHashAt(final int age)
    {
        return buffer.getLong(pageEntry(age) + PAGE_HASH_OFFSET);
    }

    public final long pageEnteredMsAt(final int age)
    {
        return buffer.getLong(pageEntry(age) + PAGE_ENTERED_MS_OFFSET);
    }

    public final int pageKindAt(final int age)
    {
        return buffer.getShort(pageEntry(age) + PAGE_KIND_OFFSET);
    }

    public final NavType pageNavAt(final int age)
    {
        return NavType.fromOrdinal(buffer.getByte(pageEntry(age) + PAGE_NAV_OFFSET));
    }

    private int pageEntry(final int age)
    {
        return PAGE_RING.entryAt(buffer, offset, age);
    }

    // ---- page kind runs ---------------------------------------------------------------------

    /**
     * How many runs of page views of one kind the kind-run ring holds (at most
     * {@link SessionStateFlyweight#KIND_RUN_RING_CAPACITY}); age 0 is the current page's run.
     */
    public final int kindRunCount()
    {
        return KIND_RUN_RING.count(buffer, offset);
    }

    public final int pageKindRunKindAt(final int age)
    {
        return kindOf(buffer.getLong(KIND_RUN_RING.entryAt(buffer, offset, age)));
    }

    /** When the run's newest page view began. */
    public final long pageKindRunLastEnteredMsAt(final int age)
    {
        return buffer.getLong(KIND_RUN_RING.entryAt(buffer, offset, age)) & KIND_RUN_TIME_MASK;
    }

    private static long kindRun(final int pageKind, final long lastEnteredMs)
    {
        return ((long)pageKind << KIND_RUN_KIND_SHIFT) | (lastEnteredMs & KIND_RUN_TIME_MASK);
    }

    private static int kindOf(final long kindRun)
    {
        return (int)(kindRun >>> KIND_RUN_KIND_SHIFT);
    }

    // ---- back navigations -------------------------------------------------------------------

    public final int backCount()
    {
        return BACK_RING.count(buffer, offset);
    }

    /** Records a back navigation between two pages, identified by their unordered pair hash. */
    public final void pushBack(final long pairHash, final long nowMs)
    {
        pushKeyAndTime(BACK_RING, pairHash, nowMs);
    }

    public final long backPairAt(final int age)
    {
        return keyAt(BACK_RING, age);
    }

    public final long backTimeAt(final int age)
    {
        return keyTimeMsAt(BACK_RING, age);
    }

    // ---- clicks -----------------------------------------------------------------------------

    public final int clickCount()
    {
        return CLICK_RING.count(buffer, offset);
    }

    public final void pushClick(final long targetHash, final int x, final int y, final long nowMs)
    {
        final int entry = CLICK_RING.push(buffer, offset);
        buffer.putLong(entry + CLICK_TARGET_HASH_OFFSET, targetHash);
        buffer.putLong(entry + CLICK_TIME_MS_OFFSET, nowMs);
        buffer.putInt(entry + CLICK_X_OFFSET, x);
        buffer.putInt(entry + CLICK_Y_OFFSET, y);
    }

    public final long clickTargetAt(final int age)
    {
        return buffer.getLong(clickEntry(age) + CLICK_TARGET_HASH_OFFSET);
    }

    public final long clickTimeAt(final int age)
    {
        return buffer.getLong(clickEntry(age) + CLICK_TIME_MS_OFFSET);
    }

    public final int clickXAt(final int age)
    {
        return buffer.getInt(clickEntry(age) + CLICK_X_OFFSET);
    }

    public final int clickYAt(final int age)
    {
        return buffer.getInt(clickEntry(age) + CLICK_Y_OFFSET);
    }

    private int clickEntry(final int age)
    {
        return CLICK_RING.entryAt(buffer, offset, age);
    }

    // ---- form errors ------------------------------------------------------------------------

    public final int formErrorCount()
    {
        return FORM_RING.count(buffer, offset);
    }

    public final void pushFormError(final long formHash, final long nowMs)
    {
        pushKeyAndTime(FORM_RING, formHash, nowMs);
    }

    public final long formErrorFormAt(final int age)
    {
        return keyAt(FORM_RING, age);
    }

    public final long formErrorTimeAt(final int age)
    {
        return keyTimeMsAt(FORM_RING, age);
    }

    // ---- key-time rings: backs and form errors ----------------------------------------------

    private void pushKeyAndTime(final HistoryRing ring, final long key, final long nowMs)
    {
        final int entry = ring.push(buffer, offset);
        buffer.putLong(entry + KEY_OFFSET, key);
        buffer.putLong(entry + KEY_TIME_MS_OFFSET, nowMs);
    }

    private long keyAt(final HistoryRing ring, final int age)
    {
        return buffer.getLong(ring.entryAt(buffer, offset, age) + KEY_OFFSET);
    }

    private long keyTimeMsAt(final HistoryRing ring, final int age)
    {
        return buffer.getLong(ring.entryAt(buffer, offset, age) + KEY_TIME_MS_OFFSET);
    }
}
