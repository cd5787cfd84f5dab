package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionHistoryFlyweight;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Repeated form errors: {@code errors} validation errors (default 3) on the same form within
 * {@code window} (default 60 s), whatever the fields. Errors on other forms neither count nor
 * break the run.
 */
public final class RepeatedFormErrorDetector implements Detector
{
    private final int errors;
    private final long windowMs;

    public RepeatedFormErrorDetector(final int errors, final long windowMs)
    {
        this.errors = errors;
        this.windowMs = windowMs;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.REPEATED_FORM_ERRORS;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        final SessionHistoryFlyweight history = state.history();
        if (event.type() != EventType.FORM_ERROR)
        {
            return false;
        }
        final long form = event.formHash();
        final long windowStartMs = nowMs - windowMs;
        int count = 0;
        for (int age = 0, size = history.formErrorCount(); age < size; age++)
        {
            final long timeMs = history.formErrorTimeAt(age);
            if (timeMs < windowStartMs || timeMs <= spentUntilMs)
            {
                break;
            }
            if (history.formErrorFormAt(age) == form && ++count >= errors)
            {
                return true;
            }
        }
        return false;
    }
}
