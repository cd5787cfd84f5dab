package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessTimesTest
{
    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses()
    {
        final String stat = "4242 (java (a) b) S 1 4242 4242 0 -1 4194560 12345 0 0 0 731 269 0 0 20 0 33 0 100 0 0";

        final ProcessTimes times = ProcessTimes.parse(stat);

        assertThat(times).isEqualTo(new ProcessTimes(731, 269));
        assertThat(times.known()).isTrue();
    }

    @Test
    void aLineThatIsNotStatIsUnknownNotAnError()
    {
        assertThat(ProcessTimes.parse("no parenthesis here")).isEqualTo(ProcessTimes.UNKNOWN);
        assertThat(ProcessTimes.parse("1 (java) S 1 2")).isEqualTo(ProcessTimes.UNKNOWN);
        assertThat(ProcessTimes.parse("1 (java) S 1 2 3 4 5 6 7 8 9 10 x 11 12 13")).isEqualTo(ProcessTimes.UNKNOWN);
    }

    @Test
    void theSystemShareIsSystemTicksOverAllTicksSinceTheStart()
    {
        final ProcessTimes start = new ProcessTimes(100, 50);
        final ProcessTimes end = new ProcessTimes(130, 140);

        assertThat(end.systemShareSince(start)).isEqualTo(0.75);
    }

    @Test
    void noTicksOrAnUnknownSampleGiveNoShare()
    {
        final ProcessTimes start = new ProcessTimes(100, 50);

        assertThat(start.systemShareSince(start)).isNaN();
        assertThat(start.systemShareSince(ProcessTimes.UNKNOWN)).isNaN();
        assertThat(ProcessTimes.UNKNOWN.systemShareSince(start)).isNaN();
    }

    @Test
    void thisProcessReadsItsOwnTimesWhereThereIsAProc()
    {
        final ProcessTimes now = ProcessTimes.now();

        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")))
        {
            assertThat(now.known()).isTrue();
            assertThat(now.userTicks() + now.systemTicks()).isPositive();
        }
        else
        {
            assertThat(now).isEqualTo(ProcessTimes.UNKNOWN);
        }
    }
}
