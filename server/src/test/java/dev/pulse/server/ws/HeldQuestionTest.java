package dev.pulse.server.ws;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The question held for the disk: released on the journal's position, withdrawn or dropped unseen. */
class HeldQuestionTest
{
    private final ConnectionState connection = new ConnectionState();
    private final HeldQuestion held = new HeldQuestion(connection);
    private final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");

    @Test
    void shouldHoldUntilTheJournalHasWrittenItsRecord()
    {
        held.hold(question, 200, 5_000, 3, "q-help", 11);

        assertThat(held.isHeld()).isTrue();
        assertThat(connection.heldIid).isEqualTo(3);
        assertThat(connection.heldQuestionId).isEqualTo("q-help");
        assertThat(connection.heldCatalogVersion).isEqualTo(11);
        assertThat(held.isWritten(199)).isFalse();
        assertThat(held.isWritten(200)).isTrue();
    }

    @Test
    void shouldHandTheQuestionOutToSendAndHoldItNoMore()
    {
        held.hold(question, 200, 5_000, 3, "q-help", 11);

        assertThat(held.takeToSend()).isSameAs(question);
        assertThat(question.refCnt()).as("the caller owns it now").isEqualTo(1);
        assertThat(held.isHeld()).isFalse();
        assertThat(held.isWritten(Long.MAX_VALUE)).isFalse();
        assertThat(connection.heldIid).as("shown: nothing to record unseen").isZero();
        assertThat(held.heldSinceNanos()).isEqualTo(5_000);
        question.release();
    }

    @Test
    void shouldReleaseAWithdrawnQuestionUnsent()
    {
        held.hold(question, 200, 5_000, 3, "q-help", 11);

        assertThat(held.withdraw()).isTrue();
        assertThat(question.refCnt()).isZero();
        assertThat(held.isHeld()).isFalse();
        assertThat(connection.heldIid).as("its question_unseen record goes with the message that closed it").isZero();
    }

    @Test
    void shouldWithdrawNothingWhenNothingIsHeld()
    {
        connection.heldIid = 3;

        assertThat(held.withdraw()).isFalse();
        assertThat(connection.heldIid).isZero();
        question.release();
    }

    @Test
    void shouldLeaveTheHeldIidForTheUnseenRecordWhenDroppedAsTheConnectionEnds()
    {
        held.hold(question, 200, 5_000, 3, "q-help", 11);

        assertThat(held.drop()).isTrue();
        assertThat(question.refCnt()).isZero();
        assertThat(held.isHeld()).isFalse();
        assertThat(connection.heldIid).isEqualTo(3);
        assertThat(held.drop()).as("dropped once").isFalse();
    }

    @Test
    void shouldRefuseASecondQuestionWhileOneIsHeld()
    {
        held.hold(question, 200, 5_000, 3, "q-help", 11);
        final TextWebSocketFrame second = new TextWebSocketFrame("{}");

        assertThatThrownBy(() -> held.hold(second, 300, 6_000, 4, "q-other", 11)).isInstanceOf(IllegalStateException.class);
        assertThat(connection.heldIid).isEqualTo(3);
        assertThat(held.takeToSend()).isSameAs(question);
        question.release();
        second.release();
    }
}
