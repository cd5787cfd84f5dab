package dev.pulse.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** When the journal forces, per policy: driven by hand through the agent with a fake clock and a counting store. */
class FsyncPolicyTest
{
    @TempDir
    Path dir;

    @Test
    void shouldForceEveryBatchBeforeWrittenPositionAdvancesUnderAlways() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.ALWAYS, 1 << 20, 64 * 1024));
        for (int batch = 0; batch < 10; batch++)
        {
            final long before = harness.agent.writtenPosition();
            for (int i = 0; i < 3; i++)
            {
                harness.record(batch * 3 + i);
            }
            harness.doWork();
            assertThat(harness.store.forces.get()).as("one force per batch").isEqualTo(batch + 1);
            assertThat(harness.store.writtenPositionAtLastForce()).as("written position while forcing").isEqualTo(before);
            assertThat(harness.agent.writtenPosition()).isGreaterThanOrEqualTo(harness.proxy.lastPosition());
        }
        harness.agent.onClose();
        assertThat(harness.store.forces.get()).as("nothing left to force on close").isEqualTo(10);
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void shouldNotAdvanceWrittenPositionWhenTheForceFailsUnderAlways() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.ALWAYS, 1 << 20, 64 * 1024));
        harness.record(0);
        harness.doWork();
        final long written = harness.agent.writtenPosition();

        harness.store.failForce = true;
        harness.record(1);
        harness.doWork();
        assertThat(harness.agent.healthy()).isFalse();
        assertThat(harness.agent.writtenPosition()).isEqualTo(written).isLessThan(harness.proxy.lastPosition());

        harness.store.failForce = false;
        harness.doWork();
        assertThat(harness.agent.healthy()).as("no retry before the retry interval").isFalse();
        harness.advanceMs(500);
        harness.doWork();
        assertThat(harness.agent.healthy()).isTrue();
        assertThat(harness.agent.writtenPosition()).isGreaterThanOrEqualTo(harness.proxy.lastPosition());
        harness.agent.onClose();
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactly(0, 1);
    }

    @Test
    void shouldForceOnlyOnCloseUnderNever() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 64 * 1024));
        for (int i = 0; i < 100; i++)
        {
            harness.record(i);
            harness.doWork();
            harness.advanceMs(1000);
        }
        assertThat(harness.store.writes.get()).isEqualTo(100);
        assertThat(harness.store.forces.get()).isZero();
        harness.agent.onClose();
        assertThat(harness.store.forces.get()).isEqualTo(1);
    }

    @Test
    void shouldForceAtMostEveryIntervalAndNeverLeaveAWriteUnforcedLongerUnderInterval() throws Exception
    {
        // configuration(...) uses a 100 ms interval.
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.INTERVAL, 1 << 20, 64 * 1024));
        final SplittableRandom random = new SplittableRandom(5);
        final List<Long> forceTimesMs = new ArrayList<>();
        long oldestUnforcedWriteMs = -1;
        int iid = 0;
        for (long nowMs = 0; nowMs < 5_000; nowMs += 7)
        {
            final boolean write = random.nextInt(4) == 0 && !(nowMs > 2_000 && nowMs < 2_500);
            if (write)
            {
                harness.record(iid++);
            }
            final int forcesBefore = harness.store.forces.get();
            harness.doWork();
            if (write && oldestUnforcedWriteMs < 0)
            {
                oldestUnforcedWriteMs = nowMs;
            }
            if (harness.store.forces.get() > forcesBefore)
            {
                forceTimesMs.add(nowMs);
                oldestUnforcedWriteMs = -1;
            }
            if (oldestUnforcedWriteMs >= 0)
            {
                assertThat(nowMs - oldestUnforcedWriteMs).as("a write left unforced at %d ms", nowMs).isLessThan(100 + 7);
            }
            harness.advanceMs(7);
        }
        assertThat(forceTimesMs).hasSizeGreaterThan(20);
        for (int i = 1; i < forceTimesMs.size(); i++)
        {
            assertThat(forceTimesMs.get(i) - forceTimesMs.get(i - 1)).as("gap between forces").isGreaterThanOrEqualTo(100);
        }
        assertThat(forceTimesMs).as("no force while nothing was written").noneMatch(t -> t > 2_100 && t < 2_500);
        harness.agent.onClose();
    }
}
