package dev.pulse.server.session;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * A session as JSON, for the admin route: what an operator needs to see why a session was or was
 * not asked. A cold path with its own accessor; calls are serialised.
 */
public final class SessionInspector
{
    private final SessionAccess access;
    private final SessionId id = new SessionId();

    public SessionInspector(final SessionStore store)
    {
        this.access = store.newAccess();
    }

    /** The session as a JSON object, or null if there is no such session. */
    public synchronized String describeJson(final String sid)
    {
        final char[] chars = sid.toCharArray();
        if (!id.parse(chars, 0, chars.length) || !access.open(id.hi(), id.lo()))
        {
            return null;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final StringBuilder json = new StringBuilder(512).append('{');
            field(json, "sid", '"' + SessionId.toString(state.sidHi(), state.sidLo()) + '"');
            field(json, "layout_version", state.layoutVersion());
            field(json, "created_ms", state.createdMs());
            field(json, "last_event_ms", state.lastEventMs());
            field(json, "last_seq", state.lastSeq());
            field(json, "page_views", state.pageViewCount());
            field(json, "current_page_kind", state.currentPageKind());
            field(json, "hidden", state.hidden());
            field(json, "visitor_hash", '"' + Long.toHexString(state.visitorHash()) + '"');
            field(json, "asked", state.questions().askedCount());
            field(json, "open_iid", state.questions().openIid());
            field(json, "dismissed", state.questions().dismissed());
            field(json, "last_shown_ms", state.questions().lastShownMs());
            field(json, "pending_trigger_key", state.questions().pendingTriggerKey());
            field(json, "owner_connection", access.server().ownerConnectionId());
            json.setLength(json.length() - 1);
            return json.append('}').toString();
        }
        finally
        {
            access.close();
        }
    }

    private static void field(final StringBuilder json, final String name, final Object value)
    {
        json.append('"').append(name).append("\":").append(value).append(',');
    }
}
