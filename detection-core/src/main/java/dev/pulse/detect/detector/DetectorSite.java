package dev.pulse.detect.detector;

/**
 * What a detector needs to know about the site, beyond its thresholds: which page kinds are key
 * pages, the numbers of the cart and checkout page kinds, and the click targets that never count.
 * A catalog compiler derives it once per catalog; {@link DetectorKind#create} reads it.
 *
 * @param keyPageMask         bit {@code k} set when page kind {@code k} is a key page.
 * @param cartKind            the number of the page kind named {@value #CART_PAGE_KIND}, or -1 if none.
 * @param checkoutKind        the number of the page kind named {@value #CHECKOUT_PAGE_KIND}, or -1 if none.
 * @param ignoredClickTargets hashes of the click targets rage clicks ignore.
 */
public record DetectorSite(long keyPageMask, int cartKind, int checkoutKind, long[] ignoredClickTargets)
{
    /** The page kind a catalog names its cart. */
    public static final String CART_PAGE_KIND = "cart";
    /** The page kind a catalog names its checkout. */
    public static final String CHECKOUT_PAGE_KIND = "checkout";

    public DetectorSite
    {
        ignoredClickTargets = ignoredClickTargets.clone();
    }

    @Override
    public long[] ignoredClickTargets()
    {
        return ignoredClickTargets.clone();
    }
}
