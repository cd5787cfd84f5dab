package dev.pulse.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks an existing session map file before Chronicle sees it, for what Chronicle handles badly: a
 * file this process may not read or write, one too short for its own header, and a blank header
 * (zeros, as a crash during creation leaves), on which Chronicle waits a minute before failing or,
 * when recovering, silently starts an empty map.
 *
 * <p>Chronicle's header: a checksum (8 bytes), a size word (4 bytes, little-endian: bit 31 set while
 * the map is being created or recovered, the low 30 bits the length of the self-describing header
 * that follows from byte 12).
 */
final class SessionMapFile
{
    static final int HEADER_OFFSET = 12;
    private static final int SIZE_WORD_OFFSET = 8;
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int SIZE_MASK = (1 << 30) - 1;

    private SessionMapFile()
    {
    }

    /**
     * Checks {@code file} if it exists. When {@code recover} and the header says a process died while
     * creating or recovering the map, marks the header complete again: recovery then runs at once
     * instead of Chronicle first waiting a minute for a process that is gone (the data directory's
     * lock rules out a live one).
     *
     * @throws SessionMapCorruptException if it cannot be a session map.
     * @throws SessionStoreException      if this process may not read and write it.
     */
    static void check(final Path file, final boolean recover) throws SessionStoreException
    {
        if (!Files.exists(file))
        {
            return;
        }
        if (!Files.isRegularFile(file))
        {
            throw new SessionStoreException("the session map " + file.toAbsolutePath() + " is not a regular file; move it away");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final long size = channel.size();
            if (size < HEADER_OFFSET)
            {
                throw new SessionMapCorruptException(file, size == 0 ? "it is empty (0 bytes)" :
                    "it has " + size + " bytes, fewer than the " + HEADER_OFFSET + " of a map's header", null);
            }
            final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (word.hasRemaining() && channel.read(word, SIZE_WORD_OFFSET + word.position()) >= 0)
            {
                // Read the size word fully.
            }
            final int sizeWord = word.getInt(0);
            final int headerLength = sizeWord & SIZE_MASK;
            if (headerLength == 0)
            {
                throw new SessionMapCorruptException(file, "its header is blank (zeros): the file was never completely written", null);
            }
            if (HEADER_OFFSET + (long)headerLength > size)
            {
                throw new SessionMapCorruptException(file, "its header claims " + headerLength + " bytes but the file has " + size, null);
            }
            if ((sizeWord & NOT_COMPLETE) != 0)
            {
                if (!recover)
                {
                    throw new SessionMapCorruptException(file, "it is marked as still being created or recovered, " +
                        "yet the server before stopped cleanly", null);
                }
                word.clear();
                word.putInt(0, sizeWord & ~NOT_COMPLETE);
                channel.write(word, SIZE_WORD_OFFSET);
            }
        }
        catch (final AccessDeniedException ex)
        {
            throw new SessionStoreException("the session map " + file.toAbsolutePath() + " cannot be read and written by this process " +
                "(permission denied). Give the server's user read and write access to it; it is not moved aside, as its sessions " +
                "may be fine", ex);
        }
        catch (final SessionStoreException ex)
        {
            throw ex;
        }
        catch (final IOException ex)
        {
            throw new SessionStoreException("the session map " + file.toAbsolutePath() + " cannot be read (" + ex + ")", ex);
        }
    }

    /**
     * A map whose records have another length than {@link SessionRecord#LENGTH} (made by a build with
     * another record layout): the flyweights would read and write past its entries, so it is refused.
     */
    static SessionStoreException otherRecordLength(final Path file, final long recordBytes)
    {
        return new SessionStoreException("the session map " + file.toAbsolutePath() + " holds records of " + recordBytes +
            " bytes, made by another version of Pulse (this one's are " + SessionRecord.LENGTH + " bytes). Its sessions cannot " +
            "be resumed by this version: move it aside (mv " + file + " " + file + ".old) and start again; visitors get new " +
            "sessions and the journal is untouched");
    }
}
