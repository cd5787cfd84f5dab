package dev.pulse.server.ws;

import dev.pulse.detect.NavType;
import dev.pulse.server.auth.VisitorId;
import dev.pulse.server.carry.CarryCodec;
import dev.pulse.server.protocol.ErrorCode;

/**
 * One client message as the decoder found it: its type and fields as primitives and reused char
 * buffers, or the reason it was rejected. One instance per event loop, cleared for each message.
 */
public final class DecodedMessage
{
    /** Context pairs kept from a hello; more are ignored. */
    public static final int MAX_CONTEXT = 8;
    static final int MAX_STRING = 1024;
    /** Longer than any well-formed session token (a v2 with a 64-character visitor and 256 of context); a longer one is cut and then fails its check. */
    static final int MAX_TOKEN = 512;

    MessageType type;
    ErrorCode error;
    String errorDetail;
    long seq;
    boolean hasSeq;
    long version;
    boolean hasVersion;
    final CharField sid = new CharField(64);
    final CharField token = new CharField(MAX_TOKEN);
    /** One longer than a visitor id may be, so a longer one is seen (and refused), not cut to fit. */
    final CharField vid = new CharField(VisitorId.MAX_LENGTH + 1);
    final CharField url = new CharField(MAX_STRING);
    /** One longer than a carry may be, so a longer one is seen (and ignored as malformed), not cut to fit. */
    final CharField carry = new CharField(CarryCodec.MAX_TEXT + 1);
    long acked;
    NavType nav;
    int hidden;
    final CharField target = new CharField(256);
    int x;
    int y;
    boolean hasX;
    boolean hasY;
    final CharField query = new CharField(MAX_STRING);
    /** The catalog intent the query's words matched (0: none), and its name (null): set by the server, never decoded. */
    int searchIntent;
    String searchIntentName;
    long results;
    boolean hasResults;
    final CharField form = new CharField(256);
    final CharField field = new CharField(256);
    final CharField name = new CharField(256);
    final CharField iid = new CharField(32);
    final CharField choice = new CharField(256);
    /** A feedback's {@code helpful}: 1 true, 0 false, -1 absent. */
    int helpful;
    final CharField[] contextKeys = new CharField[MAX_CONTEXT];
    final CharField[] contextValues = new CharField[MAX_CONTEXT];
    int contextCount;
    boolean contextInvalid;

    public DecodedMessage()
    {
        for (int i = 0; i < MAX_CONTEXT; i++)
        {
            contextKeys[i] = new CharField(64);
            contextValues[i] = new CharField(256);
        }
    }

    void clear()
    {
        type = null;
        error = null;
        errorDetail = null;
        seq = 0;
        hasSeq = false;
        version = 0;
        hasVersion = false;
        sid.clear();
        token.clear();
        vid.clear();
        url.clear();
        carry.clear();
        acked = 0;
        nav = null;
        hidden = -1;
        target.clear();
        x = 0;
        y = 0;
        hasX = false;
        hasY = false;
        query.clear();
        searchIntent = 0;
        searchIntentName = null;
        results = 0;
        hasResults = false;
        form.clear();
        field.clear();
        name.clear();
        iid.clear();
        choice.clear();
        helpful = -1;
        contextCount = 0;
        contextInvalid = false;
    }

    void reject(final ErrorCode code, final String detail)
    {
        if (error == null)
        {
            error = code;
            errorDetail = detail;
        }
    }

    public MessageType type()
    {
        return type;
    }

    /** Why the message was rejected, or null when it is valid. */
    public ErrorCode error()
    {
        return error;
    }

    /** A fixed description of the problem (never text from the message). */
    public String errorDetail()
    {
        return errorDetail;
    }

    public boolean hasSeq()
    {
        return hasSeq;
    }

    public long seq()
    {
        return seq;
    }

    public boolean hasVersion()
    {
        return hasVersion;
    }

    public long version()
    {
        return version;
    }

    public CharField sid()
    {
        return sid;
    }

    /** A hello's visitor id (absent when it had none; checked by {@link MessageRules}). */
    public CharField vid()
    {
        return vid;
    }

    /** A hello's session token (empty when it had none). */
    public CharField token()
    {
        return token;
    }

    /** A hello's carry from another node of the cluster (absent when it had none). */
    public CharField carry()
    {
        return carry;
    }

    /** A hello's {@code acked}: the highest seq the client saw acked (0 when it said none). */
    public long acked()
    {
        return acked;
    }

    public CharField url()
    {
        return url;
    }

    public NavType nav()
    {
        return nav;
    }

    public boolean hidden()
    {
        return hidden == 1;
    }

    public CharField target()
    {
        return target;
    }

    public int x()
    {
        return x;
    }

    public int y()
    {
        return y;
    }

    public CharField query()
    {
        return query;
    }

    public long results()
    {
        return results;
    }

    public CharField form()
    {
        return form;
    }

    public CharField field()
    {
        return field;
    }

    public CharField name()
    {
        return name;
    }

    public CharField iid()
    {
        return iid;
    }

    public CharField choice()
    {
        return choice;
    }

    /** Whether a feedback said the response helped. */
    public boolean helpful()
    {
        return helpful == 1;
    }

    public int contextCount()
    {
        return contextCount;
    }

    public CharField contextKey(final int index)
    {
        return contextKeys[index];
    }

    public CharField contextValue(final int index)
    {
        return contextValues[index];
    }
}
