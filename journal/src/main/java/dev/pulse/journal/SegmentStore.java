package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The journal writer's only way to the disk: opening segment files and the four things done to
 * them. A seam so that tests can fail a write (disk full), a force or an open, and count forces;
 * {@link FileSegmentStore} is the real thing.
 */
interface SegmentStore
{
    /** Opens segment {@code index} for writing, creating it if it does not exist. */
    SegmentFile open(long index) throws IOException;

    /** One open segment file. Used by the journal thread only. */
    interface SegmentFile
    {
        /** Writes all of {@code source} (position to limit) at {@code filePosition}, or throws. */
        void write(ByteBuffer source, long filePosition) throws IOException;

        /** Forces written data to the storage device (fdatasync). */
        void force() throws IOException;

        /** Cuts the file to {@code size} bytes: the partial batch a failed write left behind. */
        void truncate(long size) throws IOException;

        void close() throws IOException;
    }
}
