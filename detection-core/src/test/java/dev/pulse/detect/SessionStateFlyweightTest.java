package dev.pulse.detect;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStateFlyweightTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH * 2));
    private final SessionStateFlyweight state = new SessionStateFlyweight();

    @Test
    void shouldStartARecordWithItsIdentityAndNothingElse()
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0x5A);
        state.wrap(buffer, SessionStateFlyweight.LENGTH).init(11, 22, 33, 1_000);
        assertThat(state.verifyLayout()).isSameAs(state);
        assertThat(state.sidHi()).isEqualTo(11);
        assertThat(state.sidLo()).isEqualTo(22);
        assertThat(state.siteKey()).isEqualTo(33);
        assertThat(state.createdMs()).isEqualTo(1_000);
        assertThat(state.lastSeq()).isZero();
        assertThat(state.history().pageCount()).isZero();
        assertThat(state.questions().openIid()).isZero();
        assertThat(state.currentPageKind()).isZero();
        assertThat(state.currentPageEnteredMs()).isEqualTo(1_000);
        assertThat(buffer.getByte(SessionStateFlyweight.LENGTH - 1)).as("the record before is untouched").isEqualTo((byte)0x5A);
    }

    @Test
    void shouldKeepTheNewestPagesWhenTheRingWraps()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        final int views = SessionStateFlyweight.PAGE_RING_CAPACITY + 5;
        for (int i = 1; i <= views; i++)
        {
            state.pushPage(i, i % 7, NavType.NAVIGATE, 1_000 + i, true);
        }
        assertThat(state.history().pageCount()).isEqualTo(SessionStateFlyweight.PAGE_RING_CAPACITY);
        assertThat(state.pageViewCount()).isEqualTo(views);
        for (int age = 0; age < SessionStateFlyweight.PAGE_RING_CAPACITY; age++)
        {
            assertThat(state.history().pageHashAt(age)).isEqualTo(views - age);
            assertThat(state.history().pageEnteredMsAt(age)).isEqualTo(1_000 + views - age);
            assertThat(state.history().pageKindAt(age)).isEqualTo((views - age) % 7);
        }
    }

    @Test
    void shouldRememberKindsVisitedBeforeTheCurrentPage()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        state.pushPage(1, 3, NavType.NAVIGATE, 1_001, true);
        assertThat(state.visitedKindBefore(3)).as("the current page is not 'before'").isFalse();
        state.pushPage(2, 5, NavType.NAVIGATE, 1_002, true);
        assertThat(state.visitedKindBefore(3)).isTrue();
        assertThat(state.visitedKindBefore(5)).isFalse();
    }

    @Test
    void shouldRenumberEveryPageKindItHoldsForAnotherCatalogVersion()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        final int views = SessionStateFlyweight.PAGE_RING_CAPACITY + 3;
        for (int i = 1; i <= views; i++)
        {
            state.pushPage(i, i % 4, NavType.NAVIGATE, 1_000 + i, true);
        }
        state.pushPage(100, 63, NavType.NAVIGATE, 2_000, true);
        state.pushPage(101, 2, NavType.NAVIGATE, 2_001, true);
        final int[] inserted = new int[SessionStateFlyweight.MAX_PAGE_KINDS];
        for (int kind = 1; kind < 63; kind++)
        {
            inserted[kind] = kind + 1;
        }
        state.translatePageKinds(inserted);

        assertThat(state.currentPageKind()).isEqualTo(3);
        assertThat(state.history().pageKindAt(1)).as("a kind the new version does not have is no kind").isZero();
        for (int age = 2; age < SessionStateFlyweight.PAGE_RING_CAPACITY; age++)
        {
            final int old = (int)(state.history().pageHashAt(age) % 4);
            assertThat(state.history().pageKindAt(age)).isEqualTo(old == 0 ? 0 : old + 1);
        }
        assertThat(state.visitedKindsMask()).as("0, 1, 2, 3 and 63 become 0, 2, 3, 4 and 0").isEqualTo(0b11101L);
        assertThat(state.pageViewCount()).as("only kinds change").isEqualTo(views + 2);
        assertThat(state.history().pageHashAt(0)).isEqualTo(101);
        assertThat(state.history().pageKindRunKindAt(0)).as("the kind runs too").isEqualTo(3);
        assertThat(state.history().pageKindRunKindAt(1)).isZero();
        assertThat(state.history().pageKindRunKindAt(2)).isEqualTo(4);
    }

    @Test
    void shouldOverwriteAContextKeyAndRefuseANinthKey()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        assertThat(state.context().putContext(10, 100)).isTrue();
        assertThat(state.context().putContext(10, 101)).isTrue();
        assertThat(state.context().contextEquals(10, 101)).isTrue();
        assertThat(state.context().contextEquals(10, 100)).isFalse();
        for (int key = 11; key < 10 + SessionStateFlyweight.CONTEXT_CAPACITY; key++)
        {
            assertThat(state.context().putContext(key, key)).isTrue();
        }
        assertThat(state.context().putContext(99, 99)).isFalse();
        assertThat(state.context().contextEquals(99, 99)).isFalse();
        assertThat(state.context().contextCount()).isEqualTo(SessionStateFlyweight.CONTEXT_CAPACITY);
    }

    @Test
    void shouldEvictTheLeastRecentlySignalledTriggerWhenMemoryIsFull()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        for (int key = 1; key <= SessionStateFlyweight.TRIGGER_MEMORY_CAPACITY; key++)
        {
            state.triggerMemory().recordSignal(key, 2_000 + key);
        }
        state.triggerMemory().recordSignal(1, 9_000);
        state.triggerMemory().recordSignal(100, 9_001);
        assertThat(state.triggerMemory().slot(2)).as("oldest signal evicted").isEqualTo(-1);
        assertThat(state.triggerMemory().signalMs(state.triggerMemory().slot(1))).isEqualTo(9_000);
        assertThat(state.triggerMemory().signalMs(state.triggerMemory().slot(100))).isEqualTo(9_001);
        assertThat(state.triggerMemory().actedMs(state.triggerMemory().slot(100))).isZero();
    }

    @Test
    void shouldCapTheAskedList()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        for (int key = 1; key <= SessionStateFlyweight.ASKED_CAPACITY + 3; key++)
        {
            state.questions().addAsked(key);
        }
        assertThat(state.questions().askedCount()).isEqualTo(SessionStateFlyweight.ASKED_CAPACITY);
        assertThat(state.questions().wasAsked(SessionStateFlyweight.ASKED_CAPACITY)).isTrue();
        assertThat(state.questions().wasAsked(SessionStateFlyweight.ASKED_CAPACITY + 1)).isFalse();
    }

    @Test
    void shouldAllocateIncreasingInterventionIds()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        assertThat(state.questions().nextIid()).isEqualTo(1);
        assertThat(state.questions().nextIid()).isEqualTo(2);
    }

    @Test
    void shouldEndTheRecordWithItsLastRing()
    {
        assertThat(SessionStateDescriptor.FORM_RING_OFFSET + SessionStateDescriptor.FORM_ENTRY_LENGTH *
            SessionStateFlyweight.FORM_ERROR_RING_CAPACITY).isEqualTo(SessionStateDescriptor.KIND_RUN_RING_OFFSET);
        assertThat(SessionStateDescriptor.KIND_RUN_RING_OFFSET + SessionStateDescriptor.KIND_RUN_ENTRY_LENGTH *
            SessionStateFlyweight.KIND_RUN_RING_CAPACITY).isEqualTo(SessionStateDescriptor.BACKEND_RING_OFFSET);
        // Layout 5's areas follow, in order, each of its drawn size, the last ending the record.
        assertThat(new int[] {SessionStateDescriptor.BACKEND_RING_OFFSET, SessionStateDescriptor.INTENT_RING_OFFSET,
            SessionStateDescriptor.CONTEXT_NUMBERS_OFFSET, SessionStateDescriptor.CONTEXT_STATE_OFFSET,
            SessionStateDescriptor.SCROLL_STATE_OFFSET, SessionStateDescriptor.FEEDBACK_STATE_OFFSET,
            SessionStateDescriptor.INTENT_STATE_OFFSET, SessionStateDescriptor.GOALS_REACHED_OFFSET,
            SessionStateDescriptor.CONTEXT_TEXTS_OFFSET, SessionStateFlyweight.LENGTH})
            .containsExactly(1664, 1792, 1856, 1920, 1952, 1984, 2016, 2048, 2112, 2304);
    }

    @Test
    void shouldFollowEveryViewToAnotherBufferAndBack()
    {
        final UnsafeBuffer other = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH));
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        state.questions().addAsked(7);
        state.wrap(other, 0).init(4, 5, 6, 2_000);
        assertThat(state.sidHi()).isEqualTo(4);
        assertThat(state.questions().wasAsked(7)).as("the views moved with the header").isFalse();
        state.wrap(buffer, 0);
        assertThat(state.sidHi()).isEqualTo(1);
        assertThat(state.questions().wasAsked(7)).isTrue();
    }

    @Test
    void shouldWriteEveryPartAtItsLayoutFiveOffsets()
    {
        // Literal offsets of layout 4 (layout 3 with a kind run in one long: kind in the high 16
        // bits, time in the low 48), which layout 5 keeps and extends: a change of any of them must
        // come with a new layout version.
        state.wrap(buffer, 0).init(11, 22, 33, 1_000);
        state.lastSeq(44).hidden(true).visitorHash(0x1234L);
        state.pushPage(0x55L, 3, NavType.NAVIGATE, 2_000, true);
        state.questions().openQuestion(state.questions().nextIid(), 0x66, 0x77, 3_000);
        state.questions().openVariant(2).lastShownMs(4_000).dismissed(true);
        state.questions().pending(0x88, 5_000);
        state.questions().addAsked(0x99);
        state.triggerMemory().recordSignal(0xAA, 6_000);
        state.triggerMemory().recordActed(0xAA, 7_000);
        state.context().putContext(0xBBL, 0xCCL);
        state.history().pushBack(0xDDL, 8_000);
        state.history().pushFormError(0xEEL, 9_000);

        assertThat(buffer.getByte(0)).isEqualTo((byte)5);
        assertThat(buffer.getByte(1)).isEqualTo((byte)3);
        assertThat(buffer.getByte(12)).isEqualTo((byte)1);
        assertThat(buffer.getByte(13)).isEqualTo((byte)1);
        assertThat(buffer.getByte(14)).isEqualTo((byte)1);
        assertThat(buffer.getLong(16)).isEqualTo(44);
        assertThat(buffer.getInt(48)).isEqualTo(1);
        assertThat(buffer.getInt(52)).isEqualTo(1);
        assertThat(buffer.getInt(56)).isEqualTo(0x88);
        assertThat(buffer.getInt(60)).isEqualTo(1);
        assertThat(buffer.getLong(64)).isEqualTo(5_000);
        assertThat(buffer.getLong(88)).isEqualTo(4_000);
        assertThat(buffer.getInt(96)).isEqualTo(0x66);
        assertThat(buffer.getInt(100)).isEqualTo(0x77);
        assertThat(buffer.getByte(104)).isEqualTo((byte)2);
        assertThat(buffer.getInt(108)).isEqualTo(1);
        assertThat(buffer.getLong(112)).isEqualTo(3_000);
        assertThat(buffer.getLong(120)).isEqualTo(1_000);
        assertThat(buffer.getLong(144)).isEqualTo(33);
        assertThat(buffer.getLong(152)).isEqualTo(0x1234L);
        assertThat(buffer.getInt(160)).isEqualTo(0x99);
        assertThat(buffer.getInt(192)).isEqualTo(0xAA);
        assertThat(buffer.getInt(196)).isEqualTo(1);
        assertThat(buffer.getLong(200)).isEqualTo(6_000);
        assertThat(buffer.getLong(208)).isEqualTo(7_000);
        assertThat(buffer.getLong(384)).isEqualTo(0xBB);
        assertThat(buffer.getLong(392)).isEqualTo(0xCC);
        assertThat(buffer.getLong(512)).isEqualTo(0x55);
        assertThat(buffer.getLong(896)).isEqualTo(0xDD);
        assertThat(buffer.getLong(904)).isEqualTo(8_000);
        assertThat(buffer.getLong(1280)).isEqualTo(0xEE);
        assertThat(buffer.getLong(1288)).isEqualTo(9_000);
        assertThat(buffer.getLong(1408)).isEqualTo((3L << 48) | 2_000);
    }

    @Test
    void shouldStartWithoutAVisitorAndLetTheSessionStandForIt()
    {
        state.wrap(buffer, 0).init(11, 22, 33, 1_000);
        assertThat(state.visitorHash()).isZero();
        assertThat(state.holdoutUnitHash()).isEqualTo(Hash64.combine(11, 22));
        state.visitorHash(0x77L);
        assertThat(state.holdoutUnitHash()).isEqualTo(0x77L);
    }

    @Test
    void shouldKeepOneKindRunForConsecutiveViewsOfOneKind()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        state.pushPage(1, 4, NavType.NAVIGATE, 1_001, true);
        state.pushPage(2, 4, NavType.NAVIGATE, 1_002, true);
        state.pushPage(3, 5, NavType.NAVIGATE, 1_003, true);
        state.pushPage(4, 5, NavType.RELOAD, 1_004, true);
        state.pushPage(5, 5, NavType.NAVIGATE, 1_005, true);
        state.pushPage(6, 4, NavType.NAVIGATE, 1_006, true);

        assertThat(state.history().kindRunCount()).isEqualTo(3);
        assertThat(state.history().pageKindRunKindAt(0)).isEqualTo(4);
        assertThat(state.history().pageKindRunLastEnteredMsAt(0)).isEqualTo(1_006);
        assertThat(state.history().pageKindRunKindAt(1)).isEqualTo(5);
        assertThat(state.history().pageKindRunLastEnteredMsAt(1)).as("a run's newest view").isEqualTo(1_005);
        assertThat(state.history().pageKindRunKindAt(2)).isEqualTo(4);
        assertThat(state.history().pageKindRunLastEnteredMsAt(2)).isEqualTo(1_002);
    }

    @Test
    void shouldKeepRunsOnlyOfTheKindsADetectorReadsJoiningARunAcrossOtherKinds()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        state.pushPage(1, 4, NavType.NAVIGATE, 1_001, true);
        state.pushPage(2, 6, NavType.NAVIGATE, 1_002, false);
        state.pushPage(3, 4, NavType.NAVIGATE, 1_003, true);
        state.pushPage(4, 6, NavType.NAVIGATE, 1_004, false);

        assertThat(state.history().kindRunCount()).as("the cart run, across a page of another kind").isEqualTo(1);
        assertThat(state.history().pageKindRunKindAt(0)).isEqualTo(4);
        assertThat(state.history().pageKindRunLastEnteredMsAt(0)).isEqualTo(1_003);
        assertThat(state.currentPageKind()).as("the page ring keeps every view").isEqualTo(6);
        assertThat(state.history().pageCount()).isEqualTo(4);
    }

    @Test
    void shouldKeepTheNewestKindRunsWhenFull()
    {
        state.wrap(buffer, 0).init(1, 2, 3, 1_000);
        final int runs = SessionStateFlyweight.KIND_RUN_RING_CAPACITY + 5;
        for (int i = 1; i <= runs; i++)
        {
            state.pushPage(i, 1 + i % 2, NavType.NAVIGATE, 1_000 + i, true);
        }
        assertThat(state.history().kindRunCount()).isEqualTo(SessionStateFlyweight.KIND_RUN_RING_CAPACITY);
        for (int age = 0; age < SessionStateFlyweight.KIND_RUN_RING_CAPACITY; age++)
        {
            assertThat(state.history().pageKindRunLastEnteredMsAt(age)).isEqualTo(1_000 + runs - age);
            assertThat(state.history().pageKindRunKindAt(age)).isEqualTo(1 + (runs - age) % 2);
        }
    }

    @Test
    void shouldKeepTheSignalsInsideTheirReservedAreas()
    {
        assertThat(SessionStateDescriptor.BACKEND_RING_OFFSET + SessionStateFlyweight.BACKEND_RING_CAPACITY *
            SessionStateDescriptor.BACKEND_ENTRY_LENGTH).isEqualTo(SessionStateDescriptor.INTENT_RING_OFFSET);
        assertThat(SessionStateDescriptor.SCROLL_BACK_PAGE_VIEW_OFFSET + Integer.BYTES)
            .isLessThanOrEqualTo(SessionStateDescriptor.FEEDBACK_STATE_OFFSET);
        assertThat(SessionStateDescriptor.BACKEND_COUNT_OFFSET).isGreaterThanOrEqualTo(SessionStateDescriptor.SCROLL_STATE_OFFSET);
    }
}
