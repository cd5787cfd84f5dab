package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Failed search: {@code searches} searches with zero results (default 2) within {@code window}
 * (default 120 s). A search that finds something ends the run: the person found their way. With an
 * {@code intent} (its number in the catalog, 0 for any search), only failed searches whose words
 * matched that intent count, the search completing the pattern included; failed searches of other
 * intents neither count nor break the run.
 */
public final class FailedSearchDetector implements Detector
{
    private final int searches;
    private final long windowMs;
    private final int intent;

    public FailedSearchDetector(final int searches, final long windowMs)
    {
        this(searches, windowMs, 0);
    }

    public FailedSearchDetector(final int searches, final long windowMs, final int intent)
    {
        this.searches = searches;
        this.windowMs = windowMs;
        this.intent = intent;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.FAILED_SEARCH;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        if (event.type() != EventType.SEARCH || event.resultCount() != 0 || intent != 0 && event.searchIntent() != intent)
        {
            return false;
        }
        return state.history().failedSearchesReach(intent, searches, nowMs - windowMs, spentUntilMs);
    }
}
