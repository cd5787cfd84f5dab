package dev.pulse.detect;

/**
 * Where each field of a session's state record sits: the layout that {@link SessionStateFlyweight}
 * and its views ({@link SessionHistoryFlyweight}, {@link SessionSearchFlyweight}, {@link SessionQuestionsFlyweight},
 * {@link TriggerMemoryFlyweight}, {@link SessionContextFlyweight}) read and write, in
 * {@link SessionStateFlyweight#LENGTH} bytes of layout {@link SessionStateFlyweight#LAYOUT_VERSION}.
 * Byte order is the platform's.
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
 *  |                     visitorHash (8)                           | 152
 *  |              askedQuestionKeys: 8 x int (32)                  | 160
 *  |  triggerMemory: 8 x {key(4) pageView(4) signalMs(8) actedMs(8)}| 192
 *  +---------------------------------------------------------------+   history
 *  |           context: 8 x {keyHash(8) valueHash(8)}              | 384
 *  |  pageRing: 16 x {hash(8) enteredMs(8) kind(2) nav(1) pad(5)}  | 512
 *  |           backRing: 8 x {pairHash(8) timeMs(8)}               | 896
 *  |  failedSearchRing: 8 x {intent(2) timeMs(6)} as one long       | 1024
 *  |   clickRing: 8 x {targetHash(8) timeMs(8) x(4) y(4)}          | 1088
 *  |           formErrorRing: 8 x {formHash(8) timeMs(8)}          | 1280
 *  |       kindRunRing: 32 x {kind(2) lastEnteredMs(6)} as one long | 1408
 *  +---------------------------------------------------------------+   backend, intent, context (issue 19)
 *  |           backendRing: 8 x {nameHash(8) timeMs(8)}            | 1664
 *  |      intentRing: 8 x {intent(2) timeMs(6)} as one long        | 1792
 *  |      contextNumbers: 8 x number(8), beside context slot i     | 1856
 *  |  contextState (32)        |  scrollState: see below (32)      | 1920
 *  |  feedbackState: see below |  intentState: see below           | 1984
 *  |      goalsReached: 8 x goalHash(8)                            | 2048
 *  |  contextTexts: 3 x {keyHash(8) length(1) utf8(55)}            | 2112
 *  +---------------------------------------------------------------+ 2304
 * </pre>
 *
 * The entries of the tables ({@code *_OFFSET} constants named for a table are relative to its
 * entry); the rings' entries are drawn in {@link SessionHistoryFlyweight}:
 *
 * <pre>
 *  context     | keyHash (8)       | valueHash (8)     |                                16
 *  scrollState | backendCount (1) | backendHead (1) | pad (2) | scrollBackCount (4) |
 *              | scrollBackPageView (4) | reserved (20)                             |  32
 *  trigger     | key (4) | signalPageView (4) | signalMs (8) | actedMs (8)              |  24
 *  asked       | questionKey (4)   |                                                     4
 *  intentState | intentCount (1) | intentHead (1) | (pad 30)                              32
 *  feedback    | iid (4) | questionKey (4) | catalogVersion (8) | choice (2) | flags (1) | (13) | 32
 *  text        | keyHash (8)       | length (1) | utf8 (55)   |                         64
 * </pre>
 *
 * The feedback state (the server's {@code ResponseFeedbackFlyweight}) is the last response shown
 * that asked "Did this help?": its intervention, the question and catalog version that asked it, the
 * choice answered, and flags {@link #FEEDBACK_FLAG_ASKED} (a response asks) and
 * {@link #FEEDBACK_FLAG_GIVEN} (the person answered it: a second answer is refused).
 *
 * The context state (32 bytes at {@link #CONTEXT_STATE_OFFSET}), which {@link SessionContextFlyweight} owns:
 *
 * <pre>
 *  | trustedMask (1) | textTrustedMask (1) | goalCount (1) | goalHead (1) | (pad 4) |  0
 *  |                        wallSkewMs (8)                                         |  8
 *  |                        (free, 16)                                             | 16
 * </pre>
 *
 * {@code trustedMask} has bit {@code i} set when context slot {@code i} came from the site's backend
 * (a signed token or a backend {@code context} event); {@code textTrustedMask} the same for text
 * slots. {@code wallSkewMs} is the wall clock minus the session clock at the last event, so time-of-day
 * conditions read the wall time from the session clock without a clock of their own. A number in
 * {@code contextNumbers} is NaN when its value is not numeric.
 *
 * <p>The first 128 bytes (an adjacent cache-line pair) hold what every event reads or writes, so a
 * cold record costs one miss before the history. {@code visitorHash} is the session's visitor (the
 * {@link Hash64} of its stable id; 0 when the client sent none), which the governor's per-visitor
 * holdout draw reads. {@code scrollState} holds the signals' small fields: the backend ring's count
 * and head bytes (its entries fill their own area exactly) and the scroll-backs of the page view
 * numbered {@code scrollBackPageView} (a count of another page view reads as 0, so a new page view
 * resets it without the page path writing here). Bits of the flags byte: {@link #FLAG_HIDDEN},
 * {@link #FLAG_DISMISSED}.
 */
public final class SessionStateDescriptor
{
    public static final int VERSION_OFFSET = 0;
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
    public static final int VISITOR_HASH_OFFSET = 152;
    public static final int ASKED_KEYS_OFFSET = 160;
    public static final int ASKED_KEY_LENGTH = 4;
    public static final int TRIGGER_MEMORY_OFFSET = 192;
    public static final int TRIGGER_MEMORY_ENTRY_LENGTH = 24;
    public static final int TRIGGER_KEY_OFFSET = 0;
    public static final int TRIGGER_SIGNAL_PAGE_VIEW_OFFSET = 4;
    public static final int TRIGGER_SIGNAL_MS_OFFSET = 8;
    public static final int TRIGGER_ACTED_MS_OFFSET = 16;
    public static final int CONTEXT_OFFSET = 384;
    public static final int CONTEXT_ENTRY_LENGTH = 16;
    public static final int CONTEXT_KEY_HASH_OFFSET = 0;
    public static final int CONTEXT_VALUE_HASH_OFFSET = 8;
    public static final int PAGE_RING_OFFSET = 512;
    public static final int PAGE_ENTRY_LENGTH = 24;
    public static final int BACK_RING_OFFSET = 896;
    public static final int BACK_ENTRY_LENGTH = 16;
    public static final int SEARCH_RING_OFFSET = 1024;
    public static final int SEARCH_ENTRY_LENGTH = 8;
    public static final int CLICK_RING_OFFSET = 1088;
    public static final int CLICK_ENTRY_LENGTH = 24;
    public static final int FORM_RING_OFFSET = 1280;
    public static final int FORM_ENTRY_LENGTH = 16;
    public static final int KIND_RUN_RING_OFFSET = 1408;
    public static final int KIND_RUN_ENTRY_LENGTH = 8;
    // Reserved for issue 19's parts, one area each, so they can be filled in apart; each names its own fields inside.
    public static final int BACKEND_RING_OFFSET = 1664;
    public static final int INTENT_RING_OFFSET = 1792;
    public static final int CONTEXT_NUMBERS_OFFSET = 1856;
    public static final int CONTEXT_STATE_OFFSET = 1920;
    public static final int SCROLL_STATE_OFFSET = 1952;
    public static final int FEEDBACK_STATE_OFFSET = 1984;
    public static final int FEEDBACK_STATE_LENGTH = 32;
    // The feedback state's fields, relative to FEEDBACK_STATE_OFFSET (issue 19, item 5).
    public static final int FEEDBACK_IID_OFFSET = 0;
    public static final int FEEDBACK_QUESTION_KEY_OFFSET = 4;
    public static final int FEEDBACK_CATALOG_VERSION_OFFSET = 8;
    public static final int FEEDBACK_CHOICE_OFFSET = 16;
    public static final int FEEDBACK_FLAGS_OFFSET = 18;
    public static final int FEEDBACK_FLAG_ASKED = 1;
    public static final int FEEDBACK_FLAG_GIVEN = 1 << 1;
    public static final int INTENT_STATE_OFFSET = 2016;
    /** The intent ring's count and head bytes: the hot header has no room left, so they sit in the intent's own area. */
    public static final int INTENT_COUNT_OFFSET = INTENT_STATE_OFFSET;
    public static final int INTENT_HEAD_OFFSET = INTENT_STATE_OFFSET + 1;
    public static final int INTENT_ENTRY_LENGTH = 8;
    public static final int GOALS_REACHED_OFFSET = 2048;
    // Inside the signals' areas (the backend ring and the scroll state).
    public static final int BACKEND_ENTRY_LENGTH = 16;
    public static final int BACKEND_COUNT_OFFSET = SCROLL_STATE_OFFSET;
    public static final int BACKEND_HEAD_OFFSET = SCROLL_STATE_OFFSET + 1;
    public static final int SCROLL_BACK_COUNT_OFFSET = SCROLL_STATE_OFFSET + 4;
    public static final int SCROLL_BACK_PAGE_VIEW_OFFSET = SCROLL_STATE_OFFSET + 8;
    public static final int CONTEXT_TEXTS_OFFSET = 2112;
    public static final int CONTEXT_TRUSTED_MASK_OFFSET = CONTEXT_STATE_OFFSET;
    public static final int CONTEXT_TEXT_TRUSTED_MASK_OFFSET = CONTEXT_STATE_OFFSET + 1;
    public static final int GOAL_COUNT_OFFSET = CONTEXT_STATE_OFFSET + 2;
    public static final int GOAL_HEAD_OFFSET = CONTEXT_STATE_OFFSET + 3;
    public static final int WALL_SKEW_MS_OFFSET = CONTEXT_STATE_OFFSET + 8;
    public static final int GOAL_ENTRY_LENGTH = 8;
    public static final int CONTEXT_NUMBER_LENGTH = 8;
    public static final int CONTEXT_TEXT_ENTRY_LENGTH = 64;
    public static final int CONTEXT_TEXT_KEY_HASH_OFFSET = 0;
    public static final int CONTEXT_TEXT_LENGTH_OFFSET = 8;
    public static final int CONTEXT_TEXT_UTF8_OFFSET = 9;

    /** The tab is hidden: idle time is paused. */
    public static final int FLAG_HIDDEN = 1;
    /** The person dismissed a question in this session. */
    public static final int FLAG_DISMISSED = 1 << 1;

    private SessionStateDescriptor()
    {
    }
}
