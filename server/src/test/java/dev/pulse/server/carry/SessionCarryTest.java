package dev.pulse.server.carry;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.detect.AllocationWindows;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateDescriptor;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.decide.ResponseFeedbackFlyweight;
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
    private final SessionCarry carry = new SessionCarry();
    private final ResponseFeedbackFlyweight feedback = new ResponseFeedbackFlyweight();

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
        carry.fill(payload, a, aRecord, 3, A_MONO, WALL);
        assertThat(aRecord.carryGeneration()).as("at least the wall time").isGreaterThanOrEqualTo(WALL);

        final SessionStateFlyweight b = new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0)
            .init(1, 2, 3, B_MONO);
        final ServerSessionFlyweight bRecord = record();
        carry.adopt(payload, b, bRecord, B_MONO, WALL);

        assertThat(b.visitorHash()).isEqualTo(99);
        assertThat(b.questions().wasAsked(11)).isTrue();
        assertThat(b.questions().askedCount()).isEqualTo(1);
        assertThat(b.questions().lastShownMs()).as("1 s ago on B's clock").isEqualTo(B_MONO - 1_000);
        assertThat(b.triggerMemory().actedMs(b.triggerMemory().slot(21))).isEqualTo(B_MONO - 2_000);
        assertThat(b.questions().dismissed()).isTrue();
        assertThat(b.questions().nextIid()).as("numbering goes on").isEqualTo(5);
        assertThat(bRecord.carryGeneration()).isEqualTo(aRecord.carryGeneration());
        carry.fill(payload, b, bRecord, 3, B_MONO, WALL);
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
        carry.fill(payload, elsewhere, record(), 3, A_MONO, WALL);

        final SessionStateFlyweight stale = state();
        stale.questions().addAsked(11);
        stale.questions().lastShownMs(A_MONO - 9_000);
        stale.questions().openQuestion(stale.questions().nextIid(), 11, 21, A_MONO - 9_000);
        stale.questions().pending(22, A_MONO);
        stale.triggerMemory().recordActed(21, A_MONO - 9_000);
        stale.triggerMemory().recordActed(23, A_MONO - 8_000);
        carry.supersede(payload, stale, record(), A_MONO, WALL);

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

    private static final int ASKED = SessionStateDescriptor.FEEDBACK_FLAG_ASKED;
    private static final int GIVEN = SessionStateDescriptor.FEEDBACK_FLAG_GIVEN;
    private static final long TEAM_SIZE = Hash64.of("team_size");
    private static final long FIRST_NAME = Hash64.of("first_name");
    private static final long DEVICE = Hash64.of("device");
    private static final long SIGNED_UP = Hash64.of("signed_up");

    /** Node A's session with every issue-19 fact: a backend's team size and name, the page's device, a goal, a rated response. */
    private SessionStateFlyweight issue19Session()
    {
        final SessionStateFlyweight a = state();
        a.context().putContext(TEAM_SIZE, Hash64.of("12"), 12.0, true);
        a.context().putContext(DEVICE, Hash64.of("mobile"), Double.NaN, false);
        a.context().putContextText(FIRST_NAME, "Zoë", true);
        a.context().goalReached(SIGNED_UP);
        a.pushPage(7, 3, dev.pulse.detect.NavType.NAVIGATE, A_MONO - 30_000, false);
        feedback.wrap(a).restore(4, 11, 99L, 1, ASKED);
        return a;
    }

    @Test
    void shouldAdoptTheTrustedContextNumbersTextsGoalsStagesAndFeedbackState()
    {
        final SessionStateFlyweight a = issue19Session();
        carry.fill(payload, a, record(), 3, A_MONO, WALL);
        assertThat(payload.hasTail()).isTrue();

        final SessionStateFlyweight b = new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0)
            .init(1, 2, 3, B_MONO);
        carry.adopt(payload, b, record(), B_MONO, WALL);

        assertThat(b.context().contextNumber(TEAM_SIZE, true)).as("trusted: true still holds").isEqualTo(12.0);
        assertThat(b.context().contextEquals(DEVICE, Hash64.of("mobile"), false)).isTrue();
        assertThat(b.context().contextTrusted(DEVICE)).isFalse();
        b.context().putContext(TEAM_SIZE, Hash64.of("99"), 99.0, false);
        assertThat(b.context().contextNumber(TEAM_SIZE, false)).as("a page on B cannot overwrite it").isEqualTo(12.0);
        final StringBuilder name = new StringBuilder();
        assertThat(b.context().appendContextText(FIRST_NAME, name)).isTrue();
        assertThat(name.toString()).isEqualTo("Zoë");
        assertThat(b.context().contextTextTrusted(FIRST_NAME)).isTrue();
        assertThat(b.context().hasReachedGoal(SIGNED_UP)).isTrue();
        assertThat(b.createdMs()).as("the start stays the hello's: the page grace counts from it until a page view").isEqualTo(B_MONO);
        assertThat(b.visitedKindBefore(3)).as("A's current page kind counts as viewed").isTrue();
        final ResponseFeedbackFlyweight asked = feedback.wrap(b);
        assertThat(asked.iid()).isEqualTo(4);
        assertThat(asked.questionKey()).isEqualTo(11);
        assertThat(asked.catalogVersion()).isEqualTo(99L);
        assertThat(asked.choice()).isEqualTo(1);
        assertThat(asked.flags()).isEqualTo(ASKED);
    }

    @Test
    void shouldKeepAFeedbackGivenOnEitherSideAndTakeTheNewerResponse()
    {
        final SessionStateFlyweight elsewhere = issue19Session();
        feedback.wrap(elsewhere).restore(4, 11, 99L, 1, ASKED | GIVEN);
        carry.fill(payload, elsewhere, record(), 3, A_MONO, WALL);
        final SessionStateFlyweight stale = state();
        feedback.wrap(stale).restore(4, 11, 99L, 1, ASKED);
        carry.supersede(payload, stale, record(), A_MONO, WALL);
        assertThat(feedback.wrap(stale).flags()).as("answered elsewhere: never twice")
            .isEqualTo(ASKED | GIVEN);

        final SessionStateFlyweight newer = state();
        feedback.wrap(newer).restore(6, 12, 99L, 0, ASKED);
        carry.fill(payload, newer, record(), 3, A_MONO, WALL);
        carry.supersede(payload, stale, record(), A_MONO, WALL);
        assertThat(feedback.wrap(stale).iid()).as("the newer response replaces it").isEqualTo(6);
        assertThat(feedback.wrap(stale).flags()).isEqualTo(ASKED);

        carry.fill(payload, state(), record(), 3, A_MONO, WALL);
        carry.supersede(payload, stale, record(), A_MONO, WALL);
        assertThat(feedback.wrap(stale).iid()).as("a carry that asked nothing leaves it").isEqualTo(6);
    }

    @Test
    void shouldMarkEveryChangeACarryHolds()
    {
        final SessionStateFlyweight a = state();
        long mark = carry.mark(a);
        a.context().putContext(DEVICE, Hash64.of("mobile"), Double.NaN, false);
        mark = assertChanged(mark, a, "a page's pair");
        a.context().putContext(DEVICE, Hash64.of("desktop"), Double.NaN, false);
        mark = assertChanged(mark, a, "its value");
        a.context().putContext(DEVICE, Hash64.of("desktop"), Double.NaN, true);
        mark = assertChanged(mark, a, "its trust");
        a.context().goalReached(SIGNED_UP);
        mark = assertChanged(mark, a, "a goal");
        feedback.wrap(a).restore(2, 11, 1L, 0, ASKED);
        mark = assertChanged(mark, a, "a response asking");
        feedback.wrap(a).restore(2, 11, 1L, 0, ASKED | GIVEN);
        mark = assertChanged(mark, a, "its answer");
        a.pushPage(7, 3, dev.pulse.detect.NavType.NAVIGATE, A_MONO, false);
        a.pushPage(8, 4, dev.pulse.detect.NavType.NAVIGATE, A_MONO, false);
        assertThat(carry.mark(a)).as("page views never cost a carry").isEqualTo(mark);
        a.context().wallSkewMs(5);
        assertThat(carry.mark(a)).as("the node's own clock skew does not travel").isEqualTo(mark);
    }

    private long assertChanged(final long before, final SessionStateFlyweight state, final String what)
    {
        final long after = carry.mark(state);
        assertThat(after).as(what).isNotEqualTo(before);
        return after;
    }

    /** The mark runs twice for every message with a cluster key, and a fill and a merge at every carry: none allocates once warm. */
    @Test
    void shouldMarkFillAndMergeWithoutAllocating()
    {
        final SessionStateFlyweight a = issue19Session();
        final SessionStateFlyweight b = state();
        final ServerSessionFlyweight record = record();
        long sink = markFillAndMerge(a, b, record, 20_000);
        sink += AllocationWindows.assertAllocatesNothing("marks, fills and merges, warm",
            count -> markFillAndMerge(a, b, record, count), 20_000);
        assertThat(sink).isNotZero();
    }

    private long markFillAndMerge(final SessionStateFlyweight a, final SessionStateFlyweight b, final ServerSessionFlyweight record,
        final int count)
    {
        long sink = 0;
        for (int i = 0; i < count; i++)
        {
            sink += carry.mark(a);
            carry.fill(payload, a, record, 3, A_MONO, WALL);
            carry.supersede(payload, b, record, A_MONO, WALL);
        }
        return sink;
    }
}
