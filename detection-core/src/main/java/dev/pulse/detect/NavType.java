package dev.pulse.detect;

/** How a page view was reached, as the browser reports it ({@code nav} of a {@code page} event). */
public enum NavType
{
    NAVIGATE("navigate"),
    BACK("back"),
    FORWARD("forward"),
    RELOAD("reload");

    private static final NavType[] VALUES = values();

    private final String wireName;

    NavType(final String wireName)
    {
        this.wireName = wireName;
    }

    public String wireName()
    {
        return wireName;
    }

    public static NavType fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
