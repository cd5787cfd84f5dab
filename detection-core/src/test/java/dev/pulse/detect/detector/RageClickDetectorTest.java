package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.CART;
import static dev.pulse.detect.PageKinds.PRODUCT;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class RageClickDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("rage", new RageClickDetector(3, 1_000, 30, new long[] {Hash64.of("input.qty-stepper")})).build());

    @Test
    void shouldFireOnTheThirdQuickClickOnTheSameTarget()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        assertThat(session.at(10_000).click("button#add", 100, 100).size()).isZero();
        assertThat(session.at(10_300).click("button#add", 102, 101).size()).isZero();
        assertThat(session.at(10_600).click("button#add", 101, 103).size()).isOne();
    }

    @Test
    void shouldFireAtExactly1000msAnd30px()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        session.at(10_000).click("button#add", 100, 100);
        session.at(11_000).click("button#add", 130, 100);
        assertThat(session.at(12_000).click("button#add", 130, 130).size()).isOne();
    }

    @Test
    void shouldNotFireWhenAClickComesOneMillisecondLate()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        session.at(10_000).click("button#add", 100, 100);
        session.at(11_001).click("button#add", 100, 100);
        assertThat(session.at(11_500).click("button#add", 100, 100).size()).isZero();
    }

    @Test
    void shouldNotFireWhenAClickLandsFurtherThan30px()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        session.at(10_000).click("button#add", 100, 100);
        session.at(10_200).click("button#add", 100, 131);
        assertThat(session.at(10_400).click("button#add", 100, 131).size()).isZero();
    }

    @Test
    void shouldNotFireForClicksOnDifferentTargets()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        session.at(10_000).click("button#add", 100, 100);
        session.at(10_200).click("button#wish", 100, 100);
        assertThat(session.at(10_400).click("button#add", 100, 100).size()).isZero();
    }

    @Test
    void shouldNeverCountTargetsTheSiteMarkedIgnorable()
    {
        session.at(0).navigate("/cart", CART);
        for (int i = 0; i < 6; i++)
        {
            assertThat(session.at(10_000 + i * 100L).click("input.qty-stepper", 50, 50).size()).isZero();
        }
    }

    @Test
    void shouldNotCountClicksFromBeforeThePageChanged()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        session.at(10_000).click("button#add", 100, 100);
        session.at(10_200).click("button#add", 100, 100);
        session.at(10_300).navigate("/product/2", PRODUCT);
        assertThat(session.at(10_400).click("button#add", 100, 100).size()).isZero();
    }

    @Test
    void shouldStartAFreshCountAfterFiring()
    {
        session.at(0).navigate("/product/1", PRODUCT);
        session.at(10_000).click("button#add", 100, 100);
        session.at(10_100).click("button#add", 100, 100);
        assertThat(session.at(10_200).click("button#add", 100, 100).size()).isOne();
        assertThat(session.at(10_300).click("button#add", 100, 100).size()).isZero();
        assertThat(session.at(10_400).click("button#add", 100, 100).size()).isZero();
        assertThat(session.at(10_500).click("button#add", 100, 100).size()).isOne();
    }
}
