package dev.pulse.detect;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryRingTest
{
    private static final int RECORD_OFFSET = 8;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final HistoryRing ring = new HistoryRing(0, 1, 4, 3, 4);

    @Test
    void shouldKeepTheNewestEntriesAndOverwriteTheOldestWhenFull()
    {
        for (int value = 1; value <= 5; value++)
        {
            buffer.putInt(ring.push(buffer, RECORD_OFFSET), value);
        }
        assertThat(ring.count(buffer, RECORD_OFFSET)).isEqualTo(3);
        assertThat(buffer.getInt(ring.entryAt(buffer, RECORD_OFFSET, 0))).isEqualTo(5);
        assertThat(buffer.getInt(ring.entryAt(buffer, RECORD_OFFSET, 1))).isEqualTo(4);
        assertThat(buffer.getInt(ring.entryAt(buffer, RECORD_OFFSET, 2))).isEqualTo(3);
    }

    @Test
    void shouldStayInsideItsEntriesOfTheRecord()
    {
        for (int i = 0; i < 7; i++)
        {
            final int entry = ring.push(buffer, RECORD_OFFSET);
            assertThat(entry).isBetween(RECORD_OFFSET + 4, RECORD_OFFSET + 4 + ring.entriesLength() - 4);
        }
    }

    @Test
    void shouldStartAgainAtSlotZeroAfterAClear()
    {
        ring.push(buffer, RECORD_OFFSET);
        ring.push(buffer, RECORD_OFFSET);
        ring.clear(buffer, RECORD_OFFSET);
        assertThat(ring.count(buffer, RECORD_OFFSET)).isZero();
        assertThat(ring.push(buffer, RECORD_OFFSET)).isEqualTo(RECORD_OFFSET + 4);
        assertThat(ring.count(buffer, RECORD_OFFSET)).isOne();
    }

    @Test
    void shouldRefuseACapacityItsCountByteCannotHold()
    {
        assertThatThrownBy(() -> new HistoryRing(0, 1, 4, 256, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
