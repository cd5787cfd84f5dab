package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;

/**
 * Writes a journal as a live server would, through the real journal code: sessions that start with
 * context, browse (raw events with urls, clicks and hashed search text), get stuck, are asked,
 * answer or dismiss, see a response, reach an outcome and end; catalog reloads between them.
 * Deterministic for a seed. Small segments, so damage can be put in the last one or an earlier one.
 */
final class RealisticJournal
{
    static final long SEGMENT_BYTES = 16 * 1024;
    private static final long T0 = 1_795_478_400_000L;
    private static final String[] PAGES = {"/", "/search?q=shoes", "/faq/shipping", "/pricing", "/cart", "/checkout", "/product/42"};
    private static final String[] QUERIES = {"blue running shoes", "gift card", "returns", "größe 44", "订单"};

    private RealisticJournal()
    {
    }

    /** Writes {@code sessions} sessions' records into {@code dir} and closes the journal. */
    static void write(final Path dir, final int sessions, final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        try (Journal journal = Journal.open(dir, configuration(), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            long now = T0;
            proxy.catalogReload(now, true, "2026.11.1", 0x1234_5678_9abc_def0L, "catalog.yaml", 0);
            for (int s = 0; s < sessions; s++)
            {
                now = session(proxy, random, now);
                // A session fits the ring; waiting here keeps a busy machine from dropping records, so
                // the journal is the same for a seed (segments are filled frame by frame whatever the batches).
                JournalTesting.awaitWritten(journal, proxy);
                if (s % 10 == 9)
                {
                    proxy.catalogReload(now, s % 20 == 19, "2026.11." + (s / 10 + 2), random.nextLong(), "catalog.yaml", s % 20 == 19 ? 0 : 2);
                }
            }
        }
    }

    static JournalConfiguration configuration()
    {
        return JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024);
    }

    private static long session(final JournalProxy proxy, final SplittableRandom random, final long start)
    {
        final long hi = random.nextLong();
        final long lo = random.nextLong();
        final long catalog = 0x1234_5678_9abc_def0L;
        long now = start + random.nextInt(5_000);
        final CharSequence[] context = {"device", random.nextBoolean() ? "mobile" : "desktop", "tier", "pro"};
        // The visitor is derived, not drawn: another draw would shift every record after it.
        final long visitor = hi * 31 + lo;
        proxy.sessionStart(now, hi, lo, catalog, random.nextInt(4) == 0, visitor, "acme", context, 4);
        proxy.rawEvent(now, hi, lo, catalog, RawEventKind.HELLO, 0, 0, new CharSequence[] {"resumed", "0"}, 2);
        long seq = 0;
        final int events = 3 + random.nextInt(12);
        for (int e = 0; e < events; e++)
        {
            now += 200 + random.nextInt(20_000);
            switch (random.nextInt(3))
            {
                case 0:
                    proxy.rawEvent(now, hi, lo, catalog, RawEventKind.PAGE, ++seq, 0,
                        new CharSequence[] {"url", PAGES[random.nextInt(PAGES.length)], "nav", random.nextBoolean() ? "navigate" : "back"}, 4);
                    break;
                case 1:
                    proxy.rawEvent(now, hi, lo, catalog, RawEventKind.CLICK, ++seq, 0,
                        new CharSequence[] {"target", "button#add-to-cart", "x", Integer.toString(random.nextInt(1920)), "y",
                            Integer.toString(random.nextInt(1080))}, 6);
                    break;
                default:
                    proxy.rawEvent(now, hi, lo, catalog, RawEventKind.SEARCH, ++seq, 0,
                        new CharSequence[] {"q", QUERIES[random.nextInt(QUERIES.length)], "results", "0"}, 4);
                    break;
            }
        }
        if (random.nextInt(3) > 0)
        {
            final int iid = 1 + random.nextInt(8);
            final boolean search = random.nextBoolean();
            final String trigger = search ? "search-dead-ends" : "pricing-faq-loop";
            final String question = search ? "cant-find" : "hard-to-decide";
            JournalRecords.signal(proxy, now, hi, lo, catalog, trigger, search ? DetectorKind.FAILED_SEARCH : DetectorKind.BACK_AND_FORTH, Verdict.SHOWN,
                iid, question, search ? QUERIES[random.nextInt(QUERIES.length)] : null);
            JournalRecords.questionShown(proxy, now, hi, lo, catalog, iid, trigger, question, random.nextBoolean() ? "a" : "b", null, "pricing");
            now += 1_000 + random.nextInt(9_000);
            if (random.nextBoolean())
            {
                proxy.rawEvent(now, hi, lo, catalog, RawEventKind.ANSWER, ++seq, iid, new CharSequence[] {"iid", Integer.toString(iid),
                    "choice", "price"}, 4);
                JournalRecords.answer(proxy, now, hi, lo, catalog, iid, question, "price");
                JournalRecords.responseShown(proxy, now, hi, lo, catalog, iid, question, "price", "pricing-value", null);
            }
            else
            {
                JournalRecords.dismiss(proxy, now, hi, lo, catalog, iid, question);
            }
            now += 60_000;
            JournalRecords.outcome(proxy, now, hi, lo, catalog, OutcomeKind.values()[random.nextInt(3)], OutcomeGroup.SHOWN, iid, 60_000, trigger, question,
                "a", "price", "pricing-value", "back_and_forth");
        }
        proxy.sessionEnd(now + 1_800_000, hi, lo, SessionEndReason.EXPIRED);
        return now;
    }
}
