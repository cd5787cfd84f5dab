package dev.pulse.loadtest;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kill loop's clients' counts: connections, resends, and every way the server's word disagreed
 * with the ledgers (a session not resumed, a welcome below what was acked or above what was sent,
 * an ack above what was sent). Plain fields: written on the driver's event loop only; others read
 * a {@link #copy()} taken there.
 */
final class KillLoopTally
{
    long connects;
    long connectFailures;
    long welcomes;
    long resent;
    long notResumed;
    long welcomesBelowAcked;
    long welcomesAboveSent;
    long acksAboveSent;
    long questionsAndResponses;
    final long[] errors = new long[ErrorCodes.COUNT];
    final Map<Integer, Long> closesByCode = new TreeMap<>();

    /** Whether the server broke a promise the clients can see without the journal. */
    boolean ok()
    {
        return notResumed == 0 && welcomesBelowAcked == 0 && welcomesAboveSent == 0 && acksAboveSent == 0;
    }

    KillLoopTally copy()
    {
        final KillLoopTally copy = new KillLoopTally();
        copy.connects = connects;
        copy.connectFailures = connectFailures;
        copy.welcomes = welcomes;
        copy.resent = resent;
        copy.notResumed = notResumed;
        copy.welcomesBelowAcked = welcomesBelowAcked;
        copy.welcomesAboveSent = welcomesAboveSent;
        copy.acksAboveSent = acksAboveSent;
        copy.questionsAndResponses = questionsAndResponses;
        System.arraycopy(errors, 0, copy.errors, 0, errors.length);
        copy.closesByCode.putAll(closesByCode);
        return copy;
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder()
            .append("connects ").append(connects).append(" (failed ").append(connectFailures).append(")")
            .append(", welcomes ").append(welcomes)
            .append(", resent ").append(resent)
            .append(", not resumed ").append(notResumed)
            .append(", welcomes below acked ").append(welcomesBelowAcked)
            .append(", welcomes above sent ").append(welcomesAboveSent)
            .append(", acks above sent ").append(acksAboveSent)
            .append(", questions and responses ").append(questionsAndResponses);
        if (Arrays.stream(errors).anyMatch(count -> count > 0))
        {
            text.append(", errors");
            for (int i = 0; i < errors.length; i++)
            {
                if (errors[i] > 0)
                {
                    text.append(' ').append(ErrorCodes.NAMES[i]).append('=').append(errors[i]);
                }
            }
        }
        if (!closesByCode.isEmpty())
        {
            text.append(", closes ").append(closesByCode);
        }
        return text.toString();
    }
}
