package dev.pulse.server.decide;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.server.metrics.WindowDrop;

/**
 * Measures whether people moved forward after a question, or after the question they would have
 * been asked (holdout), or a shadow signal. Each opens a window (the catalog's outcome window);
 * it closes exactly once:
 * <ul>
 *   <li>{@code forward}: a page of a kind later in the catalog's journey than the kind the person
 *       was stuck on, or a goal, before the deadline (with the time it took);</li>
 *   <li>{@code stalled}: the deadline passed while the person was still there: connected at the
 *       deadline, or back (a resumed session) after it;</li>
 *   <li>{@code exited}: the session ended (expired without coming back) first.</li>
 * </ul>
 * Forward movement after the deadline does not count. A window past its deadline while the person
 * is away is decided by what happens next: they come back (stalled) or the session expires
 * (exited). Windows live in the session record, so a restart changes nothing.
 *
 * <p>Not thread-safe: used under the session entry's lock.
 */
final class OutcomeTracker
{
    private final CatalogVersions catalogs;
    private final InterventionLog log;
    private final DecisionRecord decision = new DecisionRecord();

    OutcomeTracker(final CatalogVersions catalogs, final InterventionLog log)
    {
        this.catalogs = catalogs;
        this.log = log;
    }

    /**
     * A question shown, held out or shadowed opens a window. When every slot is in use a live window
     * takes the newest shadow window's slot; a shadow window, or a live one with no shadow to
     * replace, is not measured. Either loss is counted.
     */
    void open(final OutcomeWindowsFlyweight windows, final SessionStateFlyweight state, final CompiledCatalog catalog,
        final Trigger trigger, final OutcomeGroup group, final int iid, final int variant, final long nowMs)
    {
        if (!windows.hasFreeSlot())
        {
            final int shadow = group == OutcomeGroup.SHADOW ? -1 : windows.newestShadowSlot();
            if (shadow < 0)
            {
                log.windowDropped(WindowDrop.SLOTS_FULL, group);
                final CompiledQuestion question = catalog.question(trigger);
                log.record(decision.begin(JournalRecordType.OUTCOME, nowMs, state.sidHi(), state.sidLo(), catalog.versionHash())
                    .outcome(OutcomeKind.UNMEASURED, group, 0).iid(iid).trigger(trigger.id()).question(question.id())
                    .variant(variant < question.variantCount() ? question.copy(variant, -1).variantId() : "").choice("").response("")
                    .stuckKind(catalog.pageKindName(state.currentPageKind())));
                return;
            }
            log.windowDropped(WindowDrop.SHADOW_REPLACED, OutcomeGroup.SHADOW);
            close(windows, shadow, state, catalog, OutcomeKind.UNMEASURED, nowMs);
        }
        windows.open(group, trigger.key(), trigger.questionKey(), iid, variant, catalog.pageKindKey(state.currentPageKind()),
            catalog.versionHash(),
            nowMs, nowMs + catalog.outcomeWindowMs());
    }

    /** The person answered the shown question {@code iid}: its window remembers the choice. */
    void answered(final OutcomeWindowsFlyweight windows, final int iid, final int choice)
    {
        final int slot = windows.slotOfIid(iid);
        if (slot >= 0)
        {
            windows.choice(slot, choice);
        }
    }

    /**
     * After an event is recorded: a goal moves every window forward, a page forward of where it was
     * stuck moves that one, judged by the journey of the version that opened the window. The state's
     * page kinds are numbers of {@code catalog}, the event's version: the current page is matched to
     * the window's version by its key, never by its number.
     */
    void afterEvent(final OutcomeWindowsFlyweight windows, final SessionStateFlyweight state, final CompiledCatalog catalog,
        final Event event, final long nowMs)
    {
        final int currentKindKey = catalog.pageKindKey(state.currentPageKind());
        if (event.type() != EventType.PAGE && event.type() != EventType.GOAL)
        {
            return;
        }
        for (int slot = 0; slot < OutcomeWindowsFlyweight.SLOTS; slot++)
        {
            if (!windows.inUse(slot) || nowMs > windows.deadlineMs(slot))
            {
                continue;
            }
            final CompiledCatalog opened = catalog(windows, slot, catalog);
            final boolean forward = event.type() == EventType.GOAL ||
                opened.isForward(opened.pageKindByKey(windows.stuckKindKey(slot)), opened.pageKindByKey(currentKindKey));
            if (forward)
            {
                close(windows, slot, state, catalog, OutcomeKind.FORWARD, nowMs);
            }
        }
    }

    /** The session is connected at {@code nowMs}, in an event judged by {@code catalog}: windows past their deadline stalled. */
    void stallDue(final OutcomeWindowsFlyweight windows, final SessionStateFlyweight state, final CompiledCatalog catalog,
        final long nowMs)
    {
        for (int slot = 0; slot < OutcomeWindowsFlyweight.SLOTS; slot++)
        {
            if (windows.inUse(slot) && windows.deadlineMs(slot) <= nowMs)
            {
                close(windows, slot, state, catalog, OutcomeKind.STALLED, nowMs);
            }
        }
    }

    /** The session ended without coming back: every window still undecided exited. */
    void exited(final OutcomeWindowsFlyweight windows, final SessionStateFlyweight state, final long nowMs)
    {
        for (int slot = 0; slot < OutcomeWindowsFlyweight.SLOTS; slot++)
        {
            if (windows.inUse(slot))
            {
                close(windows, slot, state, null, OutcomeKind.EXITED, nowMs);
            }
        }
    }

    /** The earliest deadline of a window, or Long.MAX_VALUE. */
    long nextDeadlineMs(final OutcomeWindowsFlyweight windows)
    {
        long deadline = Long.MAX_VALUE;
        for (int slot = 0; slot < OutcomeWindowsFlyweight.SLOTS; slot++)
        {
            if (windows.inUse(slot))
            {
                deadline = Math.min(deadline, windows.deadlineMs(slot));
            }
        }
        return deadline;
    }

    /**
     * Records the window's outcome, naming everything by the catalog version that opened it, and frees
     * the slot. {@code eventCatalog} is the catalog of the event that closes it (null outside an event).
     */
    private void close(final OutcomeWindowsFlyweight windows, final int slot, final SessionStateFlyweight state,
        final CompiledCatalog eventCatalog, final OutcomeKind kind, final long nowMs)
    {
        final CompiledCatalog catalog = catalog(windows, slot, eventCatalog);
        final Trigger trigger = catalog.triggers().byKey(windows.triggerKey(slot));
        final CompiledQuestion question = catalog.questionByKey(windows.questionKey(slot));
        final int choice = windows.choice(slot);
        final boolean answered = question != null && choice >= 0 && choice < question.choiceCount();
        log.record(decision.begin(JournalRecordType.OUTCOME, nowMs, state.sidHi(), state.sidLo(), windows.catalogVersion(slot))
            .outcome(kind, windows.group(slot), nowMs - windows.openedMs(slot))
            .iid(windows.iid(slot))
            .trigger(trigger != null ? trigger.id() : unknown(windows.triggerKey(slot)))
            .question(question != null ? question.id() : unknown(windows.questionKey(slot)))
            .variant(question != null && windows.variant(slot) < question.variantCount()
                ? question.copy(windows.variant(slot), -1).variantId() : "")
            .choice(answered ? question.choiceId(choice) : "")
            .response(answered ? question.response(choice).id() : "")
            .stuckKind(stuckKindName(catalog, windows.stuckKindKey(slot))));
        windows.free(slot);
    }

    /** The version that opened the window; if it is no longer kept, the event's own catalog (the current one outside an event). */
    private CompiledCatalog catalog(final OutcomeWindowsFlyweight windows, final int slot, final CompiledCatalog eventCatalog)
    {
        final long version = windows.catalogVersion(slot);
        return eventCatalog == null ? catalogs.byVersionHash(version) : catalogs.byVersionHash(version, eventCatalog);
    }

    private static String stuckKindName(final CompiledCatalog catalog, final int key)
    {
        final int kind = catalog.pageKindByKey(key);
        return kind >= 0 ? catalog.pageKindName(kind) : unknown(key);
    }

    /** A trigger, question or page kind no kept catalog knows any more (a cold path): named by its key. */
    private static String unknown(final int key)
    {
        return "#" + Integer.toHexString(key);
    }
}
