package dev.pulse.server.e2e.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.session.SessionId;

/**
 * A journal read once, end to end, with the project's {@link JournalReader} (which throws on
 * damage anywhere but a torn tail): records by type, the questions shown as "sid/iid", and per
 * session the seqs of its captured events.
 */
final class JournalScan
{
    final Map<JournalRecordType, Integer> counts = new EnumMap<>(JournalRecordType.class);
    final Set<String> questionsShown = new HashSet<>();
    final Map<String, Set<Long>> capturedSeqs = new HashMap<>();
    /** Per session, the question ids of its QUESTION_SHOWN records in journal order. */
    final Map<String, List<String>> questionIdsBySid = new HashMap<>();
    int rejectedReloads;
    int records;

    static JournalScan read(final Path journalDir) throws IOException
    {
        final JournalScan scan = new JournalScan();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                scan.add(record);
            }
        }
        return scan;
    }

    private void add(final JournalRecordFlyweight record)
    {
        records++;
        counts.merge(record.type(), 1, Integer::sum);
        switch (record.type())
        {
            case QUESTION_SHOWN:
                questionsShown.add(SessionId.toString(record.sidHi(), record.sidLo()) + "/" + record.iid());
                questionIdsBySid.computeIfAbsent(SessionId.toString(record.sidHi(), record.sidLo()), sid -> new ArrayList<>())
                    .add(record.string(1));
                break;
            case RAW_EVENT:
                capturedSeqs.computeIfAbsent(SessionId.toString(record.sidHi(), record.sidLo()), sid -> new HashSet<>()).add(record.value());
                break;
            case CATALOG_RELOAD:
                rejectedReloads += record.code() == 0 ? 1 : 0;
                break;
            default:
                break;
        }
    }

    int count(final JournalRecordType type)
    {
        return counts.getOrDefault(type, 0);
    }
}
