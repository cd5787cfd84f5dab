package dev.pulse.catalog.compile;

import java.util.List;

/** An approved response ready to serve, with its copy per context segment. Immutable. */
public final class CompiledResponse extends CompiledEntry
{
    private final String approvedBy;
    private final String approvedAt;
    /** Segment slot 0 is "no segment". */
    private final ResponseCopy[] copies;
    private final FeedbackCopy feedback;
    private final CompiledHandoff handoff;

    CompiledResponse(
        final String id,
        final int index,
        final String approvedBy,
        final String approvedAt,
        final SegmentCondition[] segments,
        final ResponseCopy[] copies,
        final FeedbackCopy feedback,
        final CompiledHandoff handoff)
    {
        super(id, index, segments);
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.copies = copies;
        this.handoff = handoff;
        this.feedback = feedback;
    }

    /**
     * The wording of "Did this help?" when this response asks it (its own {@code feedback}, else the
     * site's), or null when it does not.
     */
    public FeedbackCopy feedback()
    {
        return feedback;
    }

    /** The hand-off of a response of kind handoff, or null for an answer. */
    public CompiledHandoff handoff()
    {
        return handoff;
    }

    public String approvedBy()
    {
        return approvedBy;
    }

    public String approvedAt()
    {
        return approvedAt;
    }

    /** The copy for a segment (-1 for none). */
    public ResponseCopy copy(final int segment)
    {
        return copies[segment + 1];
    }

    public List<ResponseCopy> allCopies()
    {
        return List.of(copies);
    }
}
