package dev.pulse.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * A journal reader's durable position ({@link TailPosition}): one short line,
 * {@code pulse-tail v1 <segment> <offset> <crc32c hex>}, written to a temporary file, forced,
 * renamed over the old one atomically, and the directory forced. A crash leaves the old position or
 * the new one, never a mix; the CRC catches a file damaged later. A reader resuming from an old
 * position reads some records again: downstream drops them by record id.
 */
public final class TailOffsetFile
{
    private static final String MAGIC = "pulse-tail v1";
    private final Path file;

    public TailOffsetFile(final Path file)
    {
        this.file = file;
    }

    public Path path()
    {
        return file;
    }

    /**
     * The position last written; null if none was.
     *
     * @throws IOException if the file cannot be read or is not one this class wrote (the message says which).
     */
    public TailPosition read() throws IOException
    {
        if (!Files.exists(file))
        {
            return null;
        }
        final String line = Files.readString(file, StandardCharsets.US_ASCII).strip();
        final String[] parts = line.split(" ");
        if (parts.length != 5 || !(parts[0] + " " + parts[1]).equals(MAGIC))
        {
            throw new IOException(file + " is not a journal position (expected '" + MAGIC + " <segment> <offset> <crc>')");
        }
        final String body = parts[0] + " " + parts[1] + " " + parts[2] + " " + parts[3];
        if (!crcHex(body).equals(parts[4]))
        {
            throw new IOException(file + " is damaged: its checksum does not match");
        }
        try
        {
            return new TailPosition(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IOException(file + " holds an impossible position: " + ex.getMessage(), ex);
        }
    }

    /** Makes {@code position} the durable one. */
    public void write(final TailPosition position) throws IOException
    {
        final String body = MAGIC + " " + position.segment() + " " + position.offset();
        DurableFile.write(file, (body + " " + crcHex(body) + "\n").getBytes(StandardCharsets.US_ASCII), false);
    }

    private static String crcHex(final String body)
    {
        final CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().toHexDigits((int)crc.getValue());
    }
}
