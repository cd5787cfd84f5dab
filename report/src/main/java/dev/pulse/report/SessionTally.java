package dev.pulse.report;

import java.util.HashMap;
import java.util.Map;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.SessionEndReason;

/**
 * Follows each session through the range: whether it started (new or resumed), the questions it
 * was shown, and which of them it answered or dismissed, so that an ANSWER or DISMISS (which name
 * only the intervention id) is counted with the trigger and question that asked.
 *
 * <p>Memory stays bounded by the sessions alive at once, not by the range: when a session expires
 * (SESSION_END; an expired session's id never comes back) its exposure is counted and it is
 * forgotten. Not thread-safe.
 */
final class SessionTally
{
    private final Map<Records.SessionKey, Session> sessions = new HashMap<>();
    private final QuestionTally questions;
    private final long[] exposure = new long[4];
    private long started;
    private long startedNew;
    private long questionsShown;
    private long answersOutsideRange;
    private long questionsUnseen;

    SessionTally(final QuestionTally questions)
    {
        this.questions = questions;
    }

    void onSessionStart(final JournalRecordFlyweight record)
    {
        final Session session = session(record);
        if (!session.started)
        {
            session.started = true;
            started++;
        }
        if (record.code() == 0 && !session.startedNew)
        {
            session.startedNew = true;
            startedNew++;
        }
    }

    void onQuestionShown(final JournalRecordFlyweight record)
    {
        final Session session = session(record);
        final Shown shown = new Shown(Records.text(record, "trigger"), Records.text(record, "question"));
        session.questionsShown++;
        session.open.put(record.iid(), shown);
        questionsShown++;
        questions.shown(shown.trigger(), shown.question());
    }

    void onAnswer(final JournalRecordFlyweight record)
    {
        final Shown shown = close(record);
        if (shown != null)
        {
            questions.answered(shown.trigger(), shown.question(), Records.text(record, "choice"));
        }
    }

    void onDismiss(final JournalRecordFlyweight record)
    {
        final Shown shown = close(record);
        if (shown != null)
        {
            questions.dismissed(shown.trigger(), shown.question());
        }
    }

    void onSessionEnd(final JournalRecordFlyweight record)
    {
        if (record.code() == SessionEndReason.EXPIRED.ordinal())
        {
            final Session session = sessions.remove(Records.SessionKey.of(record));
            if (session != null)
            {
                countExposure(session);
            }
        }
    }

    /** Counts the sessions still alive at the end of the range; call once. */
    Exposure exposure()
    {
        sessions.values().forEach(this::countExposure);
        sessions.clear();
        return new Exposure(exposure[0], exposure[1], exposure[2], exposure[3]);
    }

    long started()
    {
        return started;
    }

    long startedNew()
    {
        return startedNew;
    }

    long questionsShown()
    {
        return questionsShown;
    }

    /** A question recorded as shown was never sent: it no longer counts as shown. */
    void onQuestionUnseen(final JournalRecordFlyweight record)
    {
        final Session session = sessions.get(Records.SessionKey.of(record));
        final Shown shown = session == null ? null : session.open.remove(record.iid());
        if (shown != null)
        {
            session.questionsShown--;
            questionsShown--;
            questionsUnseen++;
            questions.unseen(shown.trigger(), shown.question());
        }
    }

    long questionsUnseen()
    {
        return questionsUnseen;
    }

    long answersOutsideRange()
    {
        return answersOutsideRange;
    }

    /** The question an answer or dismiss closes, once: null if it was not shown in the range (or already closed). */
    private Shown close(final JournalRecordFlyweight record)
    {
        final Session session = sessions.get(Records.SessionKey.of(record));
        final Shown shown = session == null ? null : session.open.remove(record.iid());
        if (shown == null)
        {
            answersOutsideRange++;
        }
        return shown;
    }

    private void countExposure(final Session session)
    {
        if (session.started)
        {
            exposure[Math.min(3, session.questionsShown)]++;
        }
    }

    private Session session(final JournalRecordFlyweight record)
    {
        return sessions.computeIfAbsent(Records.SessionKey.of(record), key -> new Session());
    }

    /** A question shown and not yet answered or dismissed. */
    private record Shown(String trigger, String question)
    {
    }

    /** One session's state in the pass. */
    private static final class Session
    {
        final Map<Integer, Shown> open = new HashMap<>(4);
        boolean started;
        boolean startedNew;
        int questionsShown;
    }
}
