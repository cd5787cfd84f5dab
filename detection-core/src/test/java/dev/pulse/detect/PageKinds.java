package dev.pulse.detect;

/** The page kinds the core's tests use, as a catalog would number them. */
public final class PageKinds
{
    public static final int OTHER = 0;
    public static final int HOME = 1;
    public static final int PRICING = 2;
    public static final int FAQ = 3;
    public static final int PRODUCT = 4;
    public static final int CART = 5;
    public static final int CHECKOUT = 6;
    public static final int SEARCH = 7;
    public static final int THANK_YOU = 8;

    /** Pricing, cart and checkout are the key pages. */
    public static final long KEY_PAGES = mask(PRICING, CART, CHECKOUT);
    public static final long ALL = -1L;

    private PageKinds()
    {
    }

    public static long mask(final int... kinds)
    {
        long mask = 0;
        for (final int kind : kinds)
        {
            mask |= 1L << kind;
        }
        return mask;
    }
}
