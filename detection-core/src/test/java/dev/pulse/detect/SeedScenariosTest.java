package dev.pulse.detect;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.IdleOnKeyPageDetector;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.VisitedPageKindCondition;

import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.KEY_PAGES;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.TestSession.T0;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

/** The cases the source documents spell out (../shared/seeds), run through the whole core. */
class SeedScenariosTest
{
    private static final GovernorPolicy POLICY = GovernorPolicy.DEFAULT.withHoldoutPerMillion(0);

    /** 000_7aec88f590512d87.txt: idle on pricing after visiting the FAQ asks "What's making this hard to decide?". */
    private static final Trigger PRICING_HESITATION = trigger("pricing-hesitation", new IdleOnKeyPageDetector(180_000, KEY_PAGES))
        .pages(PRICING)
        .when(new VisitedPageKindCondition(FAQ))
        .question("hard-to-decide")
        .build();

    @Test
    void shouldAskOnceWhenIdleThreeMinutesOnPricingAfterVisitingTheFaq()
    {
        final TestSession session = new TestSession(POLICY, PRICING_HESITATION);
        session.at(0).navigate("/pricing", PRICING);
        session.at(20_000).active();
        session.at(40_000).navigate("/faq", FAQ);
        session.at(70_000).back("/pricing", PRICING);
        session.at(75_000).active();
        session.at(80_000).active();

        assertThat(session.nextDeadlineMs()).isEqualTo(T0 + 80_000 + 180_000);
        session.at(80_000 + 180_000).timer();
        assertThat(session.signalled()).containsExactly("pricing-hesitation");
        assertThat(session.verdicts()).containsExactly(Verdict.SHOWN);
        assertThat(session.decisions.trigger(0).questionId()).isEqualTo("hard-to-decide");

        session.at(80_000 + 400_000).timer();
        assertThat(session.size()).as("once").isZero();
        session.at(500_000).navigate("/pricing", PRICING);
        session.at(500_000 + 180_000).timer();
        assertThat(session.verdicts()).as("a later page view may signal, but the question is never asked twice")
            .containsExactly(Verdict.SUPPRESSED_ALREADY_ASKED);
    }

    @Test
    void shouldNotAskWhenTheCustomerNeverVisitedTheFaq()
    {
        final TestSession session = new TestSession(POLICY, PRICING_HESITATION);
        session.at(0).navigate("/pricing", PRICING);
        session.at(180_000).timer();
        assertThat(session.size()).isZero();
    }

    /** 003_fa8f9e3804687020.txt and the architecture: a single back-click is normal, three in 90 s are a signal. */
    @Test
    void shouldTellASingleBackFromThreeBacksIn90Seconds()
    {
        final TestSession session = new TestSession(POLICY,
            trigger("pricing-faq-loop", new BackAndForthDetector(3, 90_000)).pages(PRICING, FAQ).build());
        session.at(0).navigate("/pricing", PRICING);
        session.at(10_000).navigate("/faq", FAQ);
        assertThat(session.at(20_000).back("/pricing", PRICING).size()).as("a single back is normal").isZero();
        session.at(30_000).forward("/faq", FAQ);
        session.at(40_000).back("/pricing", PRICING);
        session.at(50_000).forward("/faq", FAQ);
        session.at(60_000).back("/pricing", PRICING);
        assertThat(session.verdicts()).as("the page has just loaded").containsExactly(Verdict.DEFERRED);
        session.at(65_000).timer();
        assertThat(session.verdicts()).as("asked once the page grace has passed").containsExactly(Verdict.SHOWN);
    }
}
