package dev.pulse.server.decide;

import java.util.Arrays;
import java.util.List;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledHandoff;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.catalog.compile.FeedbackCopy;
import dev.pulse.catalog.compile.QuestionCopy;
import dev.pulse.catalog.compile.ResponseCopy;
import dev.pulse.catalog.compile.TemplateFiller;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.process.Decisions;
import dev.pulse.detect.process.EventProcessor;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerIndex;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.server.protocol.ErrorCode;
/**
 * What an event means for a session, end to end: the core decides (history, detectors,
 * governor), this picks the question's copy for the person, routes an answer to its approved
 * response by the catalog version that asked, opens and closes outcome windows, and records
 * every decision in an {@link InterventionLog}. The live server and the replay both run this one
 * class, so a replay of the live catalog reproduces the live decisions.
 *
 * <p>Every call works on a session record the caller holds (locked, in the live server), and writes
 * its result into the {@link Effects} it was given, which the caller reads directly. One event is
 * judged by one catalog: the caller reads the live catalog once per message or timer and passes it
 * to every call for that event (the page kind of the event came from it too), and a question or
 * window whose version is no longer kept is read by that same catalog, so a reload in the middle
 * of an event cannot mix two versions.
 * Not thread-safe: one per event loop (or replay). Allocation-free on the path of an event.
 */
public final class SessionMachine
{
    private static final TriggerIndex NO_TRIGGERS = new TriggerIndex(List.of());

    private final CatalogVersions catalogs;
    private final InterventionLog log;
    private final OutcomeTracker outcomes;
    private final EventProcessor processor = new EventProcessor();
    private final Decisions decisions = new Decisions(16);
    private final Event internalEvent = new Event();
    private final Effects effects;
    private final DecisionRecord decision = new DecisionRecord();
    private final ResponseFeedbackFlyweight feedback = new ResponseFeedbackFlyweight();
    private final TemplateFiller templates = new TemplateFiller();
    private final int[] newKindByOldKind = new int[SessionStateFlyweight.MAX_PAGE_KINDS];
    private final int[] newIntentByOldIntent = new int[SessionStateFlyweight.MAX_INTENTS + 1];

    /** A machine whose results are read from {@link #effects()} (a replay, the sweeper, tests). */
    public SessionMachine(final CatalogVersions catalogs, final InterventionLog log)
    {
        this(catalogs, log, new Effects());
    }

    /** @param effects where every call puts its result: the caller's own carrier, read without a copy. */
    public SessionMachine(final CatalogVersions catalogs, final InterventionLog log, final Effects effects)
    {
        this.catalogs = catalogs;
        this.log = log;
        this.outcomes = new OutcomeTracker(catalogs, log);
        this.effects = effects;
    }

    /** The result of the last call. */
    public Effects effects()
    {
        return effects;
    }

    /**
     * A session's connection said hello. For a session that comes back, windows whose deadline
     * passed meanwhile were stalled (the person is still there, but did not move forward in time).
     */
    public void hello(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final long nowMs)
    {
        effects.clearEffects();
        adopt(catalog, state, record);
        outcomes.stallDue(record.windows(), state, catalog, Math.max(nowMs, state.lastEventMs()));
    }

    /** An event other than an answer, a dismiss or a feedback. {@code searchQuery} is the search text of a search event, or null. */
    public void onEvent(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final Event event, final CharSequence searchQuery, final long nowMs)
    {
        effects.clearEffects();
        adopt(catalog, state, record);
        ContextPairs.putBackendTexts(catalog, state, event);
        processor.onEvent(state, event, nowMs, triggers(catalog), catalog.governor(), decisions);
        decide(state, record, catalog, searchQuery, catalog.intents().name(event.searchIntent()), nowMs);
        outcomes.afterEvent(record.windows(), state, catalog, event, Math.max(nowMs, state.lastEventMs()));
    }

    /** The person answered {@code iid} with the choice whose id hashes to {@code choiceHash} (no context for a hand-off's webhook). */
    public void onAnswer(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final int iid, final long choiceHash, final long nowMs)
    {
        onAnswer(catalog, state, record, iid, choiceHash, nowMs, List.of());
    }

    /**
     * As above; {@code handoffContext} (key, value, ...) is what a hand-off's webhook carries, journaled
     * in its handoff record when the response has a webhook.
     */
    public void onAnswer(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final int iid, final long choiceHash, final long nowMs, final List<String> handoffContext)
    {
        effects.clearEffects();
        adopt(catalog, state, record);
        final Governor governor = catalog.governor();
        final CompiledCatalog askedIn = catalogs.byVersionHash(record.openCatalogVersion(), catalog);
        final CompiledQuestion question = governor.isOpen(state, iid) ? askedIn.questionByKey(state.questions().openQuestionKey()) : null;
        if (question == null)
        {
            refuse(ErrorCode.UNKNOWN_INTERVENTION, "no open question has this iid");
            return;
        }
        final int choice = question.choiceIndex(choiceHash);
        if (choice < 0)
        {
            refuse(ErrorCode.UNKNOWN_CHOICE, "the question has no such choice");
            return;
        }
        governor.onAnswer(state, iid);
        processor.onEvent(state, internalEvent.reset(EventType.ANSWER).intervention(iid, choiceHash), nowMs, NO_TRIGGERS, governor, decisions);
        outcomes.answered(record.windows(), iid, choice);

        final CompiledResponse response = question.response(choice);
        final ResponseCopy copy = response.copy(response.segmentFor(state, nowMs));
        log.record(decision.begin(JournalRecordType.ANSWER, nowMs, state.sidHi(), state.sidLo(), askedIn.versionHash()).iid(iid)
            .question(question.id()).choice(question.choiceId(choice)));
        log.record(decision.begin(JournalRecordType.RESPONSE_SHOWN, nowMs, state.sidHi(), state.sidLo(), askedIn.versionHash()).iid(iid)
            .question(question.id()).choice(question.choiceId(choice)).response(response.id()).segment(copy.segmentId()));
        effects.response = copy;
        fillResponse(copy, state);
        effects.responseChoiceId = question.choiceId(choice);
        effects.responseIid = iid;
        if (response.handoff() != null)
        {
            offerHandoff(state, record, askedIn, question, choice, response, iid, nowMs, handoffContext);
        }
        askFeedback(state, response.feedback(), iid, question, askedIn, choice);
    }

    /** A response that asks "Did this help?" becomes the session's one that may be rated (replacing any earlier one). */
    private void askFeedback(final SessionStateFlyweight state, final FeedbackCopy copy, final int iid, final CompiledQuestion question,
        final CompiledCatalog askedIn, final int choice)
    {
        if (copy != null)
        {
            feedback.wrap(state).asked(iid, question.key(), askedIn.versionHash(), choice);
            effects.responseFeedback = copy;
        }
    }

    /**
     * The person said whether the response of {@code iid} helped: taken once, and only for the
     * newest response this session was shown that asked. It counts as activity (like an answer) and
     * is journaled with the question, choice and response it rates; it never touches an outcome
     * window, so forward movement is measured as without it.
     */
    public void onFeedback(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final int iid, final boolean helpful, final long nowMs)
    {
        effects.clearEffects();
        adopt(catalog, state, record);
        final ResponseFeedbackFlyweight asked = feedback.wrap(state);
        if (!asked.awaits(iid))
        {
            refuse(ErrorCode.UNKNOWN_INTERVENTION, asked.given(iid) ? "this response was already rated" : "no response shown asks feedback with this iid");
            return;
        }
        final CompiledCatalog askedIn = catalogs.byVersionHash(asked.catalogVersion(), catalog);
        final CompiledQuestion question = askedIn.questionByKey(asked.questionKey());
        final int choice = asked.choice();
        final boolean known = question != null && choice >= 0 && choice < question.choiceCount();
        asked.given();
        processor.onEvent(state, internalEvent.reset(EventType.FEEDBACK).intervention(iid, 0).helpful(helpful), nowMs, NO_TRIGGERS,
            catalog.governor(), decisions);
        log.record(decision.begin(JournalRecordType.FEEDBACK, nowMs, state.sidHi(), state.sidLo(), askedIn.versionHash()).iid(iid)
            .helpful(helpful).question(question == null ? "" : question.id()).choice(known ? question.choiceId(choice) : "")
            .response(known ? question.response(choice).id() : ""));
    }

    /**
     * A response of kind handoff: whether someone answers now (its office hours by the log's calendar
     * time, the server's wall clock), journaled as a handoff record beside the response's.
     */
    private void offerHandoff(final SessionStateFlyweight state, final ServerSessionFlyweight record, final CompiledCatalog askedIn,
        final CompiledQuestion question, final int choice, final CompiledResponse response, final int iid, final long nowMs,
        final List<String> context)
    {
        final CompiledHandoff handoff = response.handoff();
        final boolean available = handoff.hours().openAt(log.calendarMs(nowMs));
        final int slot = record.windows().slotOfIid(iid);
        final Trigger trigger = slot < 0 ? null : askedIn.triggers().byKey(record.windows().triggerKey(slot));
        log.record(decision.begin(JournalRecordType.HANDOFF, nowMs, state.sidHi(), state.sidLo(), askedIn.versionHash()).iid(iid)
            .question(question.id()).choice(question.choiceId(choice)).response(response.id()).trigger(trigger == null ? "" : trigger.id())
            .handoff(available, handoff.channel(), handoff.webhookUrl() == null ? List.of() : context));
        effects.handoff = handoff;
        effects.handoffAvailable = available;
    }

    /**
     * The response's words for this person: its templates filled from the session's context texts
     * (the journal and the report keep the template; only the person sees the values).
     */
    private void fillResponse(final ResponseCopy copy, final SessionStateFlyweight state)
    {
        templates.fill(copy.title(), state.context(), effects.responseTitle);
        templates.fill(copy.body(), state.context(), effects.responseBody);
        if (copy.ctaLabel() != null)
        {
            templates.fill(copy.ctaLabel(), state.context(), effects.responseCtaLabel);
        }
    }

    /** The person closed question {@code iid} without answering. */
    public void onDismiss(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final int iid, final long nowMs)
    {
        effects.clearEffects();
        adopt(catalog, state, record);
        final Governor governor = catalog.governor();
        if (!governor.isOpen(state, iid))
        {
            refuse(ErrorCode.UNKNOWN_INTERVENTION, "no open question has this iid");
            return;
        }
        final CompiledCatalog askedIn = catalogs.byVersionHash(record.openCatalogVersion(), catalog);
        final CompiledQuestion question = askedIn.questionByKey(state.questions().openQuestionKey());
        governor.onDismiss(state, iid);
        processor.onEvent(state, internalEvent.reset(EventType.DISMISS).intervention(iid, 0), nowMs, NO_TRIGGERS, governor, decisions);
        log.record(decision.begin(JournalRecordType.DISMISS, nowMs, state.sidHi(), state.sidLo(), askedIn.versionHash()).iid(iid)
            .question(question == null ? "" : question.id()));
    }

    /** A timer armed from {@link #nextDeadlineMs} fired while the session is connected. */
    public void onTimer(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record,
        final long nowMs)
    {
        effects.clearEffects();
        adopt(catalog, state, record);
        processor.onTimer(state, nowMs, triggers(catalog), catalog.governor(), decisions);
        decide(state, record, catalog, null, null, nowMs);
        outcomes.stallDue(record.windows(), state, catalog, Math.max(nowMs, state.lastEventMs()));
    }

    /** The session is ending (expired without coming back): undecided windows exited. */
    public void onExpired(final SessionStateFlyweight state, final ServerSessionFlyweight record, final long nowMs)
    {
        outcomes.exited(record.windows(), state, nowMs);
    }

    /** The earliest time the session needs a timer: a deferred signal, an idle deadline, an outcome window. */
    public long nextDeadlineMs(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record)
    {
        adopt(catalog, state, record);
        return Math.min(processor.nextDeadlineMs(state, catalog.triggers()), outcomes.nextDeadlineMs(record.windows()));
    }

    /** Records every signal of the last event or timer, opens outcome windows, prepares a question shown. */
    private void decide(final SessionStateFlyweight state, final ServerSessionFlyweight record, final CompiledCatalog catalog,
        final CharSequence searchQuery, final String searchIntent, final long nowMs)
    {
        for (int i = 0; i < decisions.size(); i++)
        {
            final Trigger trigger = decisions.trigger(i);
            final Verdict verdict = decisions.verdict(i);
            // A search's signals carry its text (as the journal keeps it) and its intent; no other signal does.
            final boolean bySearch = trigger.detectorKind().completedBy() == EventType.SEARCH;
            log.record(decision.begin(JournalRecordType.SIGNAL, nowMs, state.sidHi(), state.sidLo(), catalog.versionHash())
                .trigger(trigger.id()).signal(trigger.detectorKind(), verdict).iid(decisions.iid(i)).question(trigger.questionId())
                .searchQuery(bySearch ? searchQuery : null).searchIntent(bySearch ? searchIntent : null));
            switch (verdict)
            {
                case SHOWN:
                    showQuestion(state, record, catalog, trigger, decisions.iid(i), nowMs);
                    break;
                case HOLDOUT:
                    outcomes.open(record.windows(), state, catalog, trigger, OutcomeGroup.HOLDOUT, 0,
                        catalog.question(trigger).variantFor(state.sidHi(), state.sidLo()), nowMs);
                    break;
                case SHADOW:
                    outcomes.open(record.windows(), state, catalog, trigger, OutcomeGroup.SHADOW, 0,
                        catalog.question(trigger).variantFor(state.sidHi(), state.sidLo()), nowMs);
                    break;
                default:
                    break;
            }
        }
    }

    private void showQuestion(final SessionStateFlyweight state, final ServerSessionFlyweight record, final CompiledCatalog catalog,
        final Trigger trigger, final int iid, final long nowMs)
    {
        final CompiledQuestion question = catalog.question(trigger);
        final int variant = question.variantFor(state.sidHi(), state.sidLo());
        final QuestionCopy copy = question.copy(variant, question.segmentFor(state, nowMs));
        state.questions().openVariant(variant);
        record.openCatalogVersion(catalog.versionHash());
        final boolean recorded = log.record(decision.begin(JournalRecordType.QUESTION_SHOWN, nowMs, state.sidHi(), state.sidLo(),
            catalog.versionHash()).iid(iid).trigger(trigger.id()).question(question.id()).variant(copy.variantId())
            .segment(copy.segmentId()).pageKind(catalog.pageKindName(state.currentPageKind())));
        if (!recorded)
        {
            // Never a question the journal could not record: the session keeps it as asked, unseen.
            state.questions().closeOpenQuestion();
            return;
        }
        outcomes.open(record.windows(), state, catalog, trigger, OutcomeGroup.SHOWN, iid, variant, nowMs);
        effects.question = question;
        effects.questionCopy = copy;
        effects.questionIid = iid;
        effects.questionCatalogVersion = catalog.versionHash();
    }

    /**
     * Renumbers the record's page kinds and search intents for {@code catalog} when they are numbers of another version
     * (a reload since the session's last event): once per session and reload, allocation-free. A
     * version that cannot be found any more leaves no kind it could name (every kind becomes 0).
     */
    private void adopt(final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight record)
    {
        final long kindsVersion = record.pageKindsVersion();
        if (kindsVersion == catalog.versionHash())
        {
            return;
        }
        if (kindsVersion != 0)
        {
            final CompiledCatalog from = catalogs.byVersionHash(kindsVersion);
            if (from.versionHash() == kindsVersion)
            {
                catalog.pageKindNumbersFrom(from, newKindByOldKind);
                catalog.intentNumbersFrom(from, newIntentByOldIntent);
            }
            else
            {
                Arrays.fill(newKindByOldKind, 0);
                Arrays.fill(newIntentByOldIntent, 0);
            }
            state.translatePageKinds(newKindByOldKind);
            state.translateIntents(newIntentByOldIntent);
        }
        record.pageKindsVersion(catalog.versionHash());
    }

    /** While the log cannot take records, history is still kept but nothing may signal. */
    private TriggerIndex triggers(final CompiledCatalog catalog)
    {
        return log.accepting() ? catalog.triggers() : NO_TRIGGERS;
    }

    private void refuse(final ErrorCode code, final String detail)
    {
        effects.refusal = code;
        effects.refusalDetail = detail;
    }
}
