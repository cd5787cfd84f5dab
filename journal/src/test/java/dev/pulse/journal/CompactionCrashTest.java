package dev.pulse.journal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compaction killed with SIGKILL at each step of a rewrite, in a child JVM: after it, the segment
 * is the old one (killed before the rename) or the new one (after), never missing nor a mix; the
 * next open removes the interrupted rewrite's temporary file, and compacting again finishes the job.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompactionCrashTest
{
    private static final long SEGMENT_BYTES = 1000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompactionProbe.Step.class)
    void shouldLeaveTheOldOrTheNewSegmentWhenKilledAtAnyStep(final CompactionProbe.Step step) throws Exception
    {
        final JournalConfiguration configuration = JournalTesting.configuration(FsyncPolicy.ALWAYS, SEGMENT_BYTES, 64 * 1024);
        try (Journal journal = Journal.open(dir, configuration, new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 60; i++)
            {
                Erasures.activity(proxy, i, 1 + i % 2, i);
            }
            Erasures.erase(proxy, 100, 2);
        }
        final List<RecordSnapshot> before = RecordSnapshot.readAll(dir);
        final byte[] oldSegment = Files.readAllBytes(SegmentFiles.path(dir, 0));

        killChildAt(step);

        final boolean renamed = step.compareTo(CompactionProbe.Step.RENAMED) >= 0;
        assertThat(Files.exists(SegmentFiles.compactingPath(dir, 0))).as("the temporary file").isEqualTo(!renamed);
        final Path segment = SegmentFiles.path(dir, 0);
        assertThat(segment).exists();
        if (!renamed)
        {
            assertThat(Files.readAllBytes(segment)).as("killed before the rename: the old segment, whole").isEqualTo(oldSegment);
        }
        try (Journal reopened = Journal.open(dir, configuration, new RecordingJournalMetrics()))
        {
            assertThat(Files.exists(SegmentFiles.compactingPath(dir, 0))).as("removed at open").isFalse();
            final List<RecordSnapshot> afterCrash = RecordSnapshot.readAll(dir);
            final List<RecordSnapshot> compacted = compactedFirstSegment(before, oldSegment);
            assertThat(afterCrash).isEqualTo(renamed ? compacted : before);

            final ErasedSessions erased = new ErasedSessions();
            new ErasureScan(dir, erased).advance(reopened.activeSegmentIndex());
            new SegmentCompactor(dir, CompactionProbe.NONE).compact(0, erased::removes);
            assertThat(RecordSnapshot.readAll(dir)).as("compacting again finishes the job").isEqualTo(compacted);
        }
    }

    /** {@code before} without session 2's records of segment 0 (the ones the child rewrites). */
    private List<RecordSnapshot> compactedFirstSegment(final List<RecordSnapshot> before, final byte[] oldSegment) throws Exception
    {
        final Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.write(SegmentFiles.path(copy, 0), oldSegment);
        final int firstSegmentRecords = RecordSnapshot.readSegment(copy, 0).size();
        final List<RecordSnapshot> expected = new ArrayList<>();
        for (int i = 0; i < before.size(); i++)
        {
            final RecordSnapshot record = before.get(i);
            if (i >= firstSegmentRecords || record.sidLo() != 2 || record.type() == JournalRecordType.SESSION_ERASED)
            {
                expected.add(record);
            }
        }
        return expected;
    }

    private void killChildAt(final CompactionProbe.Step step) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Agrona's opens, as the test JVM got them from surefire.
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CompactionCrashChild.class.getName(), dir.toString(),
            step.name()));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            final StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.equals(CompactionCrashChild.AT + step))
            {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the child reached %s; its output:\n%s", step, seen).isNotNull();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }
        finally
        {
            child.destroyForcibly();
        }
    }
}
