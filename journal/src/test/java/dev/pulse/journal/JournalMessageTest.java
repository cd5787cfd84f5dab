package dev.pulse.journal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message's records are taken all or none: held until the message ends, then published together,
 * or all aborted when any one does not fit; each carries the message's seq; one can be taken back.
 */
class JournalMessageTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPublishAMessagesRecordsTogetherWithItsSeq() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 4096));
        harness.proxy.beginMessage(42);
        JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 1, "first");
        harness.doWork();
        assertThat(harness.agent.writtenPosition()).as("held until the message ends").isZero();
        JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 2, "second");
        assertThat(harness.proxy.endMessage()).isTrue();
        assertThat(harness.proxy.lastMessageRecords()).isEqualTo(2);
        JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 3, "outside");
        harness.doWork();
        harness.agent.onClose();

        final List<long[]> seqs = readSeqs();
        assertThat(seqs).containsExactly(new long[] {1, 42}, new long[] {2, 42}, new long[] {3, 0});
    }

    @Test
    void shouldTakeNoRecordOfAMessageWhenOneDoesNotFit() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 4096));
        int accepted = 0;
        while (harness.record(accepted + 1))
        {
            accepted++;
        }
        harness.doWork();
        // Room for a few records now, not for a thousand.
        for (int i = 0; i < 5; i++)
        {
            harness.record(10_000 + i);
        }
        harness.proxy.beginMessage(7);
        boolean allTaken = true;
        for (int i = 0; i < 60 && allTaken; i++)
        {
            allTaken = JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 20_000 + i, "x".repeat(200));
        }
        assertThat(allTaken).as("the ring fills during the message").isFalse();
        assertThat(harness.proxy.endMessage()).isFalse();
        harness.doWork();
        harness.doWork();
        harness.agent.onClose();
        assertThat(readSeqs()).as("no record of the refused message").noneMatch(record -> record[1] == 7);
    }

    @Test
    void shouldTakeBackOneHeldRecordAndKeepTheRest() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 4096));
        harness.proxy.beginMessage(9);
        final int mark = harness.proxy.mark();
        JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 1, "taken back");
        JournalRecords.dismiss(harness.proxy, 1, 1, 2, 3, 2, "kept");
        harness.proxy.retract(mark);
        assertThat(harness.proxy.endMessage()).isTrue();
        harness.doWork();
        harness.agent.onClose();
        assertThat(readSeqs()).containsExactly(new long[] {2, 9});
    }

    /** Each record's iid and seq, in journal order. */
    private List<long[]> readSeqs() throws Exception
    {
        final List<long[]> out = new java.util.ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                out.add(new long[] {record.iid(), record.seq()});
            }
        }
        return out;
    }
}
