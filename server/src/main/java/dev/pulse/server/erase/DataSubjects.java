package dev.pulse.server.erase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import dev.pulse.detect.Hash64;
import dev.pulse.journal.ErasureSource;
import dev.pulse.journal.SidSet;
import dev.pulse.server.auth.VisitorId;
import dev.pulse.server.http.DataSubjectRequests;
import dev.pulse.server.session.SessionId;
import dev.pulse.server.session.SessionInspector;
import dev.pulse.server.ws.SessionEraser;

/**
 * A data subject's erasure and export requests, made on the admin routes' worker thread. A session
 * is erased from the store if it is held there ({@link SessionEraser}: state gone and its
 * SESSION_ERASED record written, one step), or else, if the journal has records of it and no
 * erasure yet, by the record alone (the session ended; compaction removes its records). Each
 * request answers only once its records are in the journal's file. Requests are serialised: two
 * erasures of one visitor at once would otherwise record its sessions twice.
 */
public final class DataSubjects implements DataSubjectRequests
{
    private final SessionEraser eraser;
    private final SessionInspector inspector;
    private final Path journalDir;

    public DataSubjects(final SessionEraser eraser, final SessionInspector inspector, final Path journalDir)
    {
        this.eraser = eraser;
        this.inspector = inspector;
        this.journalDir = journalDir;
    }

    @Override
    public synchronized Outcome eraseSession(final String sid)
    {
        final SessionId id = parse(sid);
        return id == null ? Outcome.MALFORMED : blocking(() ->
        {
            long position = eraser.erase(id.hi(), id.lo(), ErasureSource.ADMIN_SESSION);
            if (position == SessionEraser.ABSENT)
            {
                final SessionJournalScan.OneSession journaled = SessionJournalScan.session(journalDir, id.hi(), id.lo());
                if (!journaled.seen() || journaled.erased())
                {
                    return Outcome.UNKNOWN;
                }
                position = eraser.recordErased(id.hi(), id.lo(), journaled.visitorHash(), ErasureSource.ADMIN_SESSION);
            }
            return written(position);
        });
    }

    @Override
    public synchronized Outcome eraseVisitor(final String vid)
    {
        return vid == null || !VisitorId.isValid(vid) ? Outcome.MALFORMED : blocking(() -> eraseSessionsOf(Hash64.visitor(vid)));
    }

    private Outcome eraseSessionsOf(final long visitorHash) throws IOException, InterruptedException
    {
        final SidSet seen = new SidSet();
        final List<long[]> sessions = eraser.heldSessionsOf(visitorHash);
        sessions.forEach(sid -> seen.add(sid[0], sid[1]));
        for (final long[] sid : SessionJournalScan.sessionsOf(journalDir, visitorHash))
        {
            if (seen.add(sid[0], sid[1]))
            {
                sessions.add(sid);
            }
        }
        if (sessions.isEmpty())
        {
            return Outcome.UNKNOWN;
        }
        long lastPosition = 0;
        for (final long[] sid : sessions)
        {
            long position = eraser.erase(sid[0], sid[1], ErasureSource.ADMIN_VISITOR);
            if (position == SessionEraser.ABSENT)
            {
                position = eraser.recordErased(sid[0], sid[1], visitorHash, ErasureSource.ADMIN_VISITOR);
            }
            if (position == SessionEraser.REFUSED)
            {
                // Those erased so far stay erased; asked again, the rest are found and erased.
                return Outcome.UNAVAILABLE;
            }
            lastPosition = Math.max(lastPosition, position);
        }
        return written(lastPosition);
    }

    @Override
    public synchronized String export(final String sid)
    {
        final SessionId id = parse(sid);
        if (id == null)
        {
            return null;
        }
        try
        {
            final SessionJournalScan.OneSession journaled = SessionJournalScan.session(journalDir, id.hi(), id.lo());
            final String state = inspector.describeJson(sid);
            if (journaled.erased() || (state == null && !journaled.seen()))
            {
                return null;
            }
            final StringBuilder json = new StringBuilder(1024).append("{\"sid\":\"").append(id).append("\",\"state\":")
                .append(state == null ? "null" : state).append(",\"records\":[");
            json.append(String.join(",", journaled.recordsJson()));
            return json.append("]}").toString();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A request that reads the journal and waits: an interrupt (the server stopping) makes it unavailable. */
    private interface Blocking
    {
        Outcome run() throws IOException, InterruptedException;
    }

    private static Outcome blocking(final Blocking request)
    {
        try
        {
            return request.run();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return Outcome.UNAVAILABLE;
        }
    }

    private Outcome written(final long position) throws InterruptedException
    {
        return position != SessionEraser.REFUSED && eraser.awaitWritten(position) ? Outcome.DONE : Outcome.UNAVAILABLE;
    }

    /** The id, or null when the text is not 32 hex characters. */
    private static SessionId parse(final String sid)
    {
        final SessionId id = new SessionId();
        return sid != null && id.parse(sid.toCharArray(), 0, sid.length()) ? id : null;
    }
}
