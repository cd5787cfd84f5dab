package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of {@link CompactionCrashTest}: compacts every sealed segment of a closed journal
 * and, on reaching the given step of the first rewrite, says so on standard output and waits to be
 * killed with SIGKILL. Arguments: the journal directory, the {@link CompactionProbe.Step}.
 */
public final class CompactionCrashChild
{
    /** Printed, followed by the step's name, when the child stops at the step. */
    static final String AT = "AT ";

    private CompactionCrashChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path dir = Path.of(args[0]);
        final CompactionProbe.Step stop = CompactionProbe.Step.valueOf(args[1]);
        final ErasedSessions erased = new ErasedSessions();
        new ErasureScan(dir, erased).advance(Long.MAX_VALUE);
        final SegmentCompactor compactor = new SegmentCompactor(dir, step ->
        {
            if (step == stop)
            {
                System.out.println(AT + step);
                System.out.flush();
                while (true)
                {
                    LockSupport.park();
                }
            }
        });
        compactor.compact(0, erased::removes);
        System.out.println("finished without reaching " + stop);
    }
}
