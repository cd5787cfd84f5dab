package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.loadtest.KillLoopCheck.SessionLedger;

/**
 * The kill loop's checker on synthetic journals: a clean one passes, and a missing record of an
 * acked message, a second record of one message, and a record of a seq never sent each fail and
 * are counted as what they are.
 */
class KillLoopCheckTest
{
    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "fedcba9876543210fedcba9876543210";
    /** Session A sent 1..4 and had 1..3 acked; session B sent 1..2, both acked. */
    private static final List<SessionLedger> LEDGERS = List.of(new SessionLedger(A, 4, 3), new SessionLedger(B, 2, 2));

    @Test
    void shouldPassWhenEveryAckedMessageHasExactlyOneRecord() throws Exception
    {
        final KillLoopCheck check = check(
            hello(A), event(A, 1), event(A, 2), timer(A), event(A, 3),
            hello(B), event(B, 1), event(B, 2),
            "{\"type\":\"catalog_reload\",\"time_ms\":1,\"catalog\":\"00\",\"iid\":0,\"code\":1,\"value\":7,\"version\":\"v\"}");

        assertThat(check.ok()).isTrue();
        assertThat(check.sessions()).isEqualTo(2);
        assertThat(check.sent()).isEqualTo(6);
        assertThat(check.acked()).isEqualTo(5);
        assertThat(check.records()).isEqualTo(5);
        assertThat(counts(check)).isEqualTo(new long[] {0, 0, 0});
    }

    @Test
    void shouldAcceptASentButUnackedMessageWithOneRecordOrNone() throws Exception
    {
        assertThat(check(event(A, 1), event(A, 2), event(A, 3), event(A, 4), event(B, 1), event(B, 2)).ok()).isTrue();
    }

    @Test
    void shouldReportAnAckedMessageWithoutARecordAsMissing() throws Exception
    {
        final KillLoopCheck check = check(event(A, 1), event(A, 3), event(B, 1), event(B, 2));

        assertThat(check.ok()).isFalse();
        assertThat(counts(check)).isEqualTo(new long[] {1, 0, 0});
    }

    @Test
    void shouldReportAMessageRecordedTwiceAsDuplicatedEvenWhenNotAcked() throws Exception
    {
        final KillLoopCheck acked = check(event(A, 1), event(A, 2), event(A, 2), event(A, 3), event(B, 1), event(B, 2));
        final KillLoopCheck unacked = check(event(A, 1), event(A, 2), event(A, 3), event(A, 4), event(A, 4), event(B, 1), event(B, 2));

        assertThat(acked.ok()).isFalse();
        assertThat(counts(acked)).isEqualTo(new long[] {0, 1, 0});
        assertThat(unacked.ok()).isFalse();
        assertThat(counts(unacked)).isEqualTo(new long[] {0, 1, 0});
    }

    @Test
    void shouldReportARecordOfASeqNeverSentOrOfAnUnknownSession() throws Exception
    {
        final KillLoopCheck aboveSent = check(event(A, 1), event(A, 2), event(A, 3), event(A, 5), event(B, 1), event(B, 2));
        final KillLoopCheck unknown = check(event(A, 1), event(A, 2), event(A, 3), event(B, 1), event(B, 2),
            event("11111111111111111111111111111111", 1));

        assertThat(aboveSent.ok()).isFalse();
        assertThat(counts(aboveSent)).isEqualTo(new long[] {0, 0, 1});
        assertThat(unknown.ok()).isFalse();
        assertThat(counts(unknown)).isEqualTo(new long[] {0, 0, 1});
    }

    @Test
    void shouldCountEachKindOfFailureInOneJournal() throws Exception
    {
        final KillLoopCheck check = check(event(A, 1), event(A, 1), event(A, 3), event(A, 9), event(B, 2));

        assertThat(counts(check)).isEqualTo(new long[] {2, 1, 1});
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        check.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(
            "sessions 2, messages sent 6, acked 5, records 5, missing 2, duplicated 1, unsent-with-record 1" + System.lineSeparator());
    }

    private static KillLoopCheck check(final String... lines) throws Exception
    {
        final KillLoopCheck check = new KillLoopCheck(LEDGERS);
        check.readJournal(new BufferedReader(new StringReader(String.join("\n", lines))));
        return check;
    }

    private static long[] counts(final KillLoopCheck check)
    {
        return new long[] {check.missing(), check.duplicated(), check.unsentWithRecord()};
    }

    /** A raw event as {@code pulse journal cat} prints it, fields object and all. */
    private static String event(final String sid, final long seq)
    {
        return "{\"type\":\"raw_event\",\"time\":\"2026-12-06T16:42:15.298Z\",\"time_ms\":1796575335298,\"sid\":\"" + sid +
            "\",\"catalog\":\"163e00171a5f40f6\",\"iid\":0,\"code\":3,\"value\":" + seq +
            ",\"fields\":{\"target\":\"#buy\",\"x\":\"1\",\"y\":\"2\"}}";
    }

    private static String hello(final String sid)
    {
        return "{\"type\":\"raw_event\",\"time_ms\":1,\"sid\":\"" + sid + "\",\"catalog\":\"00\",\"iid\":0,\"code\":0,\"value\":0," +
            "\"fields\":{\"resumed\":\"0\"}}";
    }

    private static String timer(final String sid)
    {
        return "{\"type\":\"raw_event\",\"time_ms\":1,\"sid\":\"" + sid + "\",\"catalog\":\"00\",\"iid\":0,\"code\":12,\"value\":0}";
    }
}
