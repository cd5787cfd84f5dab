package dev.pulse.kafka;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped record's key: a session's records share one, so Kafka keeps them in one partition, in order. */
class ShippedRecordsTest
{
    @Test
    void aSessionsKeyIsItsSidAs32LowerCaseHexDigitsWithLeadingZeros()
    {
        assertThat(key(0x0123456789abcdefL, 0xfedcba9876543210L)).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(key(0, 1)).isEqualTo("00000000000000000000000000000001");
        assertThat(key(-1, 0)).isEqualTo("ffffffffffffffff0000000000000000");
    }

    @Test
    void aRecordOfNoSessionIsKeyedByItsNode()
    {
        assertThat(new String(ShippedRecords.key(0, 0, "node-é"), StandardCharsets.UTF_8)).isEqualTo("node-é");
    }

    private static String key(final long sidHi, final long sidLo)
    {
        return new String(ShippedRecords.key(sidHi, sidLo, "node-1"), StandardCharsets.US_ASCII);
    }
}
