package dev.pulse.journal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fluent record encoder: fields default to 0, a record is built whole before it is claimed, and a failing string gives it up. */
class JournalRecordEncoderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteUnsetFieldsAsZeroAndForgetARecordStartedButNotCommitted() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            proxy.record(JournalRecordType.SIGNAL).timeMs(5).sid(6, 7).catalogVersion(8).value(9).iid(10).code(11).string("abandoned");
            assertThat(proxy.record(JournalRecordType.DISMISS).iid(3).string("q").commit()).isTrue();
        }
        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).hasSize(1);
        final RecordSnapshot dismiss = records.get(0);
        assertThat(dismiss.type()).isEqualTo(JournalRecordType.DISMISS);
        assertThat(new long[] {dismiss.timestampMs(), dismiss.sidHi(), dismiss.sidLo(), dismiss.catalogVersion(), dismiss.value(),
            dismiss.code()}).containsOnly(0L);
        assertThat(dismiss.iid()).isEqualTo(3);
        assertThat(dismiss.strings()).containsExactly("q");
    }

    @Test
    void shouldWriteARecordLongerThanTheFirstScratchBufferWholeWithItsSeq() throws Exception
    {
        final String full = "é".repeat(512); // 1024 bytes: the cap exactly
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            proxy.beginMessage(77);
            final JournalRecordEncoder record = proxy.record(JournalRecordType.RAW_EVENT).iid(1).string("page");
            for (int i = 0; i < 12; i++)
            {
                record.string(full);
            }
            assertThat(record.commit()).isTrue();
            assertThat(proxy.endMessage()).isTrue();
        }
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.next(record)).isTrue();
            assertThat(record.stringCount()).isEqualTo(13);
            assertThat(record.string(12)).isEqualTo(full);
            assertThat(record.seq()).isEqualTo(77);
            assertThat(record.length()).isEqualTo(JournalRecordFlyweight.HEADER_LENGTH + 13 * JournalRecordFlyweight.STRING_LENGTH_PREFIX +
                4 + 12 * 1024 + JournalRecordFlyweight.SEQ_TRAILER_LENGTH);
        }
    }

    @Test
    void shouldGiveUpTheMessageWhenAStringThrowsAndLeaveTheRingUsable() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 4096));
        final CharSequence failing = new Failing();
        harness.proxy.beginMessage(5);
        JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 1, "held, then given up");
        assertThatThrownBy(() -> harness.proxy.record(JournalRecordType.DISMISS).iid(2).string(failing))
            .isInstanceOf(IllegalStateException.class);
        assertThat(harness.proxy.endMessage()).as("nothing left open").isTrue();
        assertThat(harness.proxy.lastMessageRecords()).isZero();
        assertThat(JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 3, "after")).isTrue();
        harness.doWork();
        harness.agent.onClose();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.next(record)).isTrue();
            assertThat(record.iid()).isEqualTo(3);
            assertThat(reader.next(record)).isFalse();
        }
        assertThat(JournalTesting.metric(harness.metrics, "pulse_journal_dropped_records_total")).isZero();
    }

    /** A CharSequence whose content cannot be read, as a buggy caller's might be. */
    private static final class Failing implements CharSequence
    {
        @Override
        public int length()
        {
            return 3;
        }

        @Override
        public char charAt(final int index)
        {
            throw new IllegalStateException("unreadable");
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            throw new UnsupportedOperationException();
        }
    }
}
