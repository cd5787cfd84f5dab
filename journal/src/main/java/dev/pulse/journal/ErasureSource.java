package dev.pulse.journal;

/**
 * Who asked for a session's erasure: the code of a {@link JournalRecordType#SESSION_ERASED}
 * record. Ordinals are written to disk: append only.
 */
public enum ErasureSource
{
    /** {@code DELETE /admin/sessions/SID}. */
    ADMIN_SESSION,
    /** {@code DELETE /admin/visitors/VID}: one record per session of the visitor. */
    ADMIN_VISITOR,
    /** The snippet's {@code forget} message ({@code Pulse.consent(false)}). */
    CLIENT_FORGET
}
