package dev.pulse.server.metrics;

/** Why an outcome window was not measured: the reasons of {@code pulse_outcome_windows_dropped_total}. */
public enum WindowDrop
{
    /** Every slot held a window and none could give way (a shadow window when all are in use). */
    SLOTS_FULL("slots_full"),
    /** A shadow window gave its slot to a live (shown or holdout) window. */
    SHADOW_REPLACED("shadow_replaced");

    private final String label;

    WindowDrop(final String label)
    {
        this.label = label;
    }

    /** The metric's label value. */
    public String label()
    {
        return label;
    }
}
