package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Search intent: {@code count} searches (default 1) whose words matched the trigger's
 * {@code intent} within {@code window} (default 10 min), whatever they found: the person told the
 * site what they came for ("how do I return this"). {@code intent} is the intent's number in the
 * compiled catalog; 0 counts searches of any intent. Searches of other intents are passed over, not
 * a break in the run.
 */
public final class SearchIntentDetector implements Detector
{
    private final int intent;
    private final int count;
    private final long windowMs;

    public SearchIntentDetector(final int intent, final int count, final long windowMs)
    {
        this.intent = intent;
        this.count = count;
        this.windowMs = windowMs;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.SEARCH_INTENT;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        if (event.type() != EventType.SEARCH || event.searchIntent() == 0 || intent != 0 && event.searchIntent() != intent)
        {
            return false;
        }
        return state.history().intentSearchesReach(intent, count, nowMs - windowMs, spentUntilMs);
    }
}
