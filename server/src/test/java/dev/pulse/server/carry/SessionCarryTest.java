package dev.pulse.server.carry;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.decide.ServerSessionFlyweight;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts go from a record into a carry and back, on nodes whose session clocks differ; a merge keeps the union. */
class SessionCarryTest
{
    private static final long WALL = 1_700_000_000_000L;
    /** Node A's session clock runs 10 s behind the wall, node B's 5 s ahead. */
    private static final long A_MONO = WALL - 10_000;
    private static final long B_MONO = WALL + 5_000;

    private final CarryFlyweight payload = new CarryFlyweight().wrap(new UnsafeBuffer(new byte[CarryFlyweight.MAX_LENGTH]));

    private static SessionStateFlyweight state()
    {
        return new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0).init(1, 2, 3, A_MONO);
    }

    private static ServerSessionFlyweight record()
    {
        return new ServerSessionFlyweight().wrap(new UnsafeBuffer(new byte[ServerSessionFlyweight.LENGTH]), 0).init(A_MONO);
    }

    @Test
    void shouldAdoptEveryPromiseOnTheOtherNodesClock()
    {
        final SessionStateFlyweight a = state().visitorHash(99);
        a.questions().addAsked(11);
        a.questions().lastShownMs(A_MONO - 1_000);
        a.questions().lastIid(4);
        a.questions().dismissed(true);
        a.triggerMemory().recordActed(21, A_MONO - 2_000);
        final ServerSessionFlyweight aRecord = record();
        SessionCarry.fill(payload, a, aRecord, 3, A_MONO, WALL);
        assertThat(aRecord.carryGeneration()).as("at least the wall time").isGreaterThanOrEqualTo(WALL);

        final SessionStateFlyweight b = new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0)
            .init(1, 2, 3, B_MONO);
        final ServerSessionFlyweight bRecord = record();
        SessionCarry.adopt(payload, b, bRecord, B_MONO, WALL);

        assertThat(b.visitorHash()).isEqualTo(99);
        assertThat(b.questions().wasAsked(11)).isTrue();
        assertThat(b.questions().askedCount()).isEqualTo(1);
        assertThat(b.questions().lastShownMs()).as("1 s ago on B's clock").isEqualTo(B_MONO - 1_000);
        assertThat(b.triggerMemory().actedMs(b.triggerMemory().slot(21))).isEqualTo(B_MONO - 2_000);
        assertThat(b.questions().dismissed()).isTrue();
        assertThat(b.questions().nextIid()).as("numbering goes on").isEqualTo(5);
        assertThat(bRecord.carryGeneration()).isEqualTo(aRecord.carryGeneration());
        SessionCarry.fill(payload, b, bRecord, 3, B_MONO, WALL);
        assertThat(bRecord.carryGeneration()).as("grows with every carry").isGreaterThan(aRecord.carryGeneration());
    }

    @Test
    void shouldSupersedeAStaleRecordWithTheUnionAndCloseItsOpenQuestion()
    {
        final SessionStateFlyweight elsewhere = state();
        elsewhere.questions().addAsked(12);
        elsewhere.questions().lastShownMs(A_MONO - 500);
        elsewhere.questions().lastIid(6);
        elsewhere.triggerMemory().recordActed(21, A_MONO - 100);
        SessionCarry.fill(payload, elsewhere, record(), 3, A_MONO, WALL);

        final SessionStateFlyweight stale = state();
        stale.questions().addAsked(11);
        stale.questions().lastShownMs(A_MONO - 9_000);
        stale.questions().openQuestion(stale.questions().nextIid(), 11, 21, A_MONO - 9_000);
        stale.questions().pending(22, A_MONO);
        stale.triggerMemory().recordActed(21, A_MONO - 9_000);
        stale.triggerMemory().recordActed(23, A_MONO - 8_000);
        SessionCarry.supersede(payload, stale, record(), A_MONO, WALL);

        assertThat(stale.questions().openIid()).as("the old question closed").isZero();
        assertThat(stale.questions().pendingTriggerKey()).isZero();
        assertThat(stale.questions().wasAsked(11)).isTrue();
        assertThat(stale.questions().wasAsked(12)).isTrue();
        assertThat(stale.questions().askedCount()).isEqualTo(2);
        assertThat(stale.questions().lastShownMs()).isEqualTo(A_MONO - 500);
        assertThat(stale.triggerMemory().actedMs(stale.triggerMemory().slot(21))).isEqualTo(A_MONO - 100);
        assertThat(stale.triggerMemory().actedMs(stale.triggerMemory().slot(23))).as("the later of each").isEqualTo(A_MONO - 8_000);
        assertThat(stale.questions().lastIid()).isEqualTo(6);
        assertThat(stale.questions().dismissed()).isFalse();
    }
}
