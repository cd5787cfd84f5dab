package dev.pulse.detect.trigger;

/** Whether a trigger acts on its signals. */
public enum TriggerMode
{
    /** Signals go to the governor and may show a question. */
    LIVE,
    /** Signals are recorded, never shown: operators tune thresholds on live traffic first. */
    SHADOW,
    /** The trigger is not evaluated at all. */
    OFF
}
