package dev.pulse.kafka;

import java.nio.charset.StandardCharsets;

/**
 * How a journal record travels on the Kafka topic; the shipper writes it and every consumer (the
 * cluster report, a data team's own) reads it:
 * <ul>
 *   <li>key: the session's id as 32 lower-case hex characters, so a session's records stay in order
 *   in one partition; a record of no session (a catalog reload) is keyed by its node's id;</li>
 *   <li>value: the frame exactly as in the node's segment file (length, type, reserved, payload,
 *   CRC32C, little-endian; see docs/architecture.md, "The journal on disk"), so a consumer checks
 *   the CRC and reads it with the journal module's flyweight;</li>
 *   <li>header {@link #ID_HEADER}: the {@link dev.pulse.journal.RecordId}, for dropping duplicates.</li>
 * </ul>
 */
public final class ShippedRecords
{
    /** The header holding the record's {@link RecordId} as UTF-8 text. */
    public static final String ID_HEADER = "pulse-id";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The topic when none is configured. */
    public static final String DEFAULT_TOPIC = "pulse-journal";

    private ShippedRecords()
    {
    }

    /** The key of a record of session {@code sidHi:sidLo}, or of node {@code node} when the sid is 0. */
    public static byte[] key(final long sidHi, final long sidLo, final String node)
    {
        if (sidHi == 0 && sidLo == 0)
        {
            return node.getBytes(StandardCharsets.UTF_8);
        }
        final byte[] key = new byte[32];
        hex16(sidHi, key, 0);
        hex16(sidLo, key, 16);
        return key;
    }

    private static void hex16(final long value, final byte[] into, final int at)
    {
        for (int i = 0; i < 16; i++)
        {
            into[at + i] = HEX[(int)(value >>> (60 - 4 * i)) & 0xF];
        }
    }
}
