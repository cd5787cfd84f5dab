package dev.pulse.server.config;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class ValueKindTest
{
    @Property
    void shouldReadSizesInEveryUnit(@ForAll @LongRange(min = 0, max = 1L << 32) final long amount)
    {
        assertThat(ValueKind.SIZE.parse(Long.toString(amount))).isEqualTo(amount);
        assertThat(ValueKind.SIZE.parse(amount + "B")).isEqualTo(amount);
        assertThat(ValueKind.SIZE.parse(amount + "KiB")).isEqualTo(amount << 10);
        assertThat(ValueKind.SIZE.parse(amount + " MiB")).isEqualTo(amount << 20);
        assertThat(ValueKind.SIZE.parse(amount + "gib")).isEqualTo(amount << 30);
    }

    @Property
    void shouldReadDurationsWithAUnitOrAsMilliseconds(@ForAll @LongRange(min = 0, max = 1_000_000) final long amount)
    {
        assertThat(ValueKind.DURATION.parse(Long.toString(amount))).isEqualTo(amount);
        assertThat(ValueKind.DURATION.parse(amount + "ms")).isEqualTo(amount);
        assertThat(ValueKind.DURATION.parse(amount + "s")).isEqualTo(amount * 1_000);
        assertThat(ValueKind.DURATION.parse(amount + "m")).isEqualTo(amount * 60_000);
    }

    @Property
    void shouldNeverAcceptANegativeNumberAsASizeOrDuration(@ForAll @LongRange(min = Long.MIN_VALUE, max = -1) final long amount)
    {
        assertThat(ValueKind.SIZE.parse(Long.toString(amount))).isNull();
        assertThat(ValueKind.DURATION.parse(Long.toString(amount))).isNull();
    }

    @Property
    void shouldWriteSizesAndDurationsBackToTheSameValue(@ForAll @LongRange(min = 0, max = 1L << 40) final long amount)
    {
        assertThat(ValueKind.SIZE.parse(ValueKind.SIZE.format(amount))).isEqualTo(amount);
        assertThat(ValueKind.DURATION.parse(ValueKind.DURATION.format(amount))).isEqualTo(amount);
        assertThat(ValueKind.SIZE.parse(ValueKind.SIZE.format(amount << 10))).isEqualTo(amount << 10);
    }

    @Property
    void shouldWriteWholeUnitsWithTheirUnit(@ForAll @LongRange(min = 1, max = 1_000) final long amount)
    {
        assertThat(ValueKind.SIZE.format(amount << 20)).isEqualTo(amount % 1024 == 0 ? (amount >> 10) + "GiB" : amount + "MiB");
        assertThat(ValueKind.DURATION.format(amount * 1_000)).endsWith(amount % 60 == 0 ? "m" : "s");
    }
}
