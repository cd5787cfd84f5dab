package dev.pulse.server.decide;

import org.agrona.MutableDirectBuffer;

import dev.pulse.detect.RecordFlyweight;
/**
 * The server's own part of a session record, stored right after the core's
 * {@link dev.pulse.detect.SessionStateFlyweight} in the same map entry: which connection owns the
 * session, the catalog version of its open question, the catalog version whose numbers the core
 * record's page kinds are, and its outcome windows ({@link OutcomeWindowsFlyweight}).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+-----------------------------------------------+
 *  |    version    |                  (reserved 7)                 |  0
 *  |                  ownerConnectionId (8)                        |  8
 *  |                  openCatalogVersion (8)                       | 16
 *  |                   lastConnectedMs (8)                         | 24
 *  |                   pageKindsVersion (8)                        | 32
 *  |                     recordedSeq (8)                           | 40
 *  |                   carryGeneration (8)                         | 48
 *  |                     (reserved 8)                              | 56
 *  |          outcome windows: 8 x 48 (OutcomeWindowsFlyweight)     | 64
 *  +---------------------------------------------------------------+ 448
 * </pre>
 *
 * {@code carryGeneration} took 8 of the 16 reserved bytes of layout 3 without a new version: every
 * record of layout 3 has them zero, which means "no summary issued yet", so a map written before
 * keeps resuming its sessions (the record's length, which the map checks, is the same).
 *
 * <p>Not thread-safe: used under the entry's lock, like the core record.
 */
public final class ServerSessionFlyweight extends RecordFlyweight
{
    /** 3: pageKindsVersion, and outcome windows remember the stuck page kind by its key. */
    public static final byte LAYOUT_VERSION = 3;
    public static final int WINDOWS_OFFSET = 64;
    public static final int LENGTH = WINDOWS_OFFSET + OutcomeWindowsFlyweight.LENGTH;
    public static final int VERSION_OFFSET = RECORD_VERSION_OFFSET;
    public static final int OWNER_CONNECTION_ID_OFFSET = 8;
    public static final int OPEN_CATALOG_VERSION_OFFSET = 16;
    public static final int LAST_CONNECTED_MS_OFFSET = 24;
    public static final int PAGE_KINDS_VERSION_OFFSET = 32;
    public static final int RECORDED_SEQ_OFFSET = 40;
    public static final int CARRY_GENERATION_OFFSET = 48;

    private final OutcomeWindowsFlyweight windows = new OutcomeWindowsFlyweight();

    public ServerSessionFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapRecord(buffer, offset);
        windows.wrap(buffer, offset + WINDOWS_OFFSET);
        return this;
    }

    /** The session's outcome windows, in this record. */
    public OutcomeWindowsFlyweight windows()
    {
        return windows;
    }

    public ServerSessionFlyweight init(final long nowMs)
    {
        clearRecord(LENGTH, LAYOUT_VERSION);
        buffer.putLong(offset + LAST_CONNECTED_MS_OFFSET, nowMs);
        return this;
    }

    public int version()
    {
        return recordVersion();
    }

    /** The connection that owns the session now (0: none). Only the owner applies events. */
    public long ownerConnectionId()
    {
        return buffer.getLong(offset + OWNER_CONNECTION_ID_OFFSET);
    }

    public ServerSessionFlyweight ownerConnectionId(final long connectionId)
    {
        buffer.putLong(offset + OWNER_CONNECTION_ID_OFFSET, connectionId);
        return this;
    }

    /** The catalog version hash the open question was asked under, so its answer routes by that version. */
    public long openCatalogVersion()
    {
        return buffer.getLong(offset + OPEN_CATALOG_VERSION_OFFSET);
    }

    public ServerSessionFlyweight openCatalogVersion(final long versionHash)
    {
        buffer.putLong(offset + OPEN_CATALOG_VERSION_OFFSET, versionHash);
        return this;
    }

    /**
     * A seq up to which every message of the session is known recorded (the journal had written its
     * records when it was acked). Recovery after a crash never takes a session's last seq below it.
     */
    public long recordedSeq()
    {
        return buffer.getLong(offset + RECORDED_SEQ_OFFSET);
    }

    public ServerSessionFlyweight recordedSeq(final long seq)
    {
        buffer.putLong(offset + RECORDED_SEQ_OFFSET, seq);
        return this;
    }

    /**
     * The catalog version hash whose kind numbers the core record's page kinds are (0: none yet). A
     * record read under another version is renumbered first, so a reload that inserts or reorders
     * page kinds does not change what the session's history means.
     */
    public long pageKindsVersion()
    {
        return buffer.getLong(offset + PAGE_KINDS_VERSION_OFFSET);
    }

    public ServerSessionFlyweight pageKindsVersion(final long versionHash)
    {
        buffer.putLong(offset + PAGE_KINDS_VERSION_OFFSET, versionHash);
        return this;
    }

    /**
     * The generation of the last carry ({@code dev.pulse.server.carry}) issued or taken for this
     * session on this node (0: none). A carry presented with a higher one was issued elsewhere
     * later: this node's state of the session is stale.
     */
    public long carryGeneration()
    {
        return buffer.getLong(offset + CARRY_GENERATION_OFFSET);
    }

    public ServerSessionFlyweight carryGeneration(final long generation)
    {
        buffer.putLong(offset + CARRY_GENERATION_OFFSET, generation);
        return this;
    }

    public long lastConnectedMs()
    {
        return buffer.getLong(offset + LAST_CONNECTED_MS_OFFSET);
    }

    public ServerSessionFlyweight lastConnectedMs(final long nowMs)
    {
        buffer.putLong(offset + LAST_CONNECTED_MS_OFFSET, nowMs);
        return this;
    }
}
