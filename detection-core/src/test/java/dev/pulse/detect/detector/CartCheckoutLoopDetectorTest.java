package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.CART;
import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.PRODUCT;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class CartCheckoutLoopDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("cart-loop", new CartCheckoutLoopDetector(2, 600_000, CART, CHECKOUT)).build());

    @Test
    void shouldFireOnReturningToTheCartTheSecondTime()
    {
        session.at(0).navigate("/cart", CART);
        session.at(10_000).navigate("/checkout", CHECKOUT);
        assertThat(session.at(20_000).back("/cart", CART).size()).as("one round trip").isZero();
        session.at(30_000).navigate("/checkout", CHECKOUT);
        assertThat(session.at(40_000).navigate("/cart", CART).size()).isOne();
    }

    @Test
    void shouldAllowOtherPagesWithinARoundTrip()
    {
        session.at(0).navigate("/cart", CART);
        session.at(10_000).navigate("/checkout", CHECKOUT);
        session.at(15_000).navigate("/faq/shipping", FAQ);
        session.at(20_000).navigate("/cart", CART);
        session.at(25_000).navigate("/product/7", PRODUCT);
        session.at(30_000).navigate("/checkout", CHECKOUT);
        assertThat(session.at(40_000).navigate("/cart", CART).size()).isOne();
    }

    @Test
    void shouldFireOnALoopOfMorePageViewsThanThePageRingHolds()
    {
        long nowMs = 0;
        session.at(nowMs).navigate("/cart", CART);
        nowMs = browseProducts(nowMs, 6);
        session.at(nowMs += 5_000).navigate("/checkout", CHECKOUT);
        nowMs = browseProducts(nowMs, 6);
        assertThat(session.at(nowMs += 5_000).navigate("/cart", CART).size()).as("one round trip").isZero();
        nowMs = browseProducts(nowMs, 6);
        session.at(nowMs += 5_000).navigate("/checkout", CHECKOUT);
        assertThat(session.state.pageViewCount()).as("the loop spans more page views than the page ring")
            .isGreaterThan(SessionStateFlyweight.PAGE_RING_CAPACITY);
        assertThat(session.at(nowMs + 5_000).navigate("/cart", CART).size()).as("within 10 min").isOne();
    }

    @Test
    void shouldFireOnTheLargestLoopWithAnotherKindBetweenEveryStep()
    {
        final CartCheckoutLoopDetector detector = new CartCheckoutLoopDetector(maxRoundTrips(), 3_600_000, CART, CHECKOUT);
        final TestSession longLoop = new TestSession(TestSession.permissivePolicy(), trigger("cart-loop", detector).build());
        long nowMs = 0;
        longLoop.at(nowMs).navigate("/cart", CART);
        for (int trip = 1; trip <= maxRoundTrips(); trip++)
        {
            longLoop.at(nowMs += 1_000).navigate("/product/" + trip, PRODUCT);
            longLoop.at(nowMs += 1_000).navigate("/checkout", CHECKOUT);
            longLoop.at(nowMs += 1_000).navigate("/faq/shipping", FAQ);
            final int fired = longLoop.at(nowMs += 1_000).navigate("/cart", CART).size();
            assertThat(fired).as("round trip %d of %d", trip, maxRoundTrips()).isEqualTo(trip == maxRoundTrips() ? 1 : 0);
        }
    }

    private static int maxRoundTrips()
    {
        return (int)DetectorKind.CART_CHECKOUT_LOOP.threshold("round_trips").max();
    }

    /** Views {@code products} product pages 5 s apart and answers the time of the last. */
    private long browseProducts(final long fromMs, final int products)
    {
        long nowMs = fromMs;
        for (int i = 0; i < products; i++)
        {
            session.at(nowMs += 5_000).navigate("/product/" + i, PRODUCT);
        }
        return nowMs;
    }

    @Test
    void shouldNotCountCheckoutWithoutACartBeforeIt()
    {
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).navigate("/cart", CART);
        session.at(20_000).navigate("/checkout", CHECKOUT);
        assertThat(session.at(30_000).navigate("/cart", CART).size()).as("only one real round trip").isZero();
    }

    @Test
    void shouldNotFireWhenTheRoundTripsSpanMoreThanTheWindow()
    {
        session.at(0).navigate("/cart", CART);
        session.at(10_000).navigate("/checkout", CHECKOUT);
        session.at(20_000).navigate("/cart", CART);
        session.at(300_000).navigate("/checkout", CHECKOUT);
        assertThat(session.at(600_001).navigate("/cart", CART).size()).isZero();
    }

    @Test
    void shouldFireWhenTheRoundTripsSpanExactlyTheWindow()
    {
        session.at(0).navigate("/cart", CART);
        session.at(10_000).navigate("/checkout", CHECKOUT);
        session.at(20_000).navigate("/cart", CART);
        session.at(300_000).navigate("/checkout", CHECKOUT);
        assertThat(session.at(600_000).navigate("/cart", CART).size()).isOne();
    }
}
