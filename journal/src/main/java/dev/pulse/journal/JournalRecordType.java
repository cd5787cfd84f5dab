package dev.pulse.journal;

import java.util.List;

/**
 * The kinds of journal record. The {@link #code()} travels as the ring buffer's msgTypeId and as the
 * segment frame's type, so codes are part of the on-disk format: never renumber one, only add.
 * {@link #stringFields()} names the record's strings in the order they are written.
 */
public enum JournalRecordType
{
    /**
     * code: a {@link SessionStartKind} ordinal (0 new, 1 resumed, 2 carried from another node); value: the session's visitor, the 64-bit hash (detection-core's
     * {@code Hash64.visitor}) of its stable visitor id, never 0 for a known visitor; 0 when the
     * client sent none (an older snippet, consent not given), and then the session stands for its
     * visitor. A resumed session repeats the visitor it started with. strings: site, then context
     * key/value pairs alternating.
     */
    SESSION_START(1, "session_start", List.of("site")),
    /**
     * code: verdict ordinal; value: detector ordinal; iid: 0 unless shown. A signal of a search's
     * detector (failed_search, search_intent) adds the search's query, in clear only when the
     * journal keeps search text in clear (else its length and keyed hash), then the catalog intent
     * its words matched, by name, when they matched one (the words themselves never journaled for it).
     */
    SIGNAL(2, "signal", List.of("trigger", "detector", "verdict", "question", "query", "intent")),
    QUESTION_SHOWN(3, "question_shown", List.of("trigger", "question", "variant", "segment", "page_kind")),
    ANSWER(4, "answer", List.of("question", "choice")),
    DISMISS(5, "dismiss", List.of("question")),
    RESPONSE_SHOWN(6, "response_shown", List.of("question", "choice", "response", "segment")),
    /** code: 1 ok / 0 rejected; value: error count; catalogVersion: the version hash; no session. */
    CATALOG_RELOAD(7, "catalog_reload", List.of("version", "hash", "source")),
    /** code: a {@link SessionEndReason} ordinal; no strings. */
    SESSION_END(8, "session_end", List.of()),
    /**
     * An outcome window closed. code: an {@link OutcomeKind} ordinal; value: milliseconds from the
     * window's opening to the close (for forward: the time it took); iid: the question's (0 for
     * holdout and shadow); catalogVersion: the version that opened the window. choice and
     * response are "" when nothing was answered.
     */
    OUTCOME(9, "outcome", List.of("outcome", "group", "trigger", "question", "variant", "choice", "response", "stuck_kind")),
    /**
     * A raw event, captured for replay when the catalog turns capture on. code: the event's
     * {@link RawEventKind}; value: its seq (a hello: the session's visitor hash, as SESSION_START's); iid: for answers and dismisses. Strings: the event's
     * name, then its fields as name, value pairs (search text under the same privacy rule as SIGNAL),
     * the first of them {@link RawEventKind#MONO_MS} (when the server wrote it; older journals lack it).
     */
    RAW_EVENT(10, "raw_event", List.of("event")),
    /**
     * A question recorded as shown that the person never saw: under {@code fsync_policy: always} it
     * waited for the disk, and the event that closed it (a page view) came first, so it was not
     * sent. iid: the question's; catalogVersion: the version that asked. The report leaves its
     * outcome window out of the people asked.
     */
    QUESTION_UNSEEN(11, "question_unseen", List.of("question")),
    /**
     * A session was erased (a data subject's request): its state is gone and every record of its
     * sid is to be removed from the journal by compaction; readers made after it (report, replay,
     * export) skip the sid's records that compaction has not reached yet. This record itself stays:
     * it names no person, only the random sid. code: who asked ({@link ErasureSource} ordinal);
     * value: the session's visitor hash (0 when it had none); no strings.
     */
    SESSION_ERASED(12, "session_erased", List.of()),
    /**
     * An event from the site's backend, taken in by the ingest route for a session: applied to it at
     * once if it is connected (code 1), else kept for its return (code 0), and when it comes back
     * applied (a second record, code 1, with the same id). value: the time the route took it (epoch
     * ms); strings: the event's name, the key id that signed it, its id (the sender's, or one made
     * for it: {@code pulse-<16 hex>}), then its fields as name, value pairs (a number in its JSON
     * spelling). A kept record without its applied one is kept again after a restart, until the
     * session's expiry; the key and id of every record taken within the ingest's memory of ids (10
     * minutes) are read back at start too, so a retry after a restart is still a duplicate.
     */
    BACKEND_EVENT(13, "backend_event", List.of("name", "key", "id")),
    /**
     * "Did this help?" answered on a response. code: 1 yes, 0 no; iid: the intervention's; strings:
     * the question, the choice answered and the response rated.
     */
    FEEDBACK(14, "feedback", List.of("question", "choice", "response")),
    /**
     * A hand-off to a person offered with a response of kind handoff (beside its response_shown
     * record, same iid). code: 1 someone was available (within the catalog's office hours, by the
     * server's wall clock), 0 not; strings: the question, the choice, the response, the channel
     * ({@code link}, {@code webhook} or {@code link+webhook}), the trigger that asked ("" when not
     * known), then, for a channel with a webhook, the context the webhook carries as key, value pairs
     * (the hello's: the signed token's values and the page's where the catalog allows them). The
     * hand-off webhooks post from this record, so a restart resends what was not delivered. Records
     * written before the trigger was added end after the channel.
     */
    HANDOFF(15, "handoff", List.of("question", "choice", "response", "channel", "trigger"));

    private static final JournalRecordType[] BY_CODE = new JournalRecordType[32];

    static
    {
        for (final JournalRecordType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final short code;
    private final String wireName;
    private final List<String> stringFields;

    JournalRecordType(final int code, final String wireName, final List<String> stringFields)
    {
        this.code = (short)code;
        this.wireName = wireName;
        this.stringFields = stringFields;
    }

    /** The stable number of this type on disk and in the ring buffer (always >= 1). */
    public short code()
    {
        return code;
    }

    /** The name printers and downstream consumers use. */
    public String wireName()
    {
        return wireName;
    }

    /** Names of the record's strings, in order (a record may carry fewer: SIGNAL's query is optional). */
    public List<String> stringFields()
    {
        return stringFields;
    }

    /** The type with this code, or null if unknown (a newer writer's record, or garbage). */
    public static JournalRecordType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
