package dev.pulse.detect;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotTableTest
{
    private static final int RECORD_OFFSET = 8;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final SlotTable table = new SlotTable(0, 4, 3, 12);

    @Test
    void shouldFillSlotsInOrderAndRefuseOnceFull()
    {
        assertThat(table.add(buffer, RECORD_OFFSET)).isZero();
        assertThat(table.add(buffer, RECORD_OFFSET)).isOne();
        assertThat(table.add(buffer, RECORD_OFFSET)).isEqualTo(2);
        assertThat(table.add(buffer, RECORD_OFFSET)).isEqualTo(-1);
        assertThat(table.count(buffer, RECORD_OFFSET)).isEqualTo(3);
        assertThat(table.entry(RECORD_OFFSET, 2)).isEqualTo(RECORD_OFFSET + 4 + 2 * 12);
    }

    @Test
    void shouldFindTakenSlotsByAnIntOrALongKeyInsideTheEntry()
    {
        for (int key = 1; key <= 2; key++)
        {
            final int entry = table.entry(RECORD_OFFSET, table.add(buffer, RECORD_OFFSET));
            buffer.putInt(entry, key * 10);
            buffer.putLong(entry + 4, key * 100L);
        }
        assertThat(table.findInt(buffer, RECORD_OFFSET, 0, 20)).isOne();
        assertThat(table.findLong(buffer, RECORD_OFFSET, 4, 100L)).isZero();
        assertThat(table.findInt(buffer, RECORD_OFFSET, 0, 30)).isEqualTo(-1);
        assertThat(table.findLong(buffer, RECORD_OFFSET, 4, 300L)).isEqualTo(-1);
    }

    @Test
    void shouldNotFindAKeyInASlotNotYetTaken()
    {
        buffer.putInt(table.entry(RECORD_OFFSET, 0), 7);
        assertThat(table.findInt(buffer, RECORD_OFFSET, 0, 7)).isEqualTo(-1);
    }

    @Test
    void shouldRefuseACapacityItsCountByteCannotHold()
    {
        assertThatThrownBy(() -> new SlotTable(0, 4, 256, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotTable(0, 4, 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
