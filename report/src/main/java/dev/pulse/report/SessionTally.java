package dev.pulse.report;

import org.agrona.collections.Long2LongHashMap;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.SessionEndReason;

/**
 * Follows each session through the range: whether it started (new or resumed), the questions it
 * was shown, and which of them it answered or dismissed, so that an ANSWER or DISMISS (which name
 * only the intervention id) is counted with the trigger and question that asked.
 *
 * <p>Memory stays bounded by the sessions alive at once, not by the range: a session is folded as
 * its records stream, and when it expires (SESSION_END; an expired session's id never comes back)
 * its exposure is counted and it is forgotten. Two primitive maps, no object per session:
 * <pre>
 *   stateBySession   folded session -&gt; bits 63..32 the newest open question's iid (the head of its list)
 *                                       bits 31..3  questions shown (saturating)
 *                                       bit  2      has open questions, bit 1 started new, bit 0 started
 *   openByQuestion   key(session, iid) -&gt; bits 63..32 the next open question's iid
 *                                          bit  31     has a next
 *                                          bits 30..0  the question asked ({@link AskedQuestions} number)
 * </pre>
 * The open questions of a session form a list through {@code openByQuestion}, so its end forgets
 * them without a scan (a session has a few). A session whose end is never journaled (a server that
 * lost its session store) stays until the end of the pass. Not thread-safe.
 */
final class SessionTally
{
    private static final long STARTED = 1;
    private static final long STARTED_NEW = 2;
    private static final long HAS_OPEN = 4;
    private static final int SHOWN_SHIFT = 3;
    private static final long SHOWN_MAX = (1L << 29) - 1;
    private static final long HAS_NEXT = 1L << 31;
    private static final long ASKED_MASK = HAS_NEXT - 1;
    private static final long MISSING_QUESTION = -1;

    /** A state of 0 (not started, nothing shown or open) is a session with nothing to remember: absent. */
    private final Long2LongHashMap stateBySession = new Long2LongHashMap(0);
    private final Long2LongHashMap openByQuestion = new Long2LongHashMap(MISSING_QUESTION);
    private final AskedQuestions asked = new AskedQuestions();
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
        final long session = Records.session(record);
        long state = stateBySession.get(session);
        if ((state & STARTED) == 0)
        {
            state |= STARTED;
            started++;
        }
        if (record.code() == 0 && (state & STARTED_NEW) == 0)
        {
            state |= STARTED_NEW;
            startedNew++;
        }
        store(session, state);
    }

    void onQuestionShown(final JournalRecordFlyweight record)
    {
        final long session = Records.session(record);
        final int iid = record.iid();
        final int question = asked.number(Records.text(record, "trigger"), Records.text(record, "question"));
        long state = withShown(stateBySession.get(session), +1);
        final long key = Records.key(session, iid);
        final long open = openByQuestion.get(key);
        if (open != MISSING_QUESTION)
        {
            // The same intervention shown again: it replaces the question, in its place in the list.
            openByQuestion.put(key, (open & ~ASKED_MASK) | question);
        }
        else
        {
            final long next = (state & HAS_OPEN) != 0 ? ((state >>> 32) << 32) | HAS_NEXT : 0;
            openByQuestion.put(key, next | question);
            state = (state & 0xFFFF_FFFFL) | HAS_OPEN | ((long)iid << 32);
        }
        store(session, state);
        questionsShown++;
        final AskedQuestion shown = asked.question(question);
        questions.shown(shown.trigger(), shown.question());
    }

    void onAnswer(final JournalRecordFlyweight record)
    {
        final AskedQuestion shown = close(record);
        if (shown != null)
        {
            questions.answered(shown.trigger(), shown.question(), Records.text(record, "choice"));
        }
        else
        {
            answersOutsideRange++;
        }
    }

    void onDismiss(final JournalRecordFlyweight record)
    {
        final AskedQuestion shown = close(record);
        if (shown != null)
        {
            questions.dismissed(shown.trigger(), shown.question());
        }
        else
        {
            answersOutsideRange++;
        }
    }

    /** A question recorded as shown was never sent: it no longer counts as shown. */
    void onQuestionUnseen(final JournalRecordFlyweight record)
    {
        final AskedQuestion shown = close(record);
        if (shown != null)
        {
            final long session = Records.session(record);
            store(session, withShown(stateBySession.get(session), -1));
            questionsShown--;
            questionsUnseen++;
            questions.unseen(shown.trigger(), shown.question());
        }
    }

    void onSessionEnd(final JournalRecordFlyweight record)
    {
        if (record.code() == SessionEndReason.EXPIRED.ordinal())
        {
            final long session = Records.session(record);
            final long state = stateBySession.remove(session);
            forgetOpen(session, state);
            countExposure(state);
        }
    }

    /** Counts the sessions still alive at the end of the range; call once. */
    Exposure exposure()
    {
        stateBySession.forEachLong((session, state) -> countExposure(state));
        stateBySession.clear();
        openByQuestion.clear();
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

    long questionsUnseen()
    {
        return questionsUnseen;
    }

    long answersOutsideRange()
    {
        return answersOutsideRange;
    }

    /** Sessions remembered: those alive with something to remember. */
    int sessions()
    {
        return stateBySession.size();
    }

    /** Questions shown, neither answered nor dismissed, of the sessions alive. */
    int openQuestions()
    {
        return openByQuestion.size();
    }

    /** The question an answer, dismiss or withdrawal closes, taken off its session's list: null if not open (not shown in the range, or closed). */
    private AskedQuestion close(final JournalRecordFlyweight record)
    {
        final long session = Records.session(record);
        final int iid = record.iid();
        final long removed = openByQuestion.remove(Records.key(session, iid));
        if (removed == MISSING_QUESTION)
        {
            return null;
        }
        final long state = stateBySession.get(session);
        if ((int)(state >>> 32) == iid)
        {
            // The head: the session's list now starts at the next one, or is empty.
            final long rest = (removed & HAS_NEXT) != 0 ? ((removed >>> 32) << 32) | HAS_OPEN : 0;
            store(session, (state & (0xFFFF_FFFFL & ~HAS_OPEN)) | rest);
        }
        else
        {
            unlink(session, (int)(state >>> 32), iid, removed);
        }
        return asked.question((int)(removed & ASKED_MASK));
    }

    /** Points the entry before {@code iid} in the session's list at the one after it. */
    private void unlink(final long session, final int head, final int iid, final long removed)
    {
        int at = head;
        while (true)
        {
            final long key = Records.key(session, at);
            final long entry = openByQuestion.get(key);
            if (entry == MISSING_QUESTION || (entry & HAS_NEXT) == 0)
            {
                return;
            }
            if ((int)(entry >>> 32) == iid)
            {
                openByQuestion.put(key, (entry & ASKED_MASK) | (removed & ~ASKED_MASK));
                return;
            }
            at = (int)(entry >>> 32);
        }
    }

    private void forgetOpen(final long session, final long state)
    {
        boolean more = (state & HAS_OPEN) != 0;
        int at = (int)(state >>> 32);
        while (more)
        {
            final long entry = openByQuestion.remove(Records.key(session, at));
            more = entry != MISSING_QUESTION && (entry & HAS_NEXT) != 0;
            at = (int)(entry >>> 32);
        }
    }

    private void store(final long session, final long state)
    {
        if (state == 0)
        {
            stateBySession.remove(session);
        }
        else
        {
            stateBySession.put(session, state);
        }
    }

    private void countExposure(final long state)
    {
        if ((state & STARTED) != 0)
        {
            exposure[(int)Math.min(3, shown(state))]++;
        }
    }

    private static long shown(final long state)
    {
        return (state >>> SHOWN_SHIFT) & SHOWN_MAX;
    }

    private static long withShown(final long state, final int change)
    {
        final long shown = Math.max(0, Math.min(SHOWN_MAX, shown(state) + change));
        return (state & ~(SHOWN_MAX << SHOWN_SHIFT)) | (shown << SHOWN_SHIFT);
    }
}
