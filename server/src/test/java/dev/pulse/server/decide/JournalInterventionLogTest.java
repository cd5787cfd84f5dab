package dev.pulse.server.decide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.JournalRecords;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live decision log writes each kind of decision as the journal's record of it, field for field
 * as the layout spelled out in {@link JournalRecords} (which the round-trip tests pin), stamped with
 * the wall time of the message rather than the machine's time, and carrying the message's seq.
 */
class JournalInterventionLogTest
{
    private static final long MACHINE_MS = 5_000;
    private static final long WALL_MS = 1_795_478_400_123L;
    private static final long HI = 0x0123456789abcdefL;
    private static final long LO = 0xfedcba9876543210L;
    private static final long CATALOG = 0xcafef00dL;
    private static final long SEQ = 41;

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryDecisionAsTheJournalsRecordOfIt() throws Exception
    {
        final Path live = dir.resolve("live");
        final Path spelled = dir.resolve("spelled");
        try (Journal journal = Journal.open(live, configuration(), new Metrics()))
        {
            final Metrics metrics = new Metrics();
            final JournalProxy proxy = journal.newProxy();
            final InterventionLog log = new JournalInterventionLog(proxy, journal, metrics, () -> WALL_MS);
            final DecisionRecord d = new DecisionRecord();
            proxy.beginMessage(SEQ);
            assertThat(log.record(d.begin(JournalRecordType.SIGNAL, MACHINE_MS, HI, LO, CATALOG).trigger("no-results")
                .signal(DetectorKind.FAILED_SEARCH, Verdict.SHOWN).iid(7).question("q-find").searchQuery(new StringBuilder("red shoes"))))
                .isTrue();
            log.record(d.begin(JournalRecordType.SIGNAL, MACHINE_MS, HI, LO, CATALOG).trigger("loop")
                .signal(DetectorKind.BACK_AND_FORTH, Verdict.SUPPRESSED_COOLDOWN).question("q-loop"));
            log.record(d.begin(JournalRecordType.QUESTION_SHOWN, MACHINE_MS, HI, LO, CATALOG).iid(7).trigger("no-results")
                .question("q-find").variant("b").pageKind("search"));
            log.record(d.begin(JournalRecordType.ANSWER, MACHINE_MS, HI, LO, CATALOG).iid(7).question("q-find").choice("c-size"));
            log.record(d.begin(JournalRecordType.RESPONSE_SHOWN, MACHINE_MS, HI, LO, CATALOG).iid(7).question("q-find").choice("c-size")
                .response("r-size").segment("eu"));
            log.record(d.begin(JournalRecordType.DISMISS, MACHINE_MS, HI, LO, CATALOG).iid(8).question("q-other"));
            log.record(d.begin(JournalRecordType.OUTCOME, MACHINE_MS, HI, LO, CATALOG).outcome(OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 900)
                .iid(7).trigger("no-results").question("q-find").variant("b").choice("c-size").response("r-size").stuckKind("search"));
            assertThat(proxy.endMessage()).isTrue();
            assertThat(proxy.lastMessageRecords()).isEqualTo(7);
        }
        try (Journal journal = Journal.open(spelled, configuration(), new Metrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            proxy.beginMessage(SEQ);
            JournalRecords.signal(proxy, WALL_MS, HI, LO, CATALOG, "no-results", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 7, "q-find",
                "red shoes");
            JournalRecords.signal(proxy, WALL_MS, HI, LO, CATALOG, "loop", DetectorKind.BACK_AND_FORTH, Verdict.SUPPRESSED_COOLDOWN, 0,
                "q-loop", null);
            JournalRecords.questionShown(proxy, WALL_MS, HI, LO, CATALOG, 7, "no-results", "q-find", "b", null, "search");
            JournalRecords.answer(proxy, WALL_MS, HI, LO, CATALOG, 7, "q-find", "c-size");
            JournalRecords.responseShown(proxy, WALL_MS, HI, LO, CATALOG, 7, "q-find", "c-size", "r-size", "eu");
            JournalRecords.dismiss(proxy, WALL_MS, HI, LO, CATALOG, 8, "q-other");
            JournalRecords.outcome(proxy, WALL_MS, HI, LO, CATALOG, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 7, 900, "no-results", "q-find",
                "b", "c-size", "r-size", "search");
            assertThat(proxy.endMessage()).isTrue();
        }

        final List<String> written = records(live);
        assertThat(written).hasSize(7);
        assertThat(written).containsExactlyElementsOf(records(spelled));
        assertThat(written.get(0)).contains("SIGNAL " + WALL_MS + " ").contains("len=9;hmac=").endsWith(" seq=" + SEQ);
    }

    /** One search-hash key for both journals, so hidden queries compare equal. */
    private static JournalConfiguration configuration()
    {
        return new JournalConfiguration(FsyncPolicy.NEVER, 0, 1 << 20, 1 << 20, false,
            new byte[JournalConfiguration.SEARCH_HASH_KEY_LENGTH]);
    }

    /** Every record's fields, strings and seq as a line of text. */
    private static List<String> records(final Path dir) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            while (reader.next(record))
            {
                final StringBuilder line = new StringBuilder().append(record.type()).append(' ').append(record.timestampMs()).append(' ')
                    .append(record.sidHi()).append(' ').append(record.sidLo()).append(' ').append(record.catalogVersion()).append(' ')
                    .append(record.value()).append(' ').append(record.iid()).append(' ').append(record.code()).append(' ')
                    .append(record.length());
                for (int i = 0; i < record.stringCount(); i++)
                {
                    line.append(" [").append(record.string(i)).append(']');
                }
                lines.add(line.append(" seq=").append(record.seq()).toString());
            }
        }
        return lines;
    }
}
