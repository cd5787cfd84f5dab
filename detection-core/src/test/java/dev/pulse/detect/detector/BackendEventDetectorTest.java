package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.PageKinds;
import dev.pulse.detect.TestSession;
import dev.pulse.detect.detector.BackendFieldCondition.Operator;

import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class BackendEventDetectorTest
{
    private static TestSession sessionWith(final int count, final long windowMs, final BackendFieldCondition... conditions)
    {
        final TestSession session = new TestSession(TestSession.permissivePolicy(), trigger("declined",
            new BackendEventDetector(count, windowMs).matching(Hash64.of("payment_declined"), conditions)).build());
        session.at(0).navigate("/checkout", CHECKOUT);
        return session;
    }

    private static BackendFieldCondition amount(final Operator operator, final double number)
    {
        return BackendFieldCondition.compare(Hash64.of("amount"), operator, number);
    }

    @Test
    void shouldFireOnTheFirstEventOfItsNameByDefault()
    {
        final TestSession session = sessionWith(1, 600_000);
        assertThat(session.at(1_000).backend("payment_declined").size()).isOne();
    }

    @Test
    void shouldNotFireOnAnotherName()
    {
        final TestSession session = sessionWith(1, 600_000);
        assertThat(session.at(1_000).backend("order_failed").size()).isZero();
        assertThat(session.at(2_000).backend("payment_declined_twice").size()).isZero();
    }

    @Test
    void shouldNotFireOnBrowserEvents()
    {
        final TestSession session = sessionWith(1, 600_000);
        assertThat(session.at(1_000).goal("payment_declined").size()).isZero();
        assertThat(session.at(2_000).scrollBack().size()).isZero();
    }

    @Test
    void shouldFireOnTheCountthEventOfItsNameWithinTheWindow()
    {
        final TestSession session = sessionWith(3, 600_000);
        assertThat(session.at(1_000).backend("payment_declined").size()).isZero();
        assertThat(session.at(2_000).backend("order_failed").size()).as("another name neither counts nor breaks the run").isZero();
        assertThat(session.at(3_000).backend("payment_declined").size()).isZero();
        assertThat(session.at(4_000).backend("payment_declined").size()).isOne();
    }

    @Test
    void shouldFireExactlyAtTheEndOfTheWindow()
    {
        final TestSession session = sessionWith(2, 600_000);
        session.at(10_000).backend("payment_declined");
        assertThat(session.at(610_000).backend("payment_declined").size()).isOne();
    }

    @Test
    void shouldNotFireOneMillisecondPastTheWindow()
    {
        final TestSession session = sessionWith(2, 600_000);
        session.at(10_000).backend("payment_declined");
        assertThat(session.at(610_001).backend("payment_declined").size()).isZero();
        assertThat(session.at(610_002).backend("payment_declined").size()).as("the two newest are within it").isOne();
    }

    @Test
    void shouldNotCountEvidenceThatAlreadySignalledAgain()
    {
        final TestSession session = sessionWith(2, 600_000);
        session.at(1_000).backend("payment_declined");
        assertThat(session.at(2_000).backend("payment_declined").size()).isOne();
        assertThat(session.at(3_000).backend("payment_declined").size()).isZero();
        assertThat(session.at(4_000).backend("payment_declined").size()).isOne();
    }

    @Test
    void shouldRequireTextEquality()
    {
        final TestSession session = sessionWith(1, 600_000,
            BackendFieldCondition.textEquals(Hash64.of("reason"), Hash64.of("card_declined")));
        assertThat(session.at(1_000).backend("payment_declined", "reason", "insufficient_funds").size()).isZero();
        assertThat(session.at(2_000).backend("payment_declined", "reason", "Card_declined").size()).as("case counts").isZero();
        assertThat(session.at(3_000).backend("payment_declined").size()).as("a missing field meets nothing").isZero();
        assertThat(session.at(4_000).backend("payment_declined", "reason", "card_declined").size()).isOne();
    }

    @Test
    void shouldCompareGreaterOrEqualAtItsEdge()
    {
        final TestSession session = sessionWith(1, 600_000, amount(Operator.GREATER_OR_EQUAL, 100));
        assertThat(session.at(1_000).backend("payment_declined", "amount", "99.99").size()).isZero();
        assertThat(session.at(2_000).backend("payment_declined", "amount", "100").size()).isOne();
    }

    @Test
    void shouldCompareGreaterAtItsEdge()
    {
        final TestSession session = sessionWith(1, 600_000, amount(Operator.GREATER, 100));
        assertThat(session.at(1_000).backend("payment_declined", "amount", "100").size()).isZero();
        assertThat(session.at(2_000).backend("payment_declined", "amount", "100.01").size()).isOne();
    }

    @Test
    void shouldCompareLessAndLessOrEqualAtTheirEdges()
    {
        final TestSession less = sessionWith(1, 600_000, amount(Operator.LESS, 10));
        assertThat(less.at(1_000).backend("payment_declined", "amount", "10").size()).isZero();
        assertThat(less.at(2_000).backend("payment_declined", "amount", "9.5").size()).isOne();
        final TestSession lessOrEqual = sessionWith(1, 600_000, amount(Operator.LESS_OR_EQUAL, 10));
        assertThat(lessOrEqual.at(1_000).backend("payment_declined", "amount", "10.001").size()).isZero();
        assertThat(lessOrEqual.at(2_000).backend("payment_declined", "amount", "10").size()).isOne();
    }

    @Test
    void shouldCompareNumbersForEqualityAsNumbers()
    {
        final TestSession session = sessionWith(1, 600_000, amount(Operator.NUMBER_EQUALS, 3));
        assertThat(session.at(1_000).backend("payment_declined", "amount", "4").size()).isZero();
        assertThat(session.at(2_000).backend("payment_declined", "amount", "3.0").size()).as("3.0 is the number 3").isOne();
    }

    @Test
    void shouldNotMeetANumericConditionWithText()
    {
        final TestSession session = sessionWith(1, 600_000, amount(Operator.LESS, 1_000_000));
        assertThat(session.at(1_000).backend("payment_declined", "amount", "lots").size()).isZero();
    }

    @Test
    void shouldRequireEveryConditionOnTheCompletingEvent()
    {
        final TestSession session = sessionWith(2, 600_000,
            BackendFieldCondition.textEquals(Hash64.of("reason"), Hash64.of("card_declined")), amount(Operator.GREATER_OR_EQUAL, 100));
        session.at(1_000).backend("payment_declined", "reason", "other", "amount", "5");
        assertThat(session.at(2_000).backend("payment_declined", "reason", "card_declined", "amount", "50").size()).isZero();
        assertThat(session.at(3_000).backend("payment_declined", "reason", "card_declined", "amount", "150").size())
            .as("earlier events count by name; the completing one meets both conditions").isOne();
    }

    @Test
    void shouldCountEveryNameWithoutOne()
    {
        final TestSession session = new TestSession(TestSession.permissivePolicy(),
            trigger("any", DetectorKind.BACKEND_EVENT.create(new long[] {2, 60_000}, new DetectorSite(PageKinds.KEY_PAGES, PageKinds.CART, PageKinds.CHECKOUT, new long[0]))).build());
        session.at(1_000).backend("ticket_opened");
        assertThat(session.at(2_000).backend("order_failed").size()).isOne();
    }

    @Test
    void shouldStillCountAfterTheSessionResumesFromItsRecord()
    {
        final TestSession session = sessionWith(2, 600_000);
        session.at(1_000).backend("payment_declined");
        final TestSession resumed = session.resumedCopy();
        assertThat(resumed.at(2_000).backend("payment_declined").size()).isOne();
    }

    @Test
    void shouldNotRestartTheIdleClock()
    {
        final TestSession session = sessionWith(1, 600_000);
        session.at(5_000).backend("payment_declined");
        assertThat(session.state.idleSinceMs()).isEqualTo(TestSession.T0);
    }

    @Test
    void shouldForgetEventsPushedOutOfTheRingOfEight()
    {
        final TestSession session = sessionWith(2, 600_000);
        session.at(1_000).backend("payment_declined");
        for (int i = 0; i < 6; i++)
        {
            session.at(2_000 + i).backend("order_failed");
        }
        assertThat(session.at(3_000).backend("payment_declined").size()).as("the first is the oldest of eight").isOne();

        final TestSession pushedOut = sessionWith(2, 600_000);
        pushedOut.at(1_000).backend("payment_declined");
        for (int i = 0; i < 7; i++)
        {
            pushedOut.at(2_000 + i).backend("order_failed");
        }
        assertThat(pushedOut.at(3_000).backend("payment_declined").size()).as("the session keeps the newest 8").isZero();
    }
}
