package dev.pulse.cluster;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.RecordId;

/**
 * One record of a node's journal, as the drill's checks need it: its id in the cluster, its type,
 * its session (32 hex digits, or "" for a record of no session), its time, the question it names
 * (question records only, else "") and its frame as on disk (for the merged journal).
 */
record JournalEntry(RecordId id, JournalRecordType type, String sid, long timestampMs, String question, byte[] frame)
{
}
