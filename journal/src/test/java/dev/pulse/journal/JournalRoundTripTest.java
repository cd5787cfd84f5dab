package dev.pulse.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** Every producer method through a real journal and back through the reader and the printer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalRoundTripTest
{
    private static final long T = 1_795_478_400_123L; // 2026-11-24T00:00:00.123Z
    private static final long HI = 0x0123456789abcdefL;
    private static final long LO = 0xfedcba9876543210L;
    private static final long CATALOG = 0x00000000cafef00dL;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripEveryRecordTypeWithEveryField() throws Exception
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), metrics))
        {
            final JournalProxy proxy = journal.newProxy();
            final CharSequence[] context = {"lang", "fr", "device", new StringBuilder("mobile \"é\"")};
            assertThat(proxy.sessionStart(T, HI, LO, CATALOG, true, 0x5EED_F00DL, "shop.example", context, 4)).isTrue();
            assertThat(JournalRecords.signal(proxy, T + 1, HI, LO, CATALOG, "stuck-checkout", DetectorKind.BACK_AND_FORTH, Verdict.SHOWN, 7, "q-ship", null))
                .isTrue();
            assertThat(JournalRecords.questionShown(proxy, T + 2, HI, LO, CATALOG, 7, "stuck-checkout", "q-ship", "b", null, "checkout")).isTrue();
            assertThat(JournalRecords.answer(proxy, T + 3, HI, LO, CATALOG, 7, "q-ship", "c-cost")).isTrue();
            assertThat(JournalRecords.responseShown(proxy, T + 4, HI, LO, CATALOG, 7, "q-ship", "c-cost", "r-cost", "eu")).isTrue();
            assertThat(JournalRecords.dismiss(proxy, T + 5, HI, LO, CATALOG, 8, "q-other")).isTrue();
            assertThat(proxy.catalogReload(T + 6, false, "2026.11.3", 0xabcdef0123456789L, "catalog.yaml", 3)).isTrue();
            assertThat(proxy.sessionEnd(T + 7, HI, LO, SessionEndReason.REPLACED)).isTrue();
        }

        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).extracting(RecordSnapshot::type).containsExactly(
            JournalRecordType.SESSION_START, JournalRecordType.SIGNAL, JournalRecordType.QUESTION_SHOWN, JournalRecordType.ANSWER,
            JournalRecordType.RESPONSE_SHOWN, JournalRecordType.DISMISS, JournalRecordType.CATALOG_RELOAD, JournalRecordType.SESSION_END);
        assertThat(records).extracting(RecordSnapshot::timestampMs).containsExactly(T, T + 1, T + 2, T + 3, T + 4, T + 5, T + 6, T + 7);

        assertSession(records.get(0), CATALOG, 0x5EED_F00DL, 0, 1, "shop.example", "lang", "fr", "device", "mobile \"é\"");
        assertSession(records.get(1), CATALOG, DetectorKind.BACK_AND_FORTH.ordinal(), 7, Verdict.SHOWN.ordinal(),
            "stuck-checkout", "back_and_forth", "shown", "q-ship");
        assertSession(records.get(2), CATALOG, 0, 7, 0, "stuck-checkout", "q-ship", "b", "", "checkout");
        assertSession(records.get(3), CATALOG, 0, 7, 0, "q-ship", "c-cost");
        assertSession(records.get(4), CATALOG, 0, 7, 0, "q-ship", "c-cost", "r-cost", "eu");
        assertSession(records.get(5), CATALOG, 0, 8, 0, "q-other");
        final RecordSnapshot reload = records.get(6);
        assertThat(reload.sidHi()).isZero();
        assertThat(reload.sidLo()).isZero();
        assertThat(reload.catalogVersion()).isEqualTo(0xabcdef0123456789L);
        assertThat(reload.code()).isZero();
        assertThat(reload.value()).isEqualTo(3);
        assertThat(reload.strings()).containsExactly("2026.11.3", "abcdef0123456789", "catalog.yaml");
        assertSession(records.get(7), 0, 0, 0, SessionEndReason.REPLACED.ordinal());
    }

    @Test
    void shouldPrintEveryRecordTypeAsValidJson() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            proxy.sessionStart(T, HI, LO, CATALOG, false, 0, "shop", new CharSequence[] {"k\n", "v\t\u0001", "odd"}, 3);
            JournalRecords.signal(proxy, T, HI, LO, CATALOG, "t\\1", DetectorKind.FAILED_SEARCH, Verdict.SUPPRESSED_COOLDOWN, 0, "q", "running shoes");
            JournalRecords.questionShown(proxy, T, HI, LO, CATALOG, 7, "t", "q", "a", "seg", "cart");
            JournalRecords.answer(proxy, T, HI, LO, CATALOG, 7, "q", "c");
            JournalRecords.dismiss(proxy, T, HI, LO, CATALOG, 7, "q");
            JournalRecords.responseShown(proxy, T, HI, LO, CATALOG, 7, "q", "c", "r", "");
            proxy.catalogReload(T, true, "v1", 42, "file.yaml", 0);
            proxy.sessionEnd(T, HI, LO, SessionEndReason.EXPIRED);
        }

        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).hasSize(8);
        for (final RecordSnapshot record : records)
        {
            final JsonNode node = JSON.readTree(record.json());
            assertThat(node.get("type").asText()).isEqualTo(record.type().wireName());
            assertThat(node.get("time").asText()).isEqualTo("2026-11-24T00:00:00.123Z");
            assertThat(node.get("time_ms").asLong()).isEqualTo(T);
            assertThat(node.get("iid").asInt()).isEqualTo(record.iid());
            assertThat(node.get("code").asInt()).isEqualTo(record.code());
            assertThat(node.get("value").asLong()).isEqualTo(record.value());
            assertThat(record.json()).doesNotEndWith("\n");
        }
        final JsonNode start = JSON.readTree(records.get(0).json());
        assertThat(start.get("sid").asText()).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(start.get("catalog").asText()).isEqualTo("00000000cafef00d");
        assertThat(start.get("site").asText()).isEqualTo("shop");
        assertThat(start.get("context").get("k\n").asText()).isEqualTo("v\t\u0001");
        assertThat(start.get("context").get("odd").asText()).isEmpty();
        final JsonNode signal = JSON.readTree(records.get(1).json());
        assertThat(signal.get("trigger").asText()).isEqualTo("t\\1");
        assertThat(signal.get("detector").asText()).isEqualTo("failed_search");
        assertThat(signal.get("verdict").asText()).isEqualTo("cooldown");
        assertThat(signal.get("question").asText()).isEqualTo("q");
        assertThat(signal.get("query").asText()).matches("len=13;hmac=[0-9a-f]{16}");
        final JsonNode shown = JSON.readTree(records.get(2).json());
        assertThat(shown.get("variant").asText()).isEqualTo("a");
        assertThat(shown.get("segment").asText()).isEqualTo("seg");
        assertThat(shown.get("page_kind").asText()).isEqualTo("cart");
        assertThat(JSON.readTree(records.get(5).json()).get("response").asText()).isEqualTo("r");
        final JsonNode reload = JSON.readTree(records.get(6).json());
        assertThat(reload.has("sid")).isFalse();
        assertThat(reload.get("hash").asText()).isEqualTo("000000000000002a");
        assertThat(reload.get("source").asText()).isEqualTo("file.yaml");
        assertThat(JSON.readTree(records.get(7).json()).get("reason").asText()).isEqualTo("expired");
    }

    @Test
    void shouldKeepSearchTextInClearOnlyWhenConfigured() throws Exception
    {
        final JournalConfiguration clear = new JournalConfiguration(FsyncPolicy.NEVER, 0, 1 << 20, 1 << 20, true, null);
        try (Journal journal = Journal.open(dir, clear, new RecordingJournalMetrics()))
        {
            JournalRecords.signal(journal.newProxy(), T, HI, LO, CATALOG, "t", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 1, "q", "red shoes");
        }
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.next(record)).isTrue();
            assertThat(record.string("query")).isEqualTo("red shoes");
            assertThat(record.string("nonexistent")).isNull();
        }
        assertThat(dir.resolve(SearchHashKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void shouldHashSearchTextWithAKeyFileThatSurvivesRestarts() throws Exception
    {
        final JournalConfiguration hashed = new JournalConfiguration(FsyncPolicy.NEVER, 0, 1 << 20, 1 << 20, false, null);
        for (int run = 0; run < 2; run++)
        {
            try (Journal journal = Journal.open(dir, hashed, new RecordingJournalMetrics()))
            {
                JournalRecords.signal(journal.newProxy(), T, HI, LO, CATALOG, "t", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 1, "q", "red shoes");
            }
        }
        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).strings().get(4)).matches("len=9;hmac=[0-9a-f]{16}").isEqualTo(records.get(1).strings().get(4));
        assertThat(dir.resolve(SearchHashKey.FILE_NAME)).hasSize(JournalConfiguration.SEARCH_HASH_KEY_LENGTH);
    }

    @Test
    void shouldCapStringsAt1024BytesOnACodePointBoundary() throws Exception
    {
        final String euros = "€".repeat(400); // 3 bytes each: 1200 bytes, cut to 341 whole euros = 1023 bytes
        final String ascii = "x".repeat(2000);
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            JournalRecords.answer(journal.newProxy(), T, HI, LO, CATALOG, 1, euros, ascii);
        }
        final RecordSnapshot record = RecordSnapshot.readAll(dir).get(0);
        assertThat(record.strings().get(0)).isEqualTo("€".repeat(341));
        assertThat(record.strings().get(0).getBytes(StandardCharsets.UTF_8)).hasSize(1023);
        assertThat(record.strings().get(1)).isEqualTo("x".repeat(1024));
    }

    @Test
    void shouldAppendAfterExistingRecordsOnReopen() throws Exception
    {
        for (int run = 0; run < 3; run++)
        {
            try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
            {
                JournalRecords.dismiss(journal.newProxy(), T + run, HI, LO, CATALOG, run, "q");
            }
        }
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactly(0, 1, 2);
    }

    private static void assertSession(final RecordSnapshot record, final long catalog, final long value, final int iid, final int code,
        final String... strings)
    {
        assertThat(record.sidHi()).isEqualTo(HI);
        assertThat(record.sidLo()).isEqualTo(LO);
        assertThat(record.catalogVersion()).isEqualTo(catalog);
        assertThat(record.value()).isEqualTo(value);
        assertThat(record.iid()).isEqualTo(iid);
        assertThat(record.code()).isEqualTo(code);
        assertThat(record.strings()).containsExactly(strings);
    }
}
