package dev.pulse.loadtest;

/**
 * The scripted journeys of a virtual user, written against {@code loadtest-catalog.yaml}: ordinary
 * browsing, which must never be asked anything, and one journey per stuck pattern, which must be
 * asked exactly once, on a known event. A stuck journey's last step completes its pattern (for
 * {@link #IDLE}, the page view on which the idle timer then runs); the user then waits for the
 * question (sending nothing that counts as activity), answers it, and moves forward or leaves.
 *
 * <p>The steps go one per scheduled slot of the user. Journeys of one session never disturb each
 * other: only back-and-forth navigates back, only the failed search finds nothing, only the cart
 * loop and exit intent visit the cart and checkout, only idle visits pricing (the one page the
 * idle trigger watches), and clicks on one target come only from the rage click.
 */
enum Journey
{
    BROWSE("browse", false, false,
        Step.page("/", "navigate"),
        Step.active(),
        Step.page("/products", "navigate"),
        Step.click("a.product-card", 200, 300),
        Step.page("/product/12", "navigate"),
        Step.active(),
        Step.search("lamp", 7),
        Step.page("/faq", "navigate")),
    /** The catalog asks on the third back between the same two pages. */
    BACK_AND_FORTH("back_and_forth", true, false, Step.backAndForth("/faq", "/help", 3)),
    FAILED_SEARCH("failed_search", true, false,
        Step.page("/search", "navigate"),
        Step.search("unicorn", 0),
        Step.active(),
        Step.search("unicorns", 0)),
    /** The catalog asks when the cart is seen again after the second trip to the checkout. */
    CART_CHECKOUT_LOOP("cart_checkout_loop", true, false, Step.roundTrips("/cart", "/checkout", 2)),
    RAGE_CLICK("rage_click", true, false,
        Step.page("/product/7", "navigate"),
        Step.click("button.add-to-cart", 120, 340),
        Step.click("button.add-to-cart", 122, 341),
        Step.click("button.add-to-cart", 121, 339)),
    FORM_ERRORS("form_errors", true, false,
        Step.page("/signup", "navigate"),
        Step.formError("signup", "email"),
        Step.formError("signup", "email"),
        Step.formError("signup", "postcode")),
    EXIT_INTENT("exit_intent", true, true,
        Step.page("/cart", "navigate"),
        Step.page("/checkout", "navigate"),
        Step.exitIntent()),
    IDLE("idle", true, false,
        Step.page("/pricing", "navigate"));

    private static final Journey[] VALUES = values();

    private final String wireName;
    private final boolean asked;
    private final boolean endsSession;
    private final Step[] steps;

    Journey(final String wireName, final boolean asked, final boolean endsSession, final Step... steps)
    {
        this.wireName = wireName;
        this.asked = asked;
        this.endsSession = endsSession;
        this.steps = steps;
    }

    /** The name used by {@code --mix} and in the summary. */
    String wireName()
    {
        return wireName;
    }

    /** Whether the journey must be asked exactly once (else never). */
    boolean asked()
    {
        return asked;
    }

    /** Whether its question's latency measures the server: the idle question comes from a timer, not an event. */
    boolean measuresQuestionLatency()
    {
        return asked && this != IDLE;
    }

    /** Whether the user leaves after it (exit intent fires once per session). */
    boolean endsSession()
    {
        return endsSession;
    }

    int stepCount()
    {
        return steps.length;
    }

    Step step(final int index)
    {
        return steps[index];
    }

    /** The bit of this journey in a session's mask of questions asked. */
    int bit()
    {
        return 1 << ordinal();
    }

    static Journey byWireName(final String name)
    {
        for (final Journey journey : VALUES)
        {
            if (journey.wireName.equals(name))
            {
                return journey;
            }
        }
        return null;
    }

    static Journey byOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    static int count()
    {
        return VALUES.length;
    }
}
