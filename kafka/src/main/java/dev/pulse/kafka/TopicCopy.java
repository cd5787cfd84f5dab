package dev.pulse.kafka;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TopicJournals#read} made of a topic.
 *
 * @param nodes the nodes that shipped a record, in name order.
 * @param journalDirs each node's records as a journal directory, in the same order.
 * @param recordsRead the topic's records read, poisoned and duplicates included.
 * @param duplicates records whose id was read before (a resend), dropped.
 * @param poisoned records skipped because they are not a valid shipped record.
 * @param firstPoison where the first poisoned record was and what was wrong with it; null when none was.
 */
public record TopicCopy(List<String> nodes, List<Path> journalDirs, long recordsRead, long duplicates, long poisoned,
    String firstPoison)
{
    public TopicCopy
    {
        nodes = List.copyOf(nodes);
        journalDirs = List.copyOf(journalDirs);
    }
}
