package dev.pulse.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The per-event benchmarks' stream of client messages: 65,536 event messages in a mix of the
 * protocol's kinds (activity 35%, pages 22% with a sixth of them back, clicks 15%, searches 10%, visibility, form
 * errors, exit intent, goals), each for one of {@code sessions} sessions drawn at random, so that
 * consecutive messages meet different session records. Each message's seq is a 20-character,
 * space-padded field patched in place ({@link #withSeq}), so one script serves any number of passes
 * without allocating.
 *
 * <p>Not thread-safe: one per benchmark state.
 */
public final class EventScript
{
    private static final int LENGTH = 1 << 16;
    private static final String SEQ_FIELD = "\"seq\":";
    private static final int SEQ_WIDTH = 20;
    private static final String[] PAGES = {"/demo", "/demo/products", "/demo/product/1", "/demo/product/2", "/demo/pricing",
        "/demo/faq", "/demo/search", "/demo/cart", "/demo/checkout", "/demo/thank-you"};

    private final byte[][] messages = new byte[LENGTH][];
    private final int[] seqOffsets = new int[LENGTH];
    private final int[] sessionOf = new int[LENGTH];
    private int cursor;

    /** The script for {@code sessions} sessions; {@code random} draws the mix and the sessions. */
    public EventScript(final int sessions, final SplittableRandom random)
    {
        for (int i = 0; i < LENGTH; i++)
        {
            sessionOf[i] = random.nextInt(sessions);
            final String json = message(random);
            messages[i] = json.getBytes(StandardCharsets.UTF_8);
            seqOffsets[i] = json.indexOf(SEQ_FIELD) + SEQ_FIELD.length();
        }
    }

    /** The index of the next message, round the script. */
    public int next()
    {
        final int i = cursor;
        cursor = cursor + 1 == LENGTH ? 0 : cursor + 1;
        return i;
    }

    /** The session (0 to sessions - 1) message {@code i} is for. */
    public int sessionOf(final int i)
    {
        return sessionOf[i];
    }

    /** Message {@code i}'s bytes, its seq now {@code seq} (the array itself: patched in place). */
    public byte[] withSeq(final int i, final long seq)
    {
        final byte[] bytes = messages[i];
        writeSeq(bytes, seqOffsets[i], seq);
        return bytes;
    }

    /** A message of the mix, with a blank seq. */
    private static String message(final SplittableRandom random)
    {
        final String seq = SEQ_FIELD + " ".repeat(SEQ_WIDTH);
        final int roll = random.nextInt(100);
        final int arg = random.nextInt(1_000);
        if (roll < 35)
        {
            return "{\"t\":\"active\"," + seq + "}";
        }
        if (roll < 57)
        {
            return "{\"t\":\"page\"," + seq + ",\"url\":\"" + PAGES[arg % PAGES.length] + "?ref=" + arg + "\",\"nav\":\"" +
                (arg % 6 == 0 ? "back" : "navigate") + "\"}";
        }
        if (roll < 72)
        {
            return "{\"t\":\"click\"," + seq + ",\"target\":\"" + (arg % 3 == 0 ? "button#add" : "a.nav>li") + "\",\"x\":" + (100 + arg % 7) +
                ",\"y\":" + (200 + arg % 5) + "}";
        }
        if (roll < 82)
        {
            return "{\"t\":\"search\"," + seq + ",\"q\":\"brass lamp\",\"results\":" + (arg % 3 == 0 ? 0 : arg % 40) + "}";
        }
        if (roll < 88)
        {
            return "{\"t\":\"visibility\"," + seq + ",\"hidden\":" + (arg % 2 == 0) + "}";
        }
        if (roll < 94)
        {
            return "{\"t\":\"form_error\"," + seq + ",\"form\":\"checkout\",\"field\":\"postcode\"}";
        }
        if (roll < 97)
        {
            return "{\"t\":\"exit_intent\"," + seq + "}";
        }
        return "{\"t\":\"goal\"," + seq + ",\"name\":\"purchase\"}";
    }

    /** Writes {@code seq} right-aligned in the padded field, spaces before it (valid JSON whitespace). */
    private static void writeSeq(final byte[] bytes, final int offset, final long seq)
    {
        long value = seq;
        int position = offset + SEQ_WIDTH - 1;
        do
        {
            bytes[position--] = (byte)('0' + value % 10);
            value /= 10;
        }
        while (value > 0);
        while (position >= offset)
        {
            bytes[position--] = ' ';
        }
    }
}
