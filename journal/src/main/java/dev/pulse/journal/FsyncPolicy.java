package dev.pulse.journal;

/** When the journal forces its writes to the disk. */
public enum FsyncPolicy
{
    /** After every batch the journal thread writes: nothing acknowledged is lost to a power cut. */
    ALWAYS,
    /** At most every {@code fsyncIntervalMs}: a power cut may lose that long. */
    INTERVAL,
    /** Never: the operating system flushes when it likes. A process crash still loses nothing written. */
    NEVER
}
