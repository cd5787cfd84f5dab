package dev.pulse.server.decide;

import java.util.List;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordEncoder;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * One decision of the session machine, as an {@link InterventionLog} receives it: a signal, a
 * question shown, an answer, a dismissal, a response shown or an outcome ({@link #type()}). Reused:
 * {@link #begin} clears every field, the machine sets those its type has, and the log reads them
 * before the next decision. {@link #writeTo} is the one place a decision's fields meet the journal's
 * record layout, so a new field is added here and set where it is decided.
 *
 * <p>Null strings (no segment, nothing answered) are journaled as "".
 */
public final class DecisionRecord
{
    private JournalRecordType type;
    private long timeMs;
    private long sidHi;
    private long sidLo;
    private long catalogVersion;
    private int iid;
    private String triggerId;
    private DetectorKind detector;
    private Verdict verdict;
    private String questionId;
    private CharSequence searchQuery;
    private String searchIntent;
    private String variantId;
    private String segmentId;
    private String pageKind;
    private String choiceId;
    private String responseId;
    private OutcomeKind outcome;
    private OutcomeGroup group;
    private long durationMs;
    private String stuckKind;
    private boolean helpful;
    private boolean handoffAvailable;
    private String handoffChannel;
    private List<String> handoffContext = List.of();

    /** Starts a decision of {@code type} at the machine's (monotonic) {@code timeMs}, every other field cleared. */
    public DecisionRecord begin(final JournalRecordType type, final long timeMs, final long sidHi, final long sidLo,
        final long catalogVersion)
    {
        this.type = type;
        this.timeMs = timeMs;
        this.sidHi = sidHi;
        this.sidLo = sidLo;
        this.catalogVersion = catalogVersion;
        iid = 0;
        triggerId = null;
        detector = null;
        verdict = null;
        questionId = null;
        searchQuery = null;
        searchIntent = null;
        variantId = null;
        segmentId = null;
        pageKind = null;
        choiceId = null;
        responseId = null;
        outcome = null;
        group = null;
        durationMs = 0;
        stuckKind = null;
        helpful = false;
        handoffAvailable = false;
        handoffChannel = null;
        handoffContext = List.of();
        return this;
    }

    /** Writes the decision as its journal record, stamped with {@code wallMs}; false if the journal did not take it. */
    public boolean writeTo(final JournalProxy journal, final long wallMs)
    {
        final JournalRecordEncoder record = journal.record(type).timeMs(wallMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).iid(iid);
        switch (type)
        {
            case SIGNAL:
                record.value(detector.ordinal()).code(verdict.ordinal())
                    .string(triggerId).string(detector.catalogName()).string(verdict.reason()).string(questionId);
                if (searchQuery != null || searchIntent != null)
                {
                    record.searchText(searchQuery == null ? "" : searchQuery);
                }
                if (searchIntent != null)
                {
                    record.string(searchIntent);
                }
                break;
            case QUESTION_SHOWN:
                record.string(triggerId).string(questionId).string(variantId).string(segmentId).string(pageKind);
                break;
            case ANSWER:
                record.string(questionId).string(choiceId);
                break;
            case DISMISS:
                record.string(questionId);
                break;
            case RESPONSE_SHOWN:
                record.string(questionId).string(choiceId).string(responseId).string(segmentId);
                break;
            case FEEDBACK:
                record.code(helpful ? 1 : 0).string(questionId).string(choiceId).string(responseId);
                break;
            case OUTCOME:
                record.value(durationMs).code(outcome.ordinal()).string(outcome.wireName()).string(group.wireName())
                    .string(triggerId).string(questionId).string(variantId).string(choiceId).string(responseId).string(stuckKind);
                break;
            case HANDOFF:
                record.code(handoffAvailable ? 1 : 0).string(questionId).string(choiceId).string(responseId).string(handoffChannel)
                    .string(triggerId);
                for (final String text : handoffContext)
                {
                    record.string(text);
                }
                break;
            default:
                throw new IllegalStateException("not a decision: " + type);
        }
        return record.commit();
    }

    /**
     * A hand-off's availability (someone answers now), channel (link, webhook, link+webhook) and the
     * context its webhook carries, as key, value, ... (empty without a webhook): the record is what
     * the hand-off webhooks post from, after a restart too.
     */
    public DecisionRecord handoff(final boolean available, final String channel, final List<String> context)
    {
        this.handoffAvailable = available;
        this.handoffChannel = channel;
        this.handoffContext = context;
        return this;
    }

    public boolean handoffAvailable()
    {
        return handoffAvailable;
    }

    public String handoffChannel()
    {
        return handoffChannel;
    }

    public List<String> handoffContext()
    {
        return handoffContext;
    }

    public DecisionRecord iid(final int iid)
    {
        this.iid = iid;
        return this;
    }

    public DecisionRecord trigger(final String triggerId)
    {
        this.triggerId = triggerId;
        return this;
    }

    /** A signal's detector and verdict. */
    public DecisionRecord signal(final DetectorKind detector, final Verdict verdict)
    {
        this.detector = detector;
        this.verdict = verdict;
        return this;
    }

    public DecisionRecord question(final String questionId)
    {
        this.questionId = questionId;
        return this;
    }

    /** A failed-search signal's query (null: none), journaled in clear or hidden as the journal is configured. */
    public DecisionRecord searchQuery(final CharSequence searchQuery)
    {
        this.searchQuery = searchQuery;
        return this;
    }

    /** A search signal's intent, by its catalog name (null: the words matched none); journaled as it is, never the words. */
    public DecisionRecord searchIntent(final String searchIntent)
    {
        this.searchIntent = searchIntent;
        return this;
    }

    public DecisionRecord variant(final String variantId)
    {
        this.variantId = variantId;
        return this;
    }

    public DecisionRecord segment(final String segmentId)
    {
        this.segmentId = segmentId;
        return this;
    }

    public DecisionRecord pageKind(final String pageKind)
    {
        this.pageKind = pageKind;
        return this;
    }

    public DecisionRecord choice(final String choiceId)
    {
        this.choiceId = choiceId;
        return this;
    }

    public DecisionRecord response(final String responseId)
    {
        this.responseId = responseId;
        return this;
    }

    /** An outcome's kind, group and how long its window was open (for forward, the time it took). */
    public DecisionRecord outcome(final OutcomeKind outcome, final OutcomeGroup group, final long durationMs)
    {
        this.outcome = outcome;
        this.group = group;
        this.durationMs = durationMs;
        return this;
    }

    /** A feedback's answer: whether the response helped. */
    public DecisionRecord helpful(final boolean helpful)
    {
        this.helpful = helpful;
        return this;
    }

    public boolean helpful()
    {
        return helpful;
    }

    public DecisionRecord stuckKind(final String stuckKind)
    {
        this.stuckKind = stuckKind;
        return this;
    }

    public JournalRecordType type()
    {
        return type;
    }

    /** The machine's (monotonic) time of the decision; the journal stamps wall time instead. */
    public long timeMs()
    {
        return timeMs;
    }

    public long sidHi()
    {
        return sidHi;
    }

    public long sidLo()
    {
        return sidLo;
    }

    public long catalogVersion()
    {
        return catalogVersion;
    }

    public int iid()
    {
        return iid;
    }

    public String triggerId()
    {
        return triggerId;
    }

    public DetectorKind detector()
    {
        return detector;
    }

    public Verdict verdict()
    {
        return verdict;
    }

    public String questionId()
    {
        return questionId;
    }

    public CharSequence searchQuery()
    {
        return searchQuery;
    }

    public String searchIntent()
    {
        return searchIntent;
    }

    public String variantId()
    {
        return variantId;
    }

    public String segmentId()
    {
        return segmentId;
    }

    public String pageKind()
    {
        return pageKind;
    }

    public String choiceId()
    {
        return choiceId;
    }

    public String responseId()
    {
        return responseId;
    }

    public OutcomeKind outcome()
    {
        return outcome;
    }

    public OutcomeGroup group()
    {
        return group;
    }

    public long durationMs()
    {
        return durationMs;
    }

    public String stuckKind()
    {
        return stuckKind;
    }
}
