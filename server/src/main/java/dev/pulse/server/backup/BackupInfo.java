package dev.pulse.server.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * What a backup holds and when it was taken, kept in its {@value BackupLayout#INFO} and answered to
 * the request that made it. The backup point is the end of the journal's copy: its last segment up
 * to {@code journalLastSegmentBytes}; the session map was copied after it, so it may be ahead of the
 * journal by the events of those milliseconds, as after a crash.
 *
 * @param name                     the backup's directory name (its UTC time).
 * @param createdMs                when the backup point was taken (wall clock).
 * @param pulseVersion             the version of Pulse that wrote it.
 * @param sessionRecordBytes       its session records' length: a Pulse with another length cannot read its sessions.
 * @param sessions                 sessions in the copied map.
 * @param journalSegments          segment files copied.
 * @param journalBytes             their bytes.
 * @param journalRecords           their records.
 * @param journalLastSegment       the index of the last one (-1: the journal was empty).
 * @param journalLastSegmentBytes  where the copy of the last one ends.
 * @param journalLastRecordMs      the time of the last record copied (0: none).
 * @param catalogs                 catalog versions copied.
 * @param tookMs                   how long the backup took.
 */
public record BackupInfo(String name, long createdMs, String pulseVersion, int sessionRecordBytes, long sessions, int journalSegments,
    long journalBytes, long journalRecords, long journalLastSegment, long journalLastSegmentBytes, long journalLastRecordMs, int catalogs,
    long tookMs)
{
    private static final JsonFactory JSON = new JsonFactory();

    /** Writes it as {@value BackupLayout#INFO} into {@code backup}, forced. */
    void write(final Path backup) throws IOException
    {
        final Properties properties = new Properties();
        properties.setProperty("name", name);
        properties.setProperty("created", Instant.ofEpochMilli(createdMs).toString());
        properties.setProperty("pulse_version", pulseVersion);
        properties.setProperty("session_record_bytes", Integer.toString(sessionRecordBytes));
        properties.setProperty("sessions", Long.toString(sessions));
        properties.setProperty("journal_segments", Integer.toString(journalSegments));
        properties.setProperty("journal_bytes", Long.toString(journalBytes));
        properties.setProperty("journal_records", Long.toString(journalRecords));
        properties.setProperty("journal_last_segment", Long.toString(journalLastSegment));
        properties.setProperty("journal_last_segment_bytes", Long.toString(journalLastSegmentBytes));
        properties.setProperty("journal_last_record", journalLastRecordMs == 0 ? "" : Instant.ofEpochMilli(journalLastRecordMs).toString());
        properties.setProperty("catalogs", Integer.toString(catalogs));
        properties.setProperty("took_ms", Long.toString(tookMs));
        final Path file = backup.resolve(BackupLayout.INFO);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            properties.store(out, "Pulse backup: pulse backup verify DIR checks it, pulse backup restore DIR --data NEW restores it");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }

    /** Reads {@value BackupLayout#INFO} of {@code backup}. */
    static BackupInfo read(final Path backup) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(backup.resolve(BackupLayout.INFO), StandardCharsets.UTF_8))
        {
            properties.load(in);
        }
        try
        {
            final String lastRecord = properties.getProperty("journal_last_record", "");
            return new BackupInfo(properties.getProperty("name"), Instant.parse(properties.getProperty("created")).toEpochMilli(),
                properties.getProperty("pulse_version"), Integer.parseInt(properties.getProperty("session_record_bytes")),
                Long.parseLong(properties.getProperty("sessions")), Integer.parseInt(properties.getProperty("journal_segments")),
                Long.parseLong(properties.getProperty("journal_bytes")), Long.parseLong(properties.getProperty("journal_records")),
                Long.parseLong(properties.getProperty("journal_last_segment")),
                Long.parseLong(properties.getProperty("journal_last_segment_bytes")),
                lastRecord.isEmpty() ? 0 : Instant.parse(lastRecord).toEpochMilli(), Integer.parseInt(properties.getProperty("catalogs")),
                Long.parseLong(properties.getProperty("took_ms")));
        }
        catch (final RuntimeException ex)
        {
            throw new BackupDamagedException(backup, BackupLayout.INFO + " cannot be read (" + ex + ")");
        }
    }

    /** As JSON, with where the backup is: the answer to the request that made it. */
    String toJson(final Path backup)
    {
        final StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text))
        {
            json.writeStartObject();
            json.writeStringField("backup", name);
            json.writeStringField("path", backup.toAbsolutePath().toString());
            json.writeStringField("created", Instant.ofEpochMilli(createdMs).toString());
            json.writeNumberField("sessions", sessions);
            json.writeObjectFieldStart("journal");
            json.writeNumberField("segments", journalSegments);
            json.writeNumberField("bytes", journalBytes);
            json.writeNumberField("records", journalRecords);
            json.writeNumberField("last_segment", journalLastSegment);
            json.writeNumberField("last_segment_bytes", journalLastSegmentBytes);
            json.writeStringField("last_record", journalLastRecordMs == 0 ? null : Instant.ofEpochMilli(journalLastRecordMs).toString());
            json.writeEndObject();
            json.writeNumberField("catalogs", catalogs);
            json.writeNumberField("took_ms", tookMs);
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }
}
