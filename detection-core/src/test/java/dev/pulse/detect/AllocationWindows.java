package dev.pulse.detect;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what a warm loop allocates on this thread, window by window, with the JVM's per-thread
 * allocation counter, and passes once {@link #ZERO_IN_A_ROW} windows in a row allocated nothing.
 *
 * <p>Why not "every window zero": the JIT charges the measuring thread a few one-off bytes while
 * it is still compiling. When a method is queued for C2, the thread that asks first resolves every
 * string constant of the method's class (a String and its byte[], 48 bytes for a short literal),
 * and a class's constants are resolved once. On a loaded machine C2 runs late, so those requests
 * fall into the measured windows: 48 bytes in 2 of 5 windows failed the old "4 of 5" rule (stop
 * 26). With C2 off ({@code -XX:TieredStopAtLevel=1}) or in the interpreter the same loops measure
 * zero in every window, loaded or not. These charges are bounded (once per class), so they end.
 *
 * <p>Why this still fails when the code allocates: an allocation made at least once every
 * {@code ZERO_IN_A_ROW} windows (every event, every timer, every 1,000th record, or anything rarer
 * down to once per {@code ZERO_IN_A_ROW * events} calls) puts bytes into every run of that many
 * windows, so the run never comes; {@code AllocationWindowsTest} proves it with a loop that
 * allocates once per 250,000 events. Only a true one-off (a lazily created object, a class
 * initialised on a rare branch) passes, and that is not a per-event cost.
 */
public final class AllocationWindows
{
    /** Consecutive windows that must allocate nothing. */
    public static final int ZERO_IN_A_ROW = 3;
    /** The most windows measured before giving up; on a quiet machine the first three pass. */
    public static final int MAX_WINDOWS = 40;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** A warm loop over {@code count} events (or records, or calls); returns a checksum so nothing is optimised away. */
    @FunctionalInterface
    public interface Loop
    {
        long run(int count);
    }

    private AllocationWindows()
    {
    }

    /**
     * Runs {@code loop} in windows of {@code perWindow} until {@link #ZERO_IN_A_ROW} windows in a
     * row allocated nothing, and fails with every window's bytes if that never happens within
     * {@link #MAX_WINDOWS}. Warm the loop up before (past tier-4 compilation of the path).
     *
     * @return the sum of the loop's checksums.
     */
    public static long assertAllocatesNothing(final String what, final Loop loop, final int perWindow)
    {
        final long[] bytesPerWindow = new long[MAX_WINDOWS];
        long checksum = 0;
        int zeroInARow = 0;
        int windows = 0;
        while (windows < MAX_WINDOWS && zeroInARow < ZERO_IN_A_ROW)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            checksum += loop.run(perWindow);
            final long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            bytesPerWindow[windows++] = bytes;
            zeroInARow = bytes == 0 ? zeroInARow + 1 : 0;
        }
        final List<Long> measured = new ArrayList<>();
        for (int i = 0; i < windows; i++)
        {
            measured.add(bytesPerWindow[i]);
        }
        assertThat(zeroInARow)
            .as("%s: %d windows of %,d in a row that allocated nothing, bytes per window: %s", what, ZERO_IN_A_ROW, perWindow, measured)
            .isEqualTo(ZERO_IN_A_ROW);
        return checksum;
    }
}
