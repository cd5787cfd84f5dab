package dev.pulse.detect;


import dev.pulse.detect.process.Detection;
import dev.pulse.detect.process.EventProcessor;
/**
 * Writes one event into the session's history, the part of the state record the detectors read:
 * the page ring and back navigations, activity and the idle clock, visibility, failed searches,
 * clicks, form errors, backend events and scrolls back up. Detectors only read; this is the one place that writes history, so
 * every detector sees the same facts whatever its thresholds.
 *
 * <p>{@link Detection} and {@link EventProcessor} call it before any detector reads the history;
 * it is public for tools that only build histories (the benchmarks).
 *
 * <p>Stateless and allocation-free.
 */
public final class EventRecorder
{
    /**
     * Records {@code event} at {@code nowMs}, the session's clock (never earlier than its last event).
     *
     * @param pageKindRunKinds the page kinds whose runs the history keeps ({@code TriggerIndex.pageKindRunKinds}:
     *                         those some detector reads); a page view of another kind extends no run.
     */
    public void record(final SessionStateFlyweight state, final Event event, final long nowMs, final long pageKindRunKinds)
    {
        final EventType type = event.type();
        final SessionHistoryFlyweight history = state.history();
        state.lastEventMs(nowMs);
        if (type.isActivity())
        {
            state.lastActivityMs(nowMs).idleSinceMs(nowMs).hidden(false);
        }
        switch (type)
        {
            case PAGE:
                recordPage(state, event, nowMs, pageKindRunKinds);
                break;
            case VISIBILITY:
                recordVisibility(state, event.hidden(), nowMs);
                break;
            case SEARCH:
                if (event.searchIntent() != 0)
                {
                    history.pushIntentSearch(event.searchIntent(), nowMs);
                }
                if (event.resultCount() == 0)
                {
                    history.pushFailedSearch(event.searchIntent(), nowMs);
                }
                else if (event.resultCount() > 0)
                {
                    history.clearFailedSearches();
                }
                break;
            case CLICK:
                history.pushClick(event.targetHash(), event.x(), event.y(), nowMs);
                break;
            case FORM_ERROR:
                history.pushFormError(event.formHash(), nowMs);
                break;
            case BACKEND:
                state.signals().pushBackendEvent(event.backendNameHash(), nowMs);
                break;
            case SCROLL_BACK:
                state.signals().countScrollBack();
                break;
            default:
                break;
        }
        ContextRecorder.record(state, event);
    }

    private static void recordPage(final SessionStateFlyweight state, final Event event, final long nowMs, final long pageKindRunKinds)
    {
        final int pageKind = event.pageKind();
        final int safeKind = pageKind >= 0 && pageKind < SessionStateFlyweight.MAX_PAGE_KINDS ? pageKind : 0;
        if (event.nav() == NavType.BACK && state.history().pageCount() > 0 && state.currentPageHash() != event.pageHash())
        {
            state.history().pushBack(Hash64.unorderedPair(state.currentPageHash(), event.pageHash()), nowMs);
        }
        state.pushPage(event.pageHash(), safeKind, event.nav(), nowMs, (pageKindRunKinds & 1L << safeKind) != 0);
    }

    /** Hiding the tab pauses the idle clock; showing it resumes from where it stood. */
    private static void recordVisibility(final SessionStateFlyweight state, final boolean hidden, final long nowMs)
    {
        if (hidden && !state.hidden())
        {
            state.idleElapsedAtHideMs(Math.max(0, nowMs - state.idleSinceMs())).hidden(true);
        }
        else if (!hidden && state.hidden())
        {
            state.idleSinceMs(nowMs - state.idleElapsedAtHideMs()).hidden(false);
        }
    }
}
