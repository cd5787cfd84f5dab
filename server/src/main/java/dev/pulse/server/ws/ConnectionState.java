package dev.pulse.server.ws;

import java.util.List;

import org.slf4j.spi.LoggingEventBuilder;

import dev.pulse.server.logging.LogFields;
import dev.pulse.server.session.SessionId;

/** What a connection knows about itself: its id, its session once hello is done, its counts. */
final class ConnectionState
{
    long id;
    boolean helloed;
    long sidHi;
    long sidLo;
    /** The last seq handled on this connection's session (what the next ack says). */
    long lastSeq;
    int rejected;
    /** The highest seq acked on this connection: its messages' records are written (the session record learns it lazily). */
    long ackedSeq;
    /** The question held for the disk (under fsync always), not yet sent: its iid (0: none), id and catalog version. */
    int heldIid;
    String heldQuestionId;
    long heldCatalogVersion;
    /** The hello's context as key, value, ... for a hand-off's webhook ({@link HandoffContext}); empty unless the catalog has one. */
    List<String> handoffContext = List.of();

    /**
     * {@code record} naming this connection (once upgraded) and its session (once helloed): for the
     * few lines about one connection (a close, an error), never per event.
     */
    LoggingEventBuilder about(final LoggingEventBuilder record)
    {
        if (id > 0)
        {
            record.addKeyValue(LogFields.CONNECTION, id);
        }
        if (helloed)
        {
            record.addKeyValue(LogFields.SESSION, SessionId.toString(sidHi, sidLo));
        }
        return record;
    }
}
