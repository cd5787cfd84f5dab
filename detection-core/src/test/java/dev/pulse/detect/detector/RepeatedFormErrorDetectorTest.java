package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class RepeatedFormErrorDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("form-errors", new RepeatedFormErrorDetector(3, 60_000)).build());

    @Test
    void shouldFireOnTheThirdErrorOnTheSameFormWithin60s()
    {
        session.at(0).navigate("/checkout", CHECKOUT);
        assertThat(session.at(10_000).formError("checkout", "card").size()).isZero();
        assertThat(session.at(20_000).formError("checkout", "postcode").size()).isZero();
        assertThat(session.at(30_000).formError("checkout", "card").size()).isOne();
    }

    @Test
    void shouldFireExactlyAtTheEdgeOfTheWindow()
    {
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).formError("checkout", "card");
        session.at(40_000).formError("checkout", "card");
        assertThat(session.at(70_000).formError("checkout", "card").size()).isOne();
    }

    @Test
    void shouldNotFireOneMillisecondPastTheWindow()
    {
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).formError("checkout", "card");
        session.at(40_000).formError("checkout", "card");
        assertThat(session.at(70_001).formError("checkout", "card").size()).isZero();
    }

    @Test
    void shouldNotMixErrorsOfDifferentForms()
    {
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).formError("checkout", "card");
        session.at(11_000).formError("newsletter", "email");
        assertThat(session.at(12_000).formError("login", "password").size()).isZero();
    }

    @Test
    void shouldCountTheSameFormThroughErrorsOnOtherForms()
    {
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).formError("checkout", "card");
        session.at(11_000).formError("newsletter", "email");
        session.at(12_000).formError("checkout", "card");
        session.at(13_000).formError("newsletter", "email");
        assertThat(session.at(14_000).formError("checkout", "card").size()).isOne();
    }
}
