package dev.pulse.cluster;

import org.junit.jupiter.api.Test;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.RecordId;

import static org.assertj.core.api.Assertions.assertThat;

/** The question check over merged journals: a repeat or a cap passed on another node is caught. */
class QuestionCheckTest
{
    private static final String SID = "0123456789abcdef0123456789abcdef";

    @Test
    void shouldPassDistinctQuestionsWithinTheCapAcrossNodes()
    {
        final QuestionCheck check = new QuestionCheck(2);
        check.add(ask("node-1", 0, SID, "q1"));
        check.add(ask("node-2", 0, SID, "q2"));
        check.add(new JournalEntry(new RecordId("node-2", 0, 100), JournalRecordType.ANSWER, SID, 3, "", new byte[0]));

        assertThat(check.ok()).isTrue();
        assertThat(check.asks()).isEqualTo(2);
        assertThat(check.sessionsAskedOnTwoNodes()).isEqualTo(1);
    }

    @Test
    void shouldCatchAQuestionAskedAgainOnAnotherNode()
    {
        final QuestionCheck check = new QuestionCheck(8);
        check.add(ask("node-1", 0, SID, "q1"));
        check.add(ask("node-3", 64, SID, "q1"));

        assertThat(check.ok()).isFalse();
        assertThat(check.repeated()).isEqualTo(1);
        assertThat(check.examples()).containsExactly("asked twice: session " + SID + ", question q1 (again at node-3/0/64)");
    }

    @Test
    void shouldCatchTheCapPassedAndLeaveOtherSessionsAlone()
    {
        final QuestionCheck check = new QuestionCheck(1);
        check.add(ask("node-1", 0, SID, "q1"));
        check.add(ask("node-2", 0, SID, "q2"));
        check.add(ask("node-2", 64, "ffffffffffffffffffffffffffffffff", "q1"));

        assertThat(check.overCap()).isEqualTo(1);
        assertThat(check.repeated()).isZero();
        assertThat(check.ok()).isFalse();
    }

    private static JournalEntry ask(final String node, final long offset, final String sid, final String question)
    {
        return new JournalEntry(new RecordId(node, 0, offset), JournalRecordType.QUESTION_SHOWN, sid, offset, question, new byte[0]);
    }
}
