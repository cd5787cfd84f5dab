package dev.pulse.detect.governor;

/**
 * Whom the holdout draw is made for (the catalog's {@code policy.holdout_unit}).
 */
public enum HoldoutUnit
{
    /**
     * Once per visitor: a control visitor is shown nothing by any trigger, in any session, and
     * every question the governor would have shown is recorded as held out. The default: the
     * report compares visitors, so the arms must be visitors.
     */
    VISITOR("visitor"),
    /** Once per (session, trigger): a session held out of one trigger may be shown another's question. */
    TRIGGER("trigger");

    private final String catalogName;

    HoldoutUnit(final String catalogName)
    {
        this.catalogName = catalogName;
    }

    /** The name the catalog spells it with. */
    public String catalogName()
    {
        return catalogName;
    }

    /** The unit the catalog names, or null for a name that is none. */
    public static HoldoutUnit ofCatalogName(final String name)
    {
        for (final HoldoutUnit unit : values())
        {
            if (unit.catalogName.equals(name))
            {
                return unit;
            }
        }
        return null;
    }
}
