package dev.pulse.cluster;

/**
 * What of issue 18 the drill can check on this branch. SEAMS, to turn on as the other items land:
 * {@link #SHIPPING} when the nodes ship their journals to Kafka (item 3), {@link #CLUSTER_REPORT}
 * when {@code pulse report} reads several data directories and Kafka (item 4).
 */
final class DrillSeams
{
    static final boolean SHIPPING = false;
    static final boolean CLUSTER_REPORT = true;

    private DrillSeams()
    {
    }
}
