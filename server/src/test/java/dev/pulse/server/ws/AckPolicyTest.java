package dev.pulse.server.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a connection acks and what, against the journal's written position. */
class AckPolicyTest
{
    private final AckPolicy acks = new AckPolicy();

    @Test
    void shouldOweNoAckBeforeAnythingIsHandled()
    {
        acks.helloed(0, 0);

        assertThat(acks.isDue(0)).isFalse();
    }

    @Test
    void shouldNotAckTheSeqAResumedSessionWelcomedWith()
    {
        acks.helloed(7, 100);

        assertThat(acks.isDue(7)).as("the welcome's seq is not an ack").isFalse();
        assertThat(acks.isDue(8)).isTrue();
    }

    @Test
    void shouldAckAtOnceWhenTheJournalHasWrittenTheRecords()
    {
        acks.helloed(0, 0);
        acks.handled(40, false, false);

        assertThat(acks.isDue(1)).isTrue();
        assertThat(acks.take(1, 40)).isEqualTo(1);
        assertThat(acks.isWaiting()).isFalse();
        assertThat(acks.acked(1)).isEqualTo(1);
        assertThat(acks.isDue(1)).isFalse();
    }

    @Test
    void shouldWaitForTheJournalToWriteTheRecordsOfEveryHandledMessage()
    {
        acks.helloed(0, 0);
        acks.handled(40, false, false);
        acks.handled(0, false, false); // a message that made no record keeps the position of those before it

        assertThat(acks.take(2, 39)).isEqualTo(AckPolicy.WAIT);
        assertThat(acks.isWaiting()).isTrue();
        assertThat(acks.isDue(2)).as("one ack waits at a time").isFalse();
        assertThat(acks.released(39)).isEqualTo(AckPolicy.NONE);
        assertThat(acks.released(40)).isEqualTo(2);
        assertThat(acks.isWaiting()).isFalse();
        assertThat(acks.released(80)).as("released once").isEqualTo(AckPolicy.NONE);
    }

    @Test
    void shouldGiveWhatWasHandledWhileAnAckWaitedItsOwnAck()
    {
        acks.helloed(0, 0);
        acks.handled(40, false, false);
        assertThat(acks.take(1, 0)).isEqualTo(AckPolicy.WAIT);
        acks.handled(90, false, false);

        assertThat(acks.isDue(2)).isFalse();
        assertThat(acks.released(40)).isEqualTo(1);
        acks.acked(1);
        assertThat(acks.isDue(2)).isTrue();
        assertThat(acks.take(2, 40)).as("its records are not written yet").isEqualTo(AckPolicy.WAIT);
        assertThat(acks.released(90)).isEqualTo(2);
    }

    @Test
    void shouldWaitForEverythingCommittedBeforeAResumedSessionsHello()
    {
        acks.helloed(5, 500);
        acks.handled(0, false, false);

        assertThat(acks.take(6, 499)).isEqualTo(AckPolicy.WAIT);
        assertThat(acks.released(500)).isEqualTo(6);
    }

    @Test
    void shouldWaitWithSeqOneWhenNothingWasSeqed()
    {
        // An owed ack before any seq (seq 0) still needs a non-zero marker while it waits.
        acks.helloed(0, 10);
        acks.handled(0, true, false);

        assertThat(acks.isDue(0)).isTrue();
        assertThat(acks.take(0, 0)).isEqualTo(AckPolicy.WAIT);
        assertThat(acks.isWaiting()).isTrue();
        assertThat(acks.released(10)).isEqualTo(1);
    }

    @Test
    void shouldOweAnAckForADuplicateEvenIfTheSeqDidNotMove()
    {
        acks.helloed(0, 0);
        acks.handled(10, false, false);
        acks.acked(acks.take(1, 10));
        assertThat(acks.isDue(1)).isFalse();

        acks.handled(0, true, false);

        assertThat(acks.isDue(1)).isTrue();
        assertThat(acks.take(1, 10)).isEqualTo(1);
        assertThat(acks.isDue(1)).as("owed once").isFalse();
    }

    @Test
    void shouldAckBeforeTheEndOfTheReadBatchAfterAnAnswerOrAt64Unacked()
    {
        acks.helloed(0, 0);
        assertThat(acks.handled(0, false, true)).as("an answer is acked at once").isTrue();
        for (int i = 1; i < AckPolicy.ACK_AT_UNACKED; i++)
        {
            assertThat(acks.handled(0, false, false)).isFalse();
        }
        assertThat(acks.handled(0, false, false)).as("the 64th unacked message").isTrue();
    }

    @Test
    void shouldCountUnackedAfreshAfterEachAck()
    {
        acks.helloed(0, 0);
        for (int i = 1; i < AckPolicy.ACK_AT_UNACKED; i++)
        {
            acks.handled(0, false, false);
        }
        acks.take(63, 0);

        assertThat(acks.handled(0, false, false)).isFalse();
    }

    @Test
    void shouldNeverMoveTheAckedSeqBack()
    {
        acks.helloed(0, 0);

        assertThat(acks.acked(9)).isEqualTo(9);
        assertThat(acks.acked(4)).isEqualTo(9);
        assertThat(acks.isDue(9)).isFalse();
    }
}
