package dev.pulse.server.ws;

import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.RawEventKind;

/**
 * Journals each handled message (and each timer the session saw) as a RAW_EVENT, when the catalog
 * turns capture on, so {@code pulse replay} can run real traffic through a candidate catalog. Fields
 * go as name, value pairs from the decoder's own buffers: nothing is allocated. Search text follows
 * the journal's privacy rule (hidden unless the operator turned clear text on); its intent, the
 * catalog's name for what the words matched, goes as "intent" (absent when none).
 *
 * <p>Like every record, a raw event is stamped with the wall time; its first pair, {@link RawEventKind#MONO_MS},
 * is the monotonic time the session machine was given, so a replay runs on the times the live
 * machine saw even across a wall-clock step.
 *
 * <p>Not thread-safe: one per event loop.
 */
final class RawEventCapture
{
    private static final RawEventKind[] KIND_BY_TYPE = new RawEventKind[MessageType.values().length];
    private static final String[] NAV = {"navigate", "back", "forward", "reload"};
    /** A backend field's name in a raw event: its value was text. */
    static final String BACKEND_TEXT = "s.";
    /** A backend field's name in a raw event: its value was a number. */
    static final String BACKEND_NUMBER = "n.";

    static
    {
        for (final MessageType type : MessageType.values())
        {
            // A forget is never captured: it erases the session, whose records every replay then leaves out.
            KIND_BY_TYPE[type.ordinal()] = type == MessageType.FORGET ? null : RawEventKind.valueOf(type.name());
        }
    }

    private final JournalProxy journal;
    private final CharSequence[] pairs = new CharSequence[4 + 4 * DecodedMessage.MAX_CONTEXT];
    private final CharField first = new CharField(24);
    private final CharField second = new CharField(24);
    private final CharField monoMs = new CharField(24);

    RawEventCapture(final JournalProxy journal)
    {
        this.journal = journal;
    }

    /**
     * A hello's record: its value (a seq elsewhere) is the session's visitor hash, which the replay's
     * draw needs; its context the {@code contextPairs} the session took (key, value, ... in {@code context}),
     * so a replay judges the session by what the live server did.
     */
    void hello(final long wallMs, final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final boolean resumed,
        final long visitorHash, final CharSequence[] context, final int contextPairs)
    {
        int n = put(putTime(nowMs), "resumed", resumed ? "1" : "0");
        for (int i = 0; i < contextPairs; i++)
        {
            n = put(n, "ctx_key", context[2 * i]);
            n = put(n, "ctx_value", context[2 * i + 1]);
        }
        journal.rawEvent(wallMs, sidHi, sidLo, catalogVersion, RawEventKind.HELLO, visitorHash, 0, pairs, n);
    }

    void event(final long wallMs, final long nowMs, final ConnectionState connection, final long catalogVersion,
        final DecodedMessage message)
    {
        int n = putTime(nowMs);
        int iid = 0;
        switch (message.type())
        {
            case PAGE:
                n = put(n, "url", message.url());
                n = put(n, "nav", NAV[message.nav().ordinal()]);
                break;
            case VISIBILITY:
                n = put(n, "hidden", message.hidden() ? "true" : "false");
                break;
            case CLICK:
                n = put(n, "target", message.target());
                n = put(n, "x", first.setDecimal(message.x()));
                n = put(n, "y", second.setDecimal(message.y()));
                break;
            case SEARCH:
                if (message.query().present())
                {
                    n = put(n, "q", message.query());
                }
                if (message.searchIntentName != null)
                {
                    // The replay reads the intent, not the text: hidden text cannot be classified again.
                    n = put(n, "intent", message.searchIntentName);
                }
                n = put(n, "results", first.setDecimal(message.results()));
                break;
            case FORM_ERROR:
                n = put(n, "form", message.form());
                n = put(n, "field", message.field());
                break;
            case GOAL:
                n = put(n, "name", message.name());
                break;
            case ANSWER:
                iid = EventMapper.parseIid(message.iid());
                n = put(n, "iid", message.iid());
                n = put(n, "choice", message.choice());
                break;
            case DISMISS:
                iid = EventMapper.parseIid(message.iid());
                n = put(n, "iid", message.iid());
                break;
            case FEEDBACK:
                iid = EventMapper.parseIid(message.iid());
                n = put(n, "iid", message.iid());
                n = put(n, "helpful", message.helpful() ? "true" : "false");
                break;
            default:
                break;
        }
        journal.rawEvent(wallMs, connection.sidHi, connection.sidLo, catalogVersion, KIND_BY_TYPE[message.type().ordinal()],
            message.seq(), iid, pairs, n);
    }

    void timer(final long wallMs, final long nowMs, final ConnectionState connection, final long catalogVersion)
    {
        journal.rawEvent(wallMs, connection.sidHi, connection.sidLo, catalogVersion, RawEventKind.TIMER, 0, 0, pairs, putTime(nowMs));
    }

    /**
     * A backend event's record: its name, id and key, then each field as {@code n.<name>} (a number)
     * or {@code s.<name>} (text) with its value, so a replay gives the machine the same event.
     */
    void backend(final long wallMs, final long nowMs, final ConnectionState connection, final long catalogVersion,
        final BackendEvent backend)
    {
        int n = put(putTime(nowMs), "name", backend.name());
        n = put(n, "id", backend.eventId());
        n = put(n, "key", backend.keyId());
        for (final BackendEvent.Field field : backend.fields())
        {
            n = put(n, (Double.isNaN(field.number()) ? BACKEND_TEXT : BACKEND_NUMBER) + field.name(), field.text());
        }
        journal.rawEvent(wallMs, connection.sidHi, connection.sidLo, catalogVersion, RawEventKind.BACKEND, 0, 0, pairs, n);
    }

    /** The first pair: the monotonic time the machine is given. */
    private int putTime(final long nowMs)
    {
        return put(0, RawEventKind.MONO_MS, monoMs.setDecimal(nowMs));
    }

    private int put(final int at, final CharSequence name, final CharSequence value)
    {
        pairs[at] = name;
        pairs[at + 1] = value;
        return at + 2;
    }
}
