/**
 * The journal: an append-only record on disk of everything the product team needs (sessions,
 * signals and the governor's verdicts, questions shown, answers, dismisses, responses, catalog
 * reloads), written off the event loops.
 *
 * <h2>Path of a record</h2>
 * An event loop's {@link dev.pulse.journal.JournalProxy} builds each record with its one reused
 * fluent {@link dev.pulse.journal.JournalRecordEncoder}
 * ({@code record(type).timeMs(t).sid(hi, lo)...string(s)...commit()}), which claims the record's exact
 * length in one Agrona {@code ManyToOneRingBuffer} and copies it in (no allocation, no blocking; false
 * and a dropped-record count when the ring is full). The session machine's decisions reach it as one
 * reused {@code DecisionRecord} each, whose {@code writeTo} maps their fields onto the layout. One thread, {@code pulse-journal} ({@code JournalAgent}
 * under an {@code AgentRunner} with a backoff idle strategy), drains the ring in batches, frames each
 * record and writes each batch with one {@code write} call.
 *
 * <h2>On disk</h2>
 * {@code segment-<20-digit index>.journal} files, index 0, 1, 2...; a segment rolls when the next
 * frame would pass {@code segmentBytes}. Each frame is {@code length u32 | type u16 | reserved u16 |
 * payload | crc32c u32}, little-endian, the CRC32C over type, reserved and payload
 * ({@code JournalFrameDescriptor}); the payload is a
 * {@link dev.pulse.journal.JournalRecordFlyweight}.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A record is in the file (write returned) once {@link dev.pulse.journal.Journal#writtenPosition()}
 *   reaches its proxy's {@code lastPosition()}; under {@code FsyncPolicy.ALWAYS} it is also forced.
 *   {@code INTERVAL} forces at most every {@code fsyncIntervalMs} (a power cut may lose that long),
 *   {@code NEVER} only on close. A process crash loses only what was still in the ring.</li>
 *   <li>Records of one producer are written in the order it committed them; nothing is written twice.</li>
 *   <li>When writes fail the journal reports unhealthy, keeps the failed batch, lets records wait in
 *   the ring (dropping, counted, once it is full), retries about once a second, and on success writes
 *   what waited, in order.</li>
 *   <li>On open, a torn tail of the last segment (no valid frame after the first bad one) is cut at the
 *   last valid frame and logged; damage with valid frames after it is quarantined: the segment is copied
 *   to {@code quarantine/} with a reason file, cut to its valid frames, and writing goes on in a fresh
 *   segment ({@code pulse_journal_quarantined_segments}). Readers
 *   ({@link dev.pulse.journal.JournalReader}) never return a record that fails its CRC.</li>
 *   <li>Upkeep ({@link dev.pulse.journal.JournalUpkeep}, its own thread): sealed segments past the
 *   retention are deleted oldest first; sealed segments holding records of an erased session
 *   ({@code SESSION_ERASED}) are rewritten without them, crash-safe (a temporary file forced, then
 *   renamed atomically); the segment being written is sealed once it holds such records and is older
 *   than the erasure delay.</li>
 *   <li>Search text is kept as {@code len=<chars>;hmac=<16 hex>} (HMAC-SHA256 with a key in
 *   {@code search-hash.key}) unless configured in clear.</li>
 * </ul>
 */
package dev.pulse.journal;
