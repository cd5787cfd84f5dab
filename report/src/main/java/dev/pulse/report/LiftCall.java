package dev.pulse.report;

/** The verdict on one trigger's lift, from its p-value adjusted for the family of triggers. */
public enum LiftCall
{
    UP("up", "more people moved forward when asked"),
    DOWN("down", "fewer people moved forward when asked"),
    UNCLEAR("unclear", "no clear difference"),
    NOT_TESTED("not_tested", "not enough data");

    /** The family-wise (or false discovery) level a call is made at. */
    public static final double LEVEL = 0.05;

    private final String wireName;
    private final String sentence;

    LiftCall(final String wireName, final String sentence)
    {
        this.wireName = wireName;
        this.sentence = sentence;
    }

    public String wireName()
    {
        return wireName;
    }

    public String sentence()
    {
        return sentence;
    }
}
