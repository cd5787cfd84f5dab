package dev.pulse.detect;

/**
 * One event of a session, already decoded to primitives: the decoder fills it, the recorder, the
 * detectors and the governor read it. One instance per event loop, reused for every event, so an
 * event costs no allocation. Strings of the wire (paths, selectors, form names) arrive here as
 * 64-bit hashes ({@link Hash64}); page kinds come from the catalog as small ints.
 *
 * <p>Not thread-safe: owned by the thread that decodes into it. Only the fields of the current
 * {@link #type()} are meaningful; {@link #reset(EventType)} clears the rest.
 */
public final class Event
{
    /** A backend event carries at most this many fields. */
    public static final int BACKEND_FIELD_CAPACITY = 8;
    /** A backend field's text is kept up to this many characters (for response templates). */
    public static final int BACKEND_FIELD_TEXT_CAPACITY = 64;

    private EventType type = EventType.ACTIVE;
    private NavType nav = NavType.NAVIGATE;
    private long pageHash;
    private int pageKind;
    private boolean hidden;
    private long targetHash;
    private int x;
    private int y;
    private long resultCount;
    private long formHash;
    private long fieldHash;
    private long goalHash;
    private int iid;
    private long choiceHash;
    private boolean helpful;
    private int searchIntent;
    private long backendNameHash;
    private int backendFieldCount;
    private final long[] backendFieldKeyHashes = new long[BACKEND_FIELD_CAPACITY];
    private final long[] backendFieldValueHashes = new long[BACKEND_FIELD_CAPACITY];
    private final double[] backendFieldNumbers = new double[BACKEND_FIELD_CAPACITY];
    private final StringBuilder[] backendFieldTexts = new StringBuilder[BACKEND_FIELD_CAPACITY];

    public Event()
    {
        for (int i = 0; i < BACKEND_FIELD_CAPACITY; i++)
        {
            backendFieldTexts[i] = new StringBuilder(BACKEND_FIELD_TEXT_CAPACITY);
        }
    }

    /** Starts a new event of the given type with every other field cleared. */
    public Event reset(final EventType type)
    {
        this.type = type;
        nav = NavType.NAVIGATE;
        pageHash = 0;
        pageKind = 0;
        hidden = false;
        targetHash = 0;
        x = 0;
        y = 0;
        resultCount = 0;
        formHash = 0;
        fieldHash = 0;
        goalHash = 0;
        iid = 0;
        choiceHash = 0;
        helpful = false;
        searchIntent = 0;
        backendNameHash = 0;
        backendFieldCount = 0;
        return this;
    }

    public EventType type()
    {
        return type;
    }

    /** {@code page}: a page view of {@code pageHash} (see {@link PagePath}) of catalog kind {@code pageKind}. */
    public Event page(final long pageHash, final int pageKind, final NavType nav)
    {
        this.pageHash = pageHash;
        this.pageKind = pageKind;
        this.nav = nav;
        return this;
    }

    public long pageHash()
    {
        return pageHash;
    }

    public int pageKind()
    {
        return pageKind;
    }

    public NavType nav()
    {
        return nav;
    }

    /** {@code visibility}: whether the tab is now hidden. */
    public Event hidden(final boolean hidden)
    {
        this.hidden = hidden;
        return this;
    }

    public boolean hidden()
    {
        return hidden;
    }

    /** {@code click}: the hashed selector of the target and the pointer position in CSS pixels. */
    public Event click(final long targetHash, final int x, final int y)
    {
        this.targetHash = targetHash;
        this.x = x;
        this.y = y;
        return this;
    }

    public long targetHash()
    {
        return targetHash;
    }

    public int x()
    {
        return x;
    }

    public int y()
    {
        return y;
    }

    /**
     * {@code search}: how many results it returned. A negative count means "unknown" and is never
     * taken as a failed search.
     */
    public Event resultCount(final long resultCount)
    {
        this.resultCount = resultCount;
        return this;
    }

    public long resultCount()
    {
        return resultCount;
    }

    /** {@code form_error}: hashed form and field names. */
    public Event formError(final long formHash, final long fieldHash)
    {
        this.formHash = formHash;
        this.fieldHash = fieldHash;
        return this;
    }

    public long formHash()
    {
        return formHash;
    }

    public long fieldHash()
    {
        return fieldHash;
    }

    /** {@code goal}: the hashed goal name. */
    public Event goal(final long goalHash)
    {
        this.goalHash = goalHash;
        return this;
    }

    public long goalHash()
    {
        return goalHash;
    }

    /** {@code answer} / {@code dismiss}: the intervention and, for an answer, the hashed choice id. */
    public Event intervention(final int iid, final long choiceHash)
    {
        this.iid = iid;
        this.choiceHash = choiceHash;
        return this;
    }

    public int iid()
    {
        return iid;
    }

    public long choiceHash()
    {
        return choiceHash;
    }

    /** {@code feedback}: the intervention whose response it rates ({@link #intervention}) and whether it helped. */
    public Event helpful(final boolean helpful)
    {
        this.helpful = helpful;
        return this;
    }

    public boolean helpful()
    {
        return helpful;
    }

    /** {@code search}: the catalog's intent the search's words matched (its number in the catalog), 0 for none. */
    public Event searchIntent(final int searchIntent)
    {
        this.searchIntent = searchIntent;
        return this;
    }

    public int searchIntent()
    {
        return searchIntent;
    }

    /** {@code backend}: the event's hashed name; its fields follow with {@link #backendField}. */
    public Event backend(final long nameHash)
    {
        this.backendNameHash = nameHash;
        this.backendFieldCount = 0;
        return this;
    }

    public long backendNameHash()
    {
        return backendNameHash;
    }

    /**
     * Adds a field of a backend event: its hashed key and value, the value as a number
     * ({@link Double#NaN} when it is not one), and its text (kept up to
     * {@link #BACKEND_FIELD_TEXT_CAPACITY} characters, in a buffer this event reuses: no allocation).
     *
     * @return false when {@link #BACKEND_FIELD_CAPACITY} fields are already there (the field is not added).
     */
    public boolean backendField(final long keyHash, final long valueHash, final double number, final CharSequence text)
    {
        if (backendFieldCount == BACKEND_FIELD_CAPACITY)
        {
            return false;
        }
        backendFieldKeyHashes[backendFieldCount] = keyHash;
        backendFieldValueHashes[backendFieldCount] = valueHash;
        backendFieldNumbers[backendFieldCount] = number;
        final StringBuilder kept = backendFieldTexts[backendFieldCount];
        kept.setLength(0);
        kept.append(text, 0, Math.min(text.length(), BACKEND_FIELD_TEXT_CAPACITY));
        backendFieldCount++;
        return true;
    }

    /** The text of field {@code index}, valid until the next {@link #reset} or {@link #backend}. */
    public CharSequence backendFieldText(final int index)
    {
        return backendFieldTexts[index];
    }

    public int backendFieldCount()
    {
        return backendFieldCount;
    }

    public long backendFieldKeyHash(final int index)
    {
        return backendFieldKeyHashes[index];
    }

    public long backendFieldValueHash(final int index)
    {
        return backendFieldValueHashes[index];
    }

    public double backendFieldNumber(final int index)
    {
        return backendFieldNumbers[index];
    }
}
