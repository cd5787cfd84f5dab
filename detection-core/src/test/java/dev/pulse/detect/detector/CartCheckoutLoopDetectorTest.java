package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

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
